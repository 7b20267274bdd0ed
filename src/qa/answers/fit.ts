/**
 * Whether a figure can answer the question at all, whatever it scores. Each check rules a figure
 * out; the ranking decides among those left, and with none left the answer is an honest not_found.
 * Softer evidence (a weight for "how much") stays in the scoring: ruled out outright, it cost
 * more right answers than it saved.
 */
import { ownYearsIn, yearsIn } from "../../facts/dates.js";
import { actionLemma, DRUG_NAMES } from "../../facts/lexicon.js";
import { findNumbers } from "../../facts/numbers.js";
import type { Fact } from "../../facts/schema.js";
import { measureNamedBy, TIME_UNITS } from "../../facts/units.js";
import { DRUGS } from "../../lexicon/drugs.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { words } from "../../text/tokenize.js";
import { ASKS_CURRENT, LAST_YEAR, type ScoredFact, SINCE_LAST_YEAR, statedRate } from "../rank.js";
import { factsIn, type ReportIndex } from "../reportIndex.js";
import type { Query } from "../understand.js";
import { concept, conceptsOf } from "../vocabulary.js";

const CURRENCY = /^[A-Z]{3}$/;

/** "How much did the wall cost": money asked is never answered by miles or people. */
function moneyWhenAsked(query: Query, fact: Fact): boolean {
  return query.measure.expected.kind !== "currency" || CURRENCY.test(fact.unit ?? "");
}

/**
 * "… in euros?" of "4 million euros ($4.3 million)": the currency asked decides, wherever the report
 * states a figure in it; a report with none in that currency may still answer in its own.
 */
function currencyWhenNamed(query: Query, fact: Fact, index: ReportIndex): boolean {
  const asked = query.measure.expected.kind === "currency" ? query.measure.expected.unit : null;
  if (!asked || fact.unit === asked || !CURRENCY.test(fact.unit ?? "")) return true;
  return !index.retrieval.byUnit.has(asked);
}

/** "How much of the $5 billion goes to …": a figure the question states is a filter, not the answer. */
function notStated(query: Query, fact: Fact): boolean {
  return !statedNumbers(query).has(fact.value);
}

/** The question's own figures, worked out once per question. */
const statedCache = new WeakMap<Query, Set<number>>();

function statedNumbers(query: Query): Set<number> {
  let stated = statedCache.get(query);
  if (!stated) {
    stated = new Set(findNumbers(query.cleaned).map((number) => number.value));
    statedCache.set(query, stated);
  }
  return stated;
}

/**
 * A figure for FY 2021 never answers a question about FY 2022: a figure its own words (else its
 * paragraph) date to other years than the one asked is ruled out. An undated figure may stand.
 */
function rightYear(query: Query, scored: ScoredFact, index: ReportIndex): boolean {
  const asked = query.filters.period.years;
  if (asked.length === 0) return true;
  const { dated, inParagraph } = datedYears(scored, index);
  if (dated.length === 0) return true;
  return asked.some((year) => dated.includes(year) || inParagraph.includes(year));
}

/** A figure's years, worked out once per figure. */
const datedCache = new WeakMap<ScoredFact["doc"], { dated: string[]; inParagraph: string[] }>();

function datedYears({ fact, doc }: ScoredFact, index: ReportIndex) {
  const cached = datedCache.get(doc);
  if (cached) return cached;
  const paragraph = index.report.paragraphs[fact.paragraph - 1]?.text ?? "";
  const previous = index.report.paragraphs[fact.paragraph - 2]?.text ?? "";
  const own = ownYearsIn(`${doc.nearText} ${fact.period ?? ""}`);
  // "So far in 2025, …" then "There have been nearly 100 homicides.": the period a paragraph
  // opens on carries on into an undated paragraph after it.
  const inParagraph = ownYearsIn(paragraph);
  const opening = OPENING_PERIOD.exec(previous)?.[0] ?? "";
  const dated = own.length > 0 ? own : inParagraph.length > 0 ? inParagraph : yearsIn(opening);
  const years = { dated, inParagraph: yearsIn(paragraph) };
  datedCache.set(doc, years);
  return years;
}

/**
 * "How many homicides, the actual number", "murder count?", "arrests #": a count asked in so many
 * words is never a percentage, nor a sum of money.
 */
const ASKS_NUMBER =
  /\b(?:actual|raw|exact|total|real) (?:number|count|figure)\b|\bnumber of\b|\bcount\b|#/i;

function countWhenNumberAsked(query: Query, fact: Fact): boolean {
  if (query.measure.expected.kind !== null || !ASKS_NUMBER.test(query.cleaned)) return true;
  return fact.unit !== "percent" && fact.unit !== "share" && !CURRENCY.test(fact.unit ?? "");
}

/** Each contrast word's concept → the concept of the other half ("women" → "men"). */
const OTHER_HALF = new Map(
  GRAMMAR.contrasts.flatMap(([a, b]) => [
    [concept(a), concept(b)],
    [concept(b), concept(a)],
  ]),
);

/**
 * "What share of victims were women": a figure whose sentence names only the other half
 * ("men make up over 50% of victims") does not answer for this half.
 */
export function sameHalf(query: Query, { doc }: ScoredFact): boolean {
  // Checked for every ranked figure: the question's few concepts are read as they are, not copied.
  const asked = query.measure.concepts;
  const named = (c: string) => doc.core.has(c) || doc.near.has(c) || doc.context.has(c);
  for (const c of asked) {
    const other = OTHER_HALF.get(c);
    if (other && !asked.includes(other) && named(other) && !named(c)) return false;
  }
  return true;
}

/** "Murders so far this year": a figure its own words give for last year never answers it. */
function notLastYearForCurrent(query: Query, { doc }: ScoredFact): boolean {
  if (!ASKS_CURRENT.test(query.cleaned)) return true;
  return !LAST_YEAR.test(doc.nearText) || SINCE_LAST_YEAR.test(doc.nearText);
}

/** "How many lbs of …", "… in tons?": the unit word the question asks the figure in. */
const ASKED_IN_UNIT = /\bhow (?:many|much) ([a-z]+)\b|\bin ([a-z]+)\W*$/i;

/**
 * A weight or volume asked by its unit ("how many lbs of …", "… in tons?") is answered only by
 * one; a unit named elsewhere ("cases of more than a kilogram", "price per kilogram") is not asked.
 */
function measureWhenAsked(query: Query, fact: Fact): boolean {
  const { kind } = query.measure.expected;
  if ((kind !== "mass" && kind !== "volume") || fact.base !== null) return true;
  const match = ASKED_IN_UNIT.exec(query.cleaned);
  const word = match?.[1] ?? match?.[2];
  return !word || measureNamedBy(word)?.kind !== kind;
}

/** "How many deaths": a count is never a sum of money nor a percentage, unless that is asked. */
function noMoneyForHowMany(query: Query, fact: Fact): boolean {
  if (query.measure.expected.kind !== null || !/\bhow many\b/i.test(query.cleaned)) return true;
  return !CURRENCY.test(fact.unit ?? "") && fact.unit !== "percent";
}

/** "How many homicides" is never "126 years": a time span answers only a question about time. */
function timeWhenAsked(query: Query, fact: Fact): boolean {
  const { kind, unit } = query.measure.expected;
  if (kind !== null || unit === null || TIME_UNITS.has(unit)) return true;
  return !TIME_UNITS.has(fact.unit ?? "");
}

/** "The average cut per state", "the mean award for each town": an average rate is asked. */
const ASKS_AVERAGE = /\b(?:average|mean|on average|avg)\b/i;

/**
 * "What's the average cut per state" is not answered by a count of positions cut: asked for an
 * average per something, a figure answers only when it is stated per that thing or as an average.
 */
function averageWhenAsked(query: Query, { doc }: ScoredFact): boolean {
  const per = query.measure.per;
  if (!per || !ASKS_AVERAGE.test(query.cleaned)) return true;
  // "by an average of $30,000": the words just before the figure call it an average.
  return statedRate(doc) === concept(per) || ASKS_AVERAGE.test(doc.lead.slice(-30));
}

/** "How many times higher", "twice as likely … than", "how much more … compared with": a ratio is asked. */
const ASKS_RATIO =
  /\b(?:times|fold|twice|thrice|than|compared|ratio)\b|\bhow much (?:more|less|higher|lower|greater|bigger|larger|smaller|likelier)\b/i;

/**
 * "Three times higher than the city" counts nothing: a multiplier answers only a question that
 * asks how many times, or compares, never "what is the city's murder rate".
 */
function ratioWhenAsked(query: Query, fact: Fact): boolean {
  return fact.unit !== "times" || ASKS_RATIO.test(query.cleaned);
}

/** "How much of the budget …": an amount is money, a weight or a share, never a count or a time. */
function amountWhenAsked(query: Query, fact: Fact): boolean {
  if (query.measure.expected.kind !== "amount") return true;
  return CURRENCY.test(fact.unit ?? "") || fact.base !== null || fact.unit === "percent";
}

/** "How much of the $5 billion …": the question states the whole it asks a part of. */
const PART_OF_STATED = /\bhow (?:much|many) of (?:the |this |that |its |their )?\$?\d/i;

/** A part of a stated whole is stated beside it: a figure in a paragraph without the whole is not. */
function besideStatedWhole(query: Query, fact: Fact, index: ReportIndex): boolean {
  if (!PART_OF_STATED.test(query.cleaned)) return true;
  const whole = new Set(findNumbers(query.cleaned).map((number) => number.value));
  return factsIn(index, [fact.paragraph]).some((other) => whole.has(other.value));
}

/** A paragraph's opening clause that names its period: "So far in 2025,", "In FY 2024,". */
const OPENING_PERIOD = /^[^,.;:]{0,40}?\b(?:(?:19|20)\d{2}|fy\s?'?\d{2,4})\b[^,.;:]{0,20}[,:]/i;

/** "How much of the healthcare cost is …": the whole a question asks a part of, in words. */
const PART_OF_NAMED =
  /\bhow (?:much|many) of (?:the|this|that|its|their) ((?:[a-z-]+ ){0,3}?[a-z-]+) (?:is|are|was|were|goes|go|went|did|does|do|will|would|has|have|comes|came|got|gets)\b/i;

/**
 * A part of a whole the question names is stated where the whole is named, and the words that
 * say which part ("… is paid by the insurers") stand in the figure's own sentence or the one
 * before it.
 */
function besideNamedWhole(query: Query, { doc, fact }: ScoredFact, index: ReportIndex): boolean {
  const match = PART_OF_NAMED.exec(query.cleaned);
  if (!match) return true;
  // "… the region": the sentence before may name the part the figure's own sentence points back to.
  const before = index.report.paragraphs[fact.paragraph - 1]?.sentences[fact.sentence - 1]?.text;
  const pointedAt = new Set(conceptsOf(before ?? ""));
  const whole = conceptsOf(match[1] ?? "");
  const part = words(query.cleaned.slice((match.index ?? 0) + match[0].length))
    .filter((word) => !/(?:ed|ing)$/.test(word) && actionLemma(word) === null)
    .flatMap(conceptsOf);
  const inSentence = (c: string) => doc.context.has(c) || doc.near.has(c) || doc.core.has(c);
  const stated = (c: string) => inSentence(c) || pointedAt.has(c);
  return whole.every((c) => doc.paragraph.has(c) || inSentence(c)) && part.every(stated);
}

/** Substances by name, not a class ("drugs") nor one that is an everyday word ("ice", "crack"). */
const NOT_ONE = new Set(DRUGS.notOneSubstance.map(concept));
const SUBSTANCES: ReadonlySet<string> = new Set(
  [...DRUG_NAMES].map(concept).filter((c) => !NOT_ONE.has(c)),
);

/** One substance by name ("heroin", or "heroine" as typed): not a class of drugs. */
export function isSubstance(word: string): boolean {
  return SUBSTANCES.has(concept(word));
}

const paragraphConceptsCache = new WeakMap<ReportIndex, Map<number, Set<string>>>();

/** The concepts of paragraph `n`, worked out once per report. */
function paragraphConcepts(index: ReportIndex, n: number): Set<string> {
  let byParagraph = paragraphConceptsCache.get(index);
  if (!byParagraph) {
    byParagraph = new Map();
    paragraphConceptsCache.set(index, byParagraph);
  }
  let concepts = byParagraph.get(n);
  if (!concepts) {
    concepts = new Set(conceptsOf(index.report.paragraphs[n - 1]?.text ?? ""));
    byParagraph.set(n, concepts);
  }
  return concepts;
}

/**
 * "How many heroin deaths": a substance the question names is named in the figure's paragraph or
 * the one before it (a follow-up paragraph on "the case"). A figure for all overdose deaths says
 * nothing of one drug's share of them.
 */
function namedSubstanceStated(
  query: Query,
  { doc, fact }: ScoredFact,
  index: ReportIndex,
): boolean {
  if (query.op !== "lookup" || !query.measure.concepts.some((c) => SUBSTANCES.has(c))) return true;
  const named = query.measure.concepts.filter((c) => SUBSTANCES.has(c));
  const before = paragraphConcepts(index, fact.paragraph - 1);
  const stated = (c: string) =>
    doc.core.has(c) ||
    doc.near.has(c) ||
    doc.context.has(c) ||
    doc.paragraph.has(c) ||
    before.has(c);
  return named.every(stated);
}

export function canAnswer(query: Query, scored: ScoredFact, index: ReportIndex): boolean {
  return (
    amountWhenAsked(query, scored.fact) &&
    countWhenNumberAsked(query, scored.fact) &&
    measureWhenAsked(query, scored.fact) &&
    noMoneyForHowMany(query, scored.fact) &&
    timeWhenAsked(query, scored.fact) &&
    ratioWhenAsked(query, scored.fact) &&
    averageWhenAsked(query, scored) &&
    moneyWhenAsked(query, scored.fact) &&
    currencyWhenNamed(query, scored.fact, index) &&
    besideStatedWhole(query, scored.fact, index) &&
    besideNamedWhole(query, scored, index) &&
    notStated(query, scored.fact) &&
    namedSubstanceStated(query, scored, index) &&
    notLastYearForCurrent(query, scored) &&
    sameHalf(query, scored) &&
    rightYear(query, scored, index)
  );
}
