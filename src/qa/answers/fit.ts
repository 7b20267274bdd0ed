/**
 * Whether a figure can answer the question at all, whatever it scores. Each check rules a figure
 * out; the ranking decides among those left, and with none left the answer is an honest not_found.
 * Softer evidence (a weight for "how much") stays in the scoring: ruled out outright, it cost
 * more right answers than it saved.
 */
import { openingYears, ownYearsIn, yearsIn } from "../../facts/dates.js";
import { actionLemma, DRUG_NAMES } from "../../facts/lexicon.js";
import { findPlaces, placeByName } from "../../facts/places.js";
import { isAge } from "../../facts/readers/age.js";
import type { Fact } from "../../facts/schema.js";
import { measureNamedBy, TIME_UNITS } from "../../facts/units.js";
import { DRUGS } from "../../lexicon/drugs.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import { mentions } from "../names.js";
import {
  AGE_ASKED,
  ASKS_CHANGE,
  ASKS_CURRENT,
  ASKS_PERCENT,
  DURATION_UNITS,
  LAST_YEAR,
  type ScoredFact,
  SINCE_LAST_YEAR,
  statedNumbers,
  statedRate,
  TOTAL_WORDS,
} from "../rank.js";
import { type FactDoc, factsIn, type ReportIndex } from "../reportIndex.js";
import type { Query } from "../understand.js";
import { concept, conceptsOf } from "../vocabulary.js";
import { ASKS_REQUEST, requestedBefore } from "./spans/duration.js";

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Whether a pattern (never a global one) matches a text, remembered per owner: every check below
 * asks it of each candidate figure in turn, so each question's words are tested once per question
 * and the words before a figure (`doc.lead`) once per figure.
 */
function remembered<Owner extends object>(
  memory: WeakMap<Owner, Map<RegExp, boolean>>,
  owner: Owner,
  text: string,
  pattern: RegExp,
): boolean {
  let known = memory.get(owner);
  if (!known) {
    known = new Map();
    memory.set(owner, known);
  }
  let hit = known.get(pattern);
  if (hit === undefined) {
    hit = pattern.test(text);
    known.set(pattern, hit);
  }
  return hit;
}

const askedOf = new WeakMap<Query, Map<RegExp, boolean>>();
const asks = (query: Query, pattern: RegExp): boolean =>
  remembered(askedOf, query, query.cleaned, pattern);

const leadOf = new WeakMap<ScoredFact["doc"], Map<RegExp, boolean>>();
const leadSays = (doc: ScoredFact["doc"], pattern: RegExp): boolean =>
  remembered(leadOf, doc, doc.lead, pattern);

const HOW_MANY = /\bhow many\b/i;

/** "How much did the wall cost": money asked is never answered by miles or people. */
/** "Which got more money": a sum of money asked counts as what is asked whatever it is of. */
export function moneyAsked(query: Query, fact: Fact): boolean {
  return query.measure.expected.kind === "currency" && CURRENCY.test(fact.unit ?? "");
}

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

/**
 * A figure for FY 2021 never answers a question about FY 2022: a figure its own words (else its
 * paragraph) date to other years than the one asked is ruled out. An undated figure may stand.
 */
function rightYear(query: Query, scored: ScoredFact, index: ReportIndex): boolean {
  const asked = query.filters.period.years;
  if (asked.length === 0) return true;
  if (sameStartYear(query, scored.fact)) return true;
  const { dated, inParagraph } = datedYears(scored, index);
  // An undated figure is the report's own: of the years its opening speaks of, if it names any.
  if (dated.length === 0) {
    const own = openingYears(index.report.paragraphs);
    return own.size === 0 || asked.some((year) => own.has(year));
  }
  // "Of the fiscal year 2031 total, $12.5 million …": a figure with a period of its own is dated by
  // its own words, not by another year its paragraph names.
  const period = yearsIn(scored.fact.period ?? "");
  if (period.length > 0) return asked.some((y) => period.includes(y) || dated.includes(y));
  return asked.some((year) => dated.includes(year) || inParagraph.includes(year));
}

/** "since 2021", "since fiscal year 2019": a running total's first year. */
const SINCE_YEAR = /\bsince\s+(?:(?:fy|fiscal year)\s?)?((?:19|20)\d{2})\b/i;

/**
 * "How many kits since 2021?" of "Since 2021, the grants have handed out 5 million kits": a
 * running total counted from the year asked is dated by it, though that year is no year of its own.
 */
function sameStartYear(query: Query, fact: Fact): boolean {
  const asked = SINCE_YEAR.exec(query.cleaned)?.[1];
  return asked !== undefined && SINCE_YEAR.exec(fact.period ?? "")?.[1] === asked;
}

/** "during the same period", "over that period": a period named before. */
const SAME_PERIOD = /\b(?:the same|that|this) period\b/i;
/**
 * "…, compared with 140 in all of 2030", "…, against 530 in the first quarter of 2030": what
 * follows is the baseline's, not the figure's ("against" only before a figure: "crimes against
 * children in 2031" stays the figure's own).
 */
const BASELINE_AFTER =
  /\b(?:compared (?:with|to)|than|versus|vs\.?|(?:up|down) from|against (?=(?:about |some |nearly |roughly )?[$€£]?\d))/i;

/** A baseline and the rest of its clause: "against 530 in the first quarter of 2030". */
const BASELINE_CLAUSE = new RegExp(`${BASELINE_AFTER.source}[^.;]*`, "gi");

/** A paragraph's years less those of its baselines: the figures' own period, where it names one. */
function yearsOutsideBaselines(paragraph: string): string[] {
  return ownYearsIn(paragraph.replace(BASELINE_CLAUSE, " "));
}

/** The words around a figure up to a baseline its sentence sets it against after it. */
function beforeBaseline(nearText: string, figure: string): string {
  const at = nearText.indexOf(figure);
  if (at < 0) return nearText;
  const after = nearText.slice(at + figure.length);
  const baseline = BASELINE_AFTER.exec(after);
  return baseline ? nearText.slice(0, at + figure.length + baseline.index) : nearText;
}

/** A figure's paragraph up to the end of the figure's own sentence. */
function upToSentence(index: ReportIndex, fact: Fact): string {
  const sentences = index.report.paragraphs[fact.paragraph - 1]?.sentences ?? [];
  return sentences
    .slice(0, fact.sentence + 1)
    .map((sentence) => sentence.text)
    .join(" ");
}

/** A figure's years, worked out once per figure. */
const datedCache = new WeakMap<ScoredFact["doc"], { dated: string[]; inParagraph: string[] }>();

function datedYears({ fact, doc }: ScoredFact, index: ReportIndex) {
  const cached = datedCache.get(doc);
  if (cached) return cached;
  const paragraph = index.report.paragraphs[fact.paragraph - 1]?.text ?? "";
  const previous = index.report.paragraphs[fact.paragraph - 2]?.text ?? "";
  const near = beforeBaseline(doc.nearText, fact.text);
  const own = ownYearsIn(`${near} ${fact.period ?? ""}`);
  // "So far in 2025, …" then "There have been nearly 100 homicides.": the period a paragraph
  // opens on carries on into an undated paragraph after it; "during the same period" points back
  // to the paragraph before. A year first named after the figure's sentence ("The gap is down to
  // the leap day in February 2024.") may date what follows rather than the figure: the figure is
  // of that year or of the years the report opens on.
  const upTo = yearsOutsideBaselines(upToSentence(index, fact));
  const later = upTo.length > 0 ? [] : yearsOutsideBaselines(paragraph);
  const inParagraph = SAME_PERIOD.test(near)
    ? ownYearsIn(previous)
    : later.length > 0
      ? [...new Set([...later, ...openingYears(index.report.paragraphs)])]
      : upTo;
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
  if (query.measure.expected.kind !== null || !asks(query, ASKS_NUMBER)) return true;
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
  for (const c of asked) {
    const other = OTHER_HALF.get(c);
    if (other && !asked.includes(other) && namedIn(doc, other) && !namedIn(doc, c)) return false;
  }
  return true;
}

function namedIn(doc: FactDoc, c: string): boolean {
  return doc.core.has(c) || doc.near.has(c) || doc.context.has(c);
}

/** "Murders so far this year": a figure its own words give for last year never answers it. */
function notLastYearForCurrent(query: Query, { doc }: ScoredFact): boolean {
  if (!asks(query, ASKS_CURRENT)) return true;
  // "an increase over last year's level of $297.8 million": the figure is last year's own.
  if (LAST_YEARS_OWN.test(doc.lead)) return false;
  return !LAST_YEAR.test(doc.nearText) || SINCE_LAST_YEAR.test(doc.nearText);
}

/** "the first of the two raids", "the last of its 3 operations": one part of a group the question counts. */
const PART_OF_GROUP =
  /\bthe\s+(first|second|third|fourth|fifth|last|final)\s+of\s+(?:the|its|their|these|those)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b/i;

/**
 * "How many arrests in the first of the two raids?": where the report gives the two raids one
 * figure, it says nothing of the first. Only a figure whose own sentence (or lead-in line) names
 * the part asked, "the first raid netted 40", answers.
 */
function partOfGroupStated(query: Query, { doc }: ScoredFact): boolean {
  const part = PART_OF_GROUP.exec(query.cleaned)?.[1];
  if (!part) return true;
  return new RegExp(String.raw`\b${part}\b`, "i").test(`${doc.fact.quote} ${doc.nearText}`);
}

/** "last year's level of", "the previous year's total of": the words just before last year's figure. */
const LAST_YEARS_OWN =
  /\b(?:last|the previous|the prior) year's(?:\s+[a-z]+){0,2}\s+(?:of|was|at)\s*(?:about|nearly|some)?\s*$/i;

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
  if (query.measure.expected.kind !== null || !asks(query, HOW_MANY)) return true;
  return !CURRENCY.test(fact.unit ?? "") && fact.unit !== "percent";
}

/**
 * "How many opium farms" is not "1.7 tonnes of opium": a count of things is answered by a
 * weight only when the weight is of the thing counted ("how many drugs", "how many chemicals").
 */
function noWeightForCount(query: Query, { doc, fact }: ScoredFact): boolean {
  const target = query.measure.target;
  if (!asks(query, HOW_MANY) || query.measure.expected.kind !== null) return true;
  if (fact.base === null || target === null) return true;
  const c = concept(target);
  return DRUG_NAMES.has(target) || c === DRUGS_CONCEPT || doc.core.has(c);
}

const DRUGS_CONCEPT = concept("drugs");

/** "How much fentanyl was seized at the port" is not "70 percent of heroin …": a weight asked is no share. */
function noShareForWeight(query: Query, fact: Fact): boolean {
  const { kind } = query.measure.expected;
  return (kind !== "mass" && kind !== "volume") || fact.unit !== "percent";
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
  if (!per || !asks(query, ASKS_AVERAGE)) return true;
  // "by an average of $12,000": the words just before the figure call it an average.
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
  return fact.unit !== "times" || asks(query, ASKS_RATIO);
}

/** "How much of the budget …": an amount is money, a weight or a share, never a count or a time. */
function amountWhenAsked(query: Query, fact: Fact): boolean {
  if (query.measure.expected.kind !== "amount") return true;
  return CURRENCY.test(fact.unit ?? "") || fact.base !== null || fact.unit === "percent";
}

/** "How much of the $5 billion …": the question states the whole it asks a part of. */
const PART_OF_STATED = /\bhow (?:much|many) of (?:the |this |that |its |their )?\$?\d/i;

/** "… of the 215 million goes to training": the words after the whole's verb say which part. */
const STATED_WHOLE_PART =
  /\bhow (?:much|many) of (?:the |this |that |its |their )?\$?[\d.,]+(?:\s+(?:million|billion|thousand|trillion))?(?:\s+[a-z]+)?\s+(?:is|are|was|were|goes|go|went|did|does|do|will|would|has|have|comes|came|got|gets)\b(.*)$/i;

/**
 * A part of a stated whole is stated beside it: a figure in a paragraph without the whole is not,
 * nor one whose sentence leaves out the words that say which part ("… goes to training").
 */
function besideStatedWhole(query: Query, scored: ScoredFact, index: ReportIndex): boolean {
  if (!asks(query, PART_OF_STATED)) return true;
  const whole = statedNumbers(query);
  if (!factsIn(index, [scored.fact.paragraph]).some((other) => whole.has(other.value)))
    return false;
  return partStated(STATED_WHOLE_PART.exec(query.cleaned)?.[1] ?? "", scored, index);
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
function besideNamedWhole(query: Query, scored: ScoredFact, index: ReportIndex): boolean {
  const match = PART_OF_NAMED.exec(query.cleaned);
  if (!match) return true;
  const { doc } = scored;
  const whole = conceptsOf(match[1] ?? "");
  const inSentence = (c: string) => doc.context.has(c) || doc.near.has(c) || doc.core.has(c);
  const rest = query.cleaned.slice((match.index ?? 0) + match[0].length);
  return (
    whole.every((c) => doc.paragraph.has(c) || inSentence(c)) && partStated(rest, scored, index)
  );
}

/**
 * The words that say which part a question asks ("… is paid by the insurers") stand in the
 * figure's own sentence, or in the one before it, which the figure's sentence may point back to.
 */
function partStated(
  asked: string,
  { doc, fact }: Pick<ScoredFact, "doc" | "fact">,
  index: ReportIndex,
): boolean {
  const before = index.report.paragraphs[fact.paragraph - 1]?.sentences[fact.sentence - 1]?.text;
  const pointedAt = new Set(conceptsOf(before ?? ""));
  // "… is going to training": an "-ing" word is the asker's verb where it opens the part.
  const part = words(asked)
    .filter((word, i) => !/ed$/.test(word) && !(i === 0 && /ing$/.test(word)))
    .filter((word) => actionLemma(word) === null)
    .flatMap(conceptsOf);
  const inSentence = (c: string) => doc.context.has(c) || doc.near.has(c) || doc.core.has(c);
  return part.every((c) => inSentence(c) || pointedAt.has(c));
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

/**
 * "How much pollen was seized" is not "6,340 kg of resin and smaller amounts of pollen": a figure
 * whose own words weigh another substance by name is no figure for the one asked, though its
 * sentence names both. A figure of a class ("1.2 tons of drugs, including pollen") may still be.
 */
function ownSubstanceAsked(query: Query, { doc }: ScoredFact): boolean {
  const named = query.measure.concepts.filter((c) => SUBSTANCES.has(c));
  if (named.length === 0) return true;
  const own = [...doc.subject].some((c) => SUBSTANCES.has(c));
  return !own || named.some((c) => doc.heads.has(c) || doc.core.has(c));
}

/** "… five in Portsmouth, and another in Dover": the sentence goes on to add to the figure. */
const ADDED_AFTER = /^[^.;]*?\b(?:and|plus|as well as)\s+(?:another|a further|an additional)\b/i;
/** "… and another five in Dover": the figure is itself added to one before it. */
const ADDED_BEFORE = /\b(?:another|a further|an additional)\s*$/i;

/**
 * "How many in total": a figure its own sentence adds to ("and another … in Dover"), or that is
 * itself added, is one part of a total the report does not state.
 */
function wholeWhenTotalAsked(query: Query, { doc, fact }: ScoredFact): boolean {
  if (!asks(query, TOTAL_WORDS)) return true;
  const after = fact.quote.slice(fact.quote.indexOf(fact.text) + fact.text.length);
  return !ADDED_AFTER.test(after) && !ADDED_BEFORE.test(doc.lead);
}

/** "8.4 robberies per 100,000 residents", "$300 per capita": a rate over a population. */
const PER_POPULATION =
  /^[^,;.]{0,40}?\b(?:per|for every)\s+(?:\d[\d,.]*\s+(?:[a-z]+\s+)?[a-z]+|capita|head)\b/i;
/** "the murder rate", "per capita", "per 1,000 people": the question asks for a rate. */
const ASKS_RATE_PER = /\b(?:rates?|per|capita|ratio|every|each)\b/i;

/**
 * "How many homicides" is not "8.4 robberies per 100,000 residents": a rate over a population
 * answers only a question that asks for a rate.
 */
function countNotRate(query: Query, { fact }: ScoredFact): boolean {
  if (asks(query, ASKS_RATE_PER) || query.measure.per) return true;
  const after = fact.quote.slice(fact.quote.indexOf(fact.text) + fact.text.length);
  return !PER_POPULATION.test(after);
}

/** "after adjusting for inflation", "inflation-adjusted", "in 2025 dollars": the adjusted figure is asked. */
const ASKS_ADJUSTED =
  /\b(?:adjust(?:ed|ing|ment)?|inflation|convert(?:ed|ing)?|in (?:today's|current|(?:19|20)\d{2}) dollars)\b/i;
/** "We adjusted the $10.1 million value … to 2025 dollars ($13 million)": the figure adjusted. */
const ADJUSTED_FROM = /\b(?:adjusted|converted|updated|restated)\s+(?:the|this|that|a|an)?\s*$/i;

/** Asked for an adjusted figure, the figure a sentence adjusts is the one it starts from. */
function adjustedWhenAsked(query: Query, { doc }: ScoredFact): boolean {
  return !asks(query, ASKS_ADJUSTED) || !leadSays(doc, ADJUSTED_FROM);
}

/** "the death rate", "what share of": a level asked for, not how it changed. */
const ASKS_LEVEL = /\b(?:rates?|share|proportion|percentage of|per ?cent of|fraction)\b/i;

/** "an increase of $7.2 million", "a drop of 300": the words before a figure that is a change's size. */
const SIZE_OF_CHANGE =
  /\b(?:an?\s+)?(?:[\w-]+\s+)?(?:increase|decrease|rise|drop|decline|fall|cut|reduction|jump|gain)\s+of\s*(?:about|nearly|some|more than|roughly|almost)?\s*$/i;

/**
 * "Alberta's death rate" is not "a decrease of 17.7%", and "how much is going to it" not "an
 * increase of $7.2 million": a change answers only a question about change.
 */
function levelNotChange(query: Query, { doc, fact }: ScoredFact): boolean {
  if (asks(query, ASKS_CHANGE)) return true;
  if (fact.unit !== "percent") return !leadSays(doc, SIZE_OF_CHANGE);
  if (fact.action !== "increase" && fact.action !== "decrease") return true;
  return !asks(query, ASKS_LEVEL);
}

/** "fell 18 percent", "an increase of $7.2 million": a figure that is the size of a change. */
export function isChange({ doc, fact }: ScoredFact): boolean {
  if (fact.unit === "percent") return fact.action === "increase" || fact.action === "decrease";
  return leadSays(doc, SIZE_OF_CHANGE);
}

/** Whether a question asks how a thing changed, or a share or a percentage of it. */
export function asksChangeOrShare(query: Query): boolean {
  return (
    asks(query, ASKS_CHANGE) ||
    asks(query, ASKS_LEVEL) ||
    asks(query, ASKS_PERCENT) ||
    asks(query, ASKS_COMPARISON)
  );
}

/** "How does that compare to the year before?": a comparison asks how much a thing changed. */
const ASKS_COMPARISON = /\b(?:compar\w*|previous|prior|than|versus|vs\.?|stack up)\b/i;

/** "Coastal counties (Alder, Birch and …)": the members a group's name lists. */
const GROUP_MEMBERS = /\(([^()]*(?:,|\band\b)[^()]*)\)/g;

const TOGETHER = /\b(?:together|combined)\b/i;

/** "four suspects were held in Alder and Birch": the pair of places a figure is set in. */
function setInPair(asked: string, quote: string): boolean {
  const mentions = findPlaces(quote);
  return mentions.some((first, i) => {
    const second = mentions[i + 1];
    if (!second || (first.place.name !== asked && second.place.name !== asked)) return false;
    const before = quote.slice(Math.max(0, first.start - 8), first.start);
    return (
      /\b(?:in|at)\s+(?:the\s+)?$/i.test(before) &&
      /^\s+and\s+(?:the\s+)?$/i.test(quote.slice(first.end, second.start))
    );
  });
}
const ASKS_ALONE = /\b(?:alone|by itself|on its own)\b/i;

/** How many places of the asked place's kind a figure's places hold besides it. */
function siblings(asked: string, places: readonly string[]): number {
  const kind = placeByName(asked)?.kind;
  return places.filter((name) => name !== asked && placeByName(name)?.kind === kind).length;
}

/**
 * "Coastal counties (Alder, Birch, …): 96 deaths": a figure for a group whose
 * members its sentence lists in brackets, or that it gives places "together", is none of theirs alone.
 */
function notAGroupsFigure(query: Query, fact: Fact): boolean {
  const [asked, ...more] = query.filters.places;
  if (!asked || more.length > 0 || fact.places.length < 2 || !fact.places.includes(asked))
    return true;
  // "Alder and Birch together accounting for 38%": the pair's figure, not one's; nor
  // a figure for two ports when one is asked "alone".
  const shared = siblings(asked, fact.places) > 0;
  if (shared && (TOGETHER.test(fact.quote) || asks(query, ASKS_ALONE))) return false;
  // "… in Leeds and Bradford?" asks the pair, though each part of it is asked in turn.
  const kind = placeByName(asked)?.kind;
  const pairAsked = fact.places
    .filter((place) => placeByName(place)?.kind === kind)
    .every((place) => mentions(query.question, place));
  if (shared && !pairAsked && setInPair(asked, fact.quote)) return false;
  for (const [, members] of fact.quote.matchAll(GROUP_MEMBERS)) {
    const named = findPlaces(members ?? "").map((mention) => mention.place.name);
    if (named.includes(asked) && new Set(named).size >= 2) return false;
  }
  return true;
}

/** "By what percentage did cases rise" is never "100 days": a percentage asked is one, or a share. */
function percentWhenAsked(query: Query, fact: Fact): boolean {
  if (query.measure.expected.kind !== "percent" || !asks(query, ASKS_PERCENT)) return true;
  return fact.unit === "percent" || fact.unit === "share";
}

/** Whether a figure is of the kind asked (money, a weight, a count, a time), whatever it counts. */
export function ofKindAsked(query: Query, fact: Fact): boolean {
  return (
    amountWhenAsked(query, fact) &&
    countWhenNumberAsked(query, fact) &&
    measureWhenAsked(query, fact) &&
    noMoneyForHowMany(query, fact) &&
    noShareForWeight(query, fact) &&
    timeWhenAsked(query, fact) &&
    ratioWhenAsked(query, fact) &&
    percentWhenAsked(query, fact) &&
    moneyWhenAsked(query, fact)
  );
}

/** "for all drug charges combined", "all kinds of cases together": every kind of a thing asked. */
const ALL_KINDS =
  /\ball\s+(?:([a-z-]+)\s+)?([a-z]{3,})\s+(?:combined|together|altogether|in total|put together)\b/i;
/** Words before a noun that name no kind of it. */
const NO_KIND = new Set([
  "all",
  "the",
  "these",
  "those",
  "of",
  "on",
  "for",
  "and",
  "or",
  "other",
  "such",
  "its",
  "their",
]);

/**
 * "How many were arrested for all drug charges combined" is not "arrested 4,215 on
 * fentanyl-related charges": a figure for one kind of the thing is no total of all its kinds.
 */
function allKindsWhenAsked(query: Query, { fact }: ScoredFact): boolean {
  const asked = ALL_KINDS.exec(query.cleaned);
  if (!asked) return true;
  const [, modifier, noun = ""] = asked;
  const kinds = new RegExp(String.raw`\b([a-z-]+)\s+${stem(noun.toLowerCase())}[a-z]*\b`, "gi");
  for (const [, word = ""] of fact.quote.matchAll(kinds)) {
    const lower = word.toLowerCase();
    if (!NO_KIND.has(lower) && lower !== modifier?.toLowerCase()) return false;
  }
  return true;
}

/** Words a range label of ages opens on: "people 55 to 64", "aged 35 to 44", a row's "25 to 34:". */
const RANGE_LABEL_LEAD =
  /(?:^\s*|\b(?:aged?|ages|age group|people|persons|those|adults|children|youths?|teens|teenagers|men|women|residents|individuals|patients|victims|between the ages of|among|under|younger than|older than)\s+)$/i;
/** "… to 64,", "… - 44:": the other end of a range, with no noun of its own after it. */
const RANGE_NEXT =
  /^\s*(?:to|-|–|through)\s*\d[\d,]*(?:\s*(?:years? old|year-olds?))?\s*(?:[:,;)]|$)/i;
/** "55 to ": the first end of a range, right before the figure. */
const RANGE_PREVIOUS = /\d[\d,]*\s*(?:to|-|–|through)\s*$/i;
/** "65 and older:", "18 and over": an open-ended range. */
const RANGE_OPEN = /^\s*(?:(?:and|or)\s+(?:older|over|above|up|younger|under)\b|\+)/i;
/** "Under 25:": a label's single bound, a colon after it. */
const BOUND_ONLY_LEAD = /\b(?:under|over|aged?|ages|younger than|older than)\s+$/i;

/** "How old …", "what age …": an age is asked, and the bounds of an age range may answer. */
const ASKS_AGE = /\bhow old\b|\b(?:what|which) age\b|\bage of\b/i;

/**
 * "Among riders 45 to 59, injuries rose …", "18 to 24: 77 injuries": a number that bounds a range
 * label names the group counted; it counts nothing itself, whatever the question's words.
 */
export function boundsARange(fact: Fact): boolean {
  let known = rangeBoundOf.get(fact);
  if (known === undefined) {
    known = readsAsRangeBound(fact);
    rangeBoundOf.set(fact, known);
  }
  return known;
}

/** Whether each figure bounds a range, remembered: it is of the figure alone, asked of it per question. */
const rangeBoundOf = new WeakMap<Fact, boolean>();

function readsAsRangeBound(fact: Fact): boolean {
  const at = Math.max(0, fact.quote.indexOf(fact.text));
  const lead = fact.quote.slice(0, at);
  const after = fact.quote.slice(at + fact.text.length);
  const previous = RANGE_PREVIOUS.exec(lead);
  if (previous) return RANGE_LABEL_LEAD.test(lead.slice(0, previous.index));
  if (RANGE_NEXT.test(after) || RANGE_OPEN.test(after)) return RANGE_LABEL_LEAD.test(lead);
  return BOUND_ONLY_LEAD.test(lead) && /^\s*:/.test(after);
}

function notARangeBound(query: Query, fact: Fact): boolean {
  return asks(query, ASKS_AGE) || !boundsARange(fact);
}

/**
 * "What about <person>?" of "<person>, 36, was sentenced to 235 months": a person's age answers
 * only a question about age; the figure of theirs that answers is another.
 */
function ageWhenAsked(query: Query, fact: Fact): boolean {
  return !isAge(fact) || asks(query, AGE_ASKED);
}

/**
 * "How long did she get" is not "her lawyer asked for a sentence of five years": a term its clause
 * says was asked for answers only a question about what was asked.
 */
function imposedNotRequested(query: Query, fact: Fact): boolean {
  if (!DURATION_UNITS.has(fact.unit ?? "") || asks(query, ASKS_REQUEST)) return true;
  return !requestedBefore(fact.quote.slice(0, Math.max(0, fact.quote.indexOf(fact.text))));
}

export function canAnswer(query: Query, scored: ScoredFact, index: ReportIndex): boolean {
  return (
    ofKindAsked(query, scored.fact) &&
    averageWhenAsked(query, scored) &&
    currencyWhenNamed(query, scored.fact, index) &&
    besideStatedWhole(query, scored, index) &&
    besideNamedWhole(query, scored, index) &&
    notStated(query, scored.fact) &&
    notARangeBound(query, scored.fact) &&
    ageWhenAsked(query, scored.fact) &&
    imposedNotRequested(query, scored.fact) &&
    namedSubstanceStated(query, scored, index) &&
    ownSubstanceAsked(query, scored) &&
    notLastYearForCurrent(query, scored) &&
    partOfGroupStated(query, scored) &&
    sameHalf(query, scored) &&
    noWeightForCount(query, scored) &&
    wholeWhenTotalAsked(query, scored) &&
    allKindsWhenAsked(query, scored) &&
    countNotRate(query, scored) &&
    adjustedWhenAsked(query, scored) &&
    levelNotChange(query, scored) &&
    notAGroupsFigure(query, scored.fact) &&
    rightYear(query, scored, index)
  );
}
