import { actionLemma } from "../../facts/lexicon.js";
import { isAge } from "../../facts/readers/age.js";
import type { Fact } from "../../facts/schema.js";
import { countUnit } from "../../facts/units.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import { documentsWith } from "../bm25.js";
import { citeLine, listPlaces, notFound, quoteBlock, uniqueParagraphs } from "../compose.js";
import { type CountInWords, countedNoun, countInWords, isGenericNoun } from "../coverage.js";
import {
  isHomeName,
  mentions,
  namesSoleOperation,
  paragraphsHoldingLastWords,
  paragraphsNaming,
} from "../names.js";
import { measureKey, preparedOf } from "../prepared.js";
import { AGE_ASKED, figureSpan, isEarlierFigure, rankFacts, type ScoredFact } from "../rank.js";
import { factsIn, type ReportIndex, type SentenceDoc } from "../reportIndex.js";
import type { Answer } from "../schema.js";
import { relatedSuggestions } from "../suggest.js";
import type { Query } from "../understand.js";
import { concept, conceptsOf } from "../vocabulary.js";
import type { Weights } from "../weights.js";
import type { AnswerContext } from "./context.js";
import { asksChangeOrShare, canAnswer, isChange, isSubstance, sameHalf } from "./fit.js";
import { wholeBeforeLabelledRows } from "./labelledRows.js";
import { quotedCountAnswer } from "./quotedCount.js";
import { withheldAnswer } from "./withheld.js";

export function confidenceOf(
  best: ScoredFact,
  runnerUp: ScoredFact | undefined,
  w: Weights,
): number {
  const strength = 1 / (1 + Math.exp(-(best.score - w.minFactScore - 2) / 2));
  const margin =
    runnerUp && runnerUp.fact.value !== best.fact.value
      ? Math.max(0, Math.min(1, (best.score - runnerUp.score) / 3))
      : 1;
  return Number(Math.min(1, strength * (0.6 + 0.4 * margin)).toFixed(3));
}

export function isUsable(scored: ScoredFact | undefined, w: Weights): scored is ScoredFact {
  return (
    scored !== undefined && scored.score >= w.minFactScore && scored.coreHits + scored.nearHits > 0
  );
}

/** The same figure restated elsewhere (lead paragraph and body) is cited everywhere it appears. */
function restatements(best: ScoredFact, ranked: ScoredFact[], w: Weights): Fact[] {
  return ranked
    .filter(
      (other) =>
        other !== best &&
        other.fact.value === best.fact.value &&
        other.fact.unit === best.fact.unit,
    )
    .filter(
      (other) =>
        other.score >= best.score - w.restatementMargin &&
        other.fact.paragraph !== best.fact.paragraph,
    )
    .map((other) => other.fact);
}

const DURATIONS = new Set(["year", "month", "week", "day"]);

/** An age or a prison term asked for is not answered by some other count ("all four were charged"). */
function fitsAskedTime(query: Query, best: ScoredFact): boolean {
  const askedYears = query.measure.expected.unit === "year";
  const anAge = isAge(best.fact);
  // "Sentenced to 27 months" answers a question about a prison term in years; "Ana Ruiz, 41,"
  // answers how old she is, not how long she got.
  return askedYears
    ? DURATIONS.has(best.fact.unit ?? "") && (!anAge || AGE_ASKED.test(query.cleaned))
    : !anAge;
}

/** "in three ways: a, b and c": a figure that counts the items of the list it introduces. */
const INTRODUCES_LIST = /^[^.;:]{0,30}:/;

/**
 * "How many jobs …?" is not answered by "three ways: … moving jobs abroad …": a figure that counts
 * the items of a list counts none of them, and the noun asked about stands among the items.
 */
function countsListedItems(query: Query, { fact, doc }: ScoredFact): boolean {
  const target = query.measure.target;
  if (!target || query.measure.expected.kind !== null || !fact.unit) return false;
  const asked = concept(target);
  const after = fact.quote.slice(fact.quote.indexOf(fact.text) + fact.text.length);
  const lead = INTRODUCES_LIST.exec(after)?.[0];
  // "37 charges, including: …" lists kinds of the very thing counted.
  const countsAsked = lead !== undefined && words(lead).some((word) => concept(word) === asked);
  return (
    lead !== undefined &&
    !countsAsked &&
    fact.unit !== countUnit(target) &&
    !doc.heads.has(asked) &&
    doc.context.has(asked)
  );
}

/** The noun asked about stands beside a figure that counts something else: named, not counted. */
function uncounted(query: Query, best: ScoredFact): Answer {
  return notFound(
    query.question,
    `The report mentions ${query.measure.target} (¶${best.fact.paragraph}) but gives no figure counting them.`,
    [],
    [best.fact.paragraph],
  );
}

/** What a figure counts is the noun asked about: its head, its own words, or its count unit. */
function countsNoun(noun: string, { doc, fact }: ScoredFact): boolean {
  const asked = concept(noun);
  return doc.heads.has(asked) || doc.core.has(asked) || fact.unit === countUnit(noun);
}

/**
 * "on the Sino-Vietnamese border", "along the Venezuela border": a figure for the place asked is
 * for that border only when its sentence names the border's place, as a word or the start of one
 * ("Vietnam" in "Sino-Vietnamese", "Mexico" in "Mexican").
 */
function namesBorders(fact: Fact, query: Query): boolean {
  const borders = query.filters.borders ?? [];
  if (borders.length === 0) return true;
  const quote = ` ${fact.quote.toLowerCase().replace(/[^\p{L}]+/gu, " ")}`;
  // "Mexico" and "Mexican" share all but the name's last vowel.
  const root = (spelling: string) =>
    spelling.length > 4 ? spelling.replace(/[aeiouy]$/, "") : spelling;
  return borders.every((spellings) =>
    spellings.some((spelling) => quote.includes(` ${root(spelling)}`)),
  );
}

/** "how many arrested", "how many got charged": a count asked by its verb alone, no noun. */
const BARE_VERB_COUNT = /\bhow many\s+(?:(?:were|was|got|have been|had been|been)\s+)?([a-z]+)\b/i;

/**
 * "how many arrested in the listed gang cases": with no noun counted, the verb says what is
 * counted. Where the best figure's own verb is another ("18 cases investigated, 781 arrested"),
 * the figure of its sentence that the asked verb is said of answers.
 */
function doneAsAsked(query: Query, best: ScoredFact, ranked: ScoredFact[], w: Weights): ScoredFact {
  if (query.measure.target !== null || query.measure.expected.kind !== null) return best;
  const verb = actionLemma(BARE_VERB_COUNT.exec(query.cleaned)?.[1] ?? "");
  if (!verb || best.fact.action === verb) return best;
  const done = ranked.find(
    (r) =>
      isUsable(r, w) &&
      r.fact.action === verb &&
      r.fact.paragraph === best.fact.paragraph &&
      r.fact.sentence === best.fact.sentence,
  );
  return done ?? best;
}

/** Any count of people is in persons: the unit says nothing about which people. */
const PERSONS = countUnit("people");

/** No figure counts the noun asked: say where the report mentions it, or name it as uncounted. */
function notCounted(query: Query, ctx: AnswerContext): Answer {
  const quoted = quotedCountAnswer(query, ctx);
  if (quoted) return quoted;
  const none = noFigure(query, ctx);
  if (none.citations.length > 0) return none;
  return {
    ...none,
    text: none.text.replace(/^.*/, `The report gives no figure for ${query.measure.target}.`),
  };
}

/** The figure's own words count the noun asked: its head, its words, or a unit other than persons. */
function countsTarget(query: Query, { doc, fact }: ScoredFact): boolean {
  const noun = query.measure.target ?? "";
  const asked = concept(noun);
  const unit = countUnit(noun);
  return doc.heads.has(asked) || doc.core.has(asked) || (unit !== PERSONS && fact.unit === unit);
}

/**
 * "How many wardens were posted?" answered by "1,200 people were treated": a count whose sentence
 * never names the noun the question counts counts something else. A noun any report may leave
 * unsaid ("people", "figure") is no such test, and "how many drug labs were busted?" answered by
 * "14 drug-making cases were cracked" keeps its figure: most of the question's other words stand at
 * it, so the noun is the asker's paraphrase of the report's.
 */
function countsOtherThing(query: Query, best: ScoredFact, index: ReportIndex, w: Weights): boolean {
  const noun = query.measure.target;
  if (!noun || query.measure.expected.kind !== null || isGenericNoun(noun)) return false;
  const asked = concept(noun);
  const { doc, fact } = best;
  if (doc.heads.has(asked) || doc.core.has(asked) || doc.near.has(asked)) return false;
  if (countsTarget(query, best) || new RegExp(`\\b${stem(noun)}`, "i").test(fact.quote))
    return false;
  // "How many wardens joined the Harbour Drive?" of a report about the Harbour Drive: the name it
  // is about stands by most figures, so its words say nothing of which figure counts wardens.
  const home = new Set(
    query.filters.names
      .filter((spellings) => isHomeName(spellings, index.report, index.paragraphWords))
      .flatMap((spellings) => spellings.flatMap(conceptsOf)),
  );
  const others = [...new Set(query.measure.concepts)].filter((c) => c !== asked && !home.has(c));
  const matched = others.filter((c) => doc.core.has(c) || doc.near.has(c)).length;
  return matched <= others.length * w.paraphraseShare;
}

/**
 * "How many new scanners" where the report says "dozens of new scanners": the words answer, not a
 * figure counting something else, when their sentence shares as much of the question as it does.
 */
function countedInWordsOnly(
  query: Query,
  inWords: CountInWords,
  best: ScoredFact | undefined,
): boolean {
  const noun = countedNoun(query);
  if (!noun || inWords.shared < Math.min(2, query.measure.concepts.length)) return false;
  if (!best) return true;
  const { doc } = best;
  const shared = query.measure.concepts.filter(
    (c) => doc.core.has(c) || doc.near.has(c) || doc.context.has(c),
  ).length;
  return !countsNoun(noun, best) && inWords.shared >= shared;
}

/** The report counts the thing only in words: say what it says, and cite it. */
function givenInWords(query: Query, inWords: CountInWords): Answer {
  return notFound(
    query.question,
    `The report gives no exact figure: it says “${inWords.words}” (¶${inWords.paragraph}).`,
    [],
    [inWords.paragraph],
  );
}

/** A breakdown gives the same thing for at least this many places ("North District | 120", …). */
const BREAKDOWN_PLACES = 3;

/** Whether the report gives this figure's thing, in its unit, for several places: one of their rows. */
function isBreakdownRow(fact: Fact, index: ReportIndex): boolean {
  return (preparedOf(index).breakdowns.get(measureKey(fact))?.size ?? 0) >= BREAKDOWN_PLACES;
}

/** "11 people: 5 in Ontario, 4 in Quebec and 2 in Manitoba": the sentence's sum over its rows. */
function sumOfRows(fact: Fact, index: ReportIndex): boolean {
  if (fact.places.length < 2) return false;
  const sentence = factsIn(index, [fact.paragraph]).filter((f) => f.sentence === fact.sentence);
  return fact.places.every((place) =>
    sentence.some((f) => f !== fact && f.places.length === 1 && f.places[0] === place),
  );
}

/**
 * Asked with no place, a row of a breakdown by district ("North District | 120") gives way to the
 * report's own figure for the same thing, in the same unit, when that one scores near it: the
 * rows match the question's words (their header's period) better, but each is a part.
 */
function wholeBeforeRows(
  query: Query,
  ranked: ScoredFact[],
  index: ReportIndex,
  w: Weights,
): ScoredFact[] {
  const [best] = ranked;
  if (!best || query.filters.places.length > 0 || best.fact.scope !== "local") return ranked;
  if (sumOfRows(best.fact, index) || !isBreakdownRow(best.fact, index)) return ranked;
  const whole = ranked.find(
    (r) =>
      r.fact.scope === "national" &&
      r.fact.unit === best.fact.unit &&
      [...r.doc.heads].some((head) => best.doc.heads.has(head)) &&
      sameSpan(r, best) &&
      r.score >= best.score - w.breakdownMargin &&
      isUsable(r, w),
  );
  return whole ? [whole, ...ranked.filter((r) => r !== whole)] : ranked;
}

/**
 * A whole is of the same span as its parts: the running total since January is no whole of the
 * quarter's figure, nor a quarter's of May's. A figure whose span is unstated may be either.
 */
function sameSpan(a: ScoredFact, b: ScoredFact): boolean {
  const [x, y] = [figureSpan(a.doc), figureSpan(b.doc)];
  return x === null || y === null || x === y;
}

/** The best-ranked facts for the query, a total first when no place is asked about. */
export function rankedFor(query: Query, { index, weights }: AnswerContext): ScoredFact[] {
  const ranked = rankFacts(query, index, query.filters.places, weights);
  return query.filters.places.length === 0 ? preferTotals(ranked, weights) : ranked;
}

/**
 * "How many provinces were told to open 21 cases?": in the sentence that answers best, a figure
 * counting the noun asked ("ten provinces") answers, not its neighbour counting another thing the
 * question's clause names.
 */
function countedNounFirst(query: Query, ranked: ScoredFact[], w: Weights): ScoredFact[] {
  const [best] = ranked;
  const noun = countedNoun(query);
  const asked = query.measure.expected.unit;
  const { kind } = query.measure.expected;
  // A count, or a weight of a substance named ("how much heroin"): what the figure is of decides.
  const weighed = (kind === "mass" || kind === "amount") && noun !== null && isSubstance(noun);
  if (!best || (kind !== null && !weighed) || (!noun && !asked)) return ranked;
  // A chat question counts the head of the nouns it opens on ("<agency> furlough days?").
  const counts = (r: ScoredFact) =>
    (noun !== null && r.doc.heads.has(concept(noun))) || (asked !== null && r.fact.unit === asked);
  if (counts(best)) return ranked;
  const counted = ranked.find(
    (r) =>
      counts(r) &&
      r.fact.paragraph === best.fact.paragraph &&
      r.fact.sentence === best.fact.sentence &&
      isUsable(r, w),
  );
  return counted ? [counted, ...ranked.filter((r) => r !== counted)] : ranked;
}

/**
 * "What about methadone?" of "methadone poisonings fell 12 percent, to 4,410": a question naming no
 * measure asks the main figure, a count or an amount, not the size of its change; the change
 * answers only where its sentence states no such figure.
 */
function levelBeforeChange(query: Query, ranked: ScoredFact[], w: Weights): ScoredFact[] {
  const [best] = ranked;
  const { kind, unit } = query.measure.expected;
  if (!best || kind !== null || unit !== null || query.measure.target !== null) return ranked;
  if (!isChange(best) || asksChangeOrShare(query)) return ranked;
  const level = ranked.find(
    (r) =>
      r.fact.paragraph === best.fact.paragraph &&
      r.fact.sentence === best.fact.sentence &&
      r.fact.unit !== "percent" &&
      r.fact.unit !== "share" &&
      !isChange(r) &&
      !isEarlierFigure(r.doc) &&
      r.coreHits + r.nearHits > 0 &&
      r.score >= best.score - w.levelMargin,
  );
  // The level stands in the change's place, as usable as the change was.
  return level
    ? [{ ...level, score: Math.max(level.score, best.score) }, ...ranked.filter((r) => r !== level)]
    : ranked;
}

/** The step a rounded figure is given to: 1.6 billion to the hundred million, 40 to the ten. */
function roundingStep(value: number): number {
  const digits = String(Math.abs(value)).replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  return 10 ** (exponent - Math.max(digits.length, 1) + 1);
}

/** Whether `precise` is what a qualified, rounded figure ("more than $2.3 billion") stands for. */
function roundsTo(qualified: Fact, precise: number): boolean {
  const rounded = qualified.value;
  if (rounded <= 0 || precise === rounded) return false;
  const step = roundingStep(rounded);
  switch (qualified.qualifier) {
    case "more than":
    case "at least":
      return precise > rounded && precise < rounded + step;
    case "nearly":
    case "less than":
    case "up to":
      return precise < rounded && precise > rounded - step;
    case "about":
      return Math.abs(precise - rounded) < step;
    default:
      return false;
  }
}

/**
 * "More than $2.3 billion" in a headline and "$2,318,400,000" in the body are one figure: the
 * precise one answers, as close in score as a restatement.
 */
function preciseFirst(ranked: ScoredFact[], w: Weights): ScoredFact[] {
  const [best] = ranked;
  if (!best?.fact.qualifier) return ranked;
  const precise = ranked.find(
    (r) =>
      r.fact.qualifier === null &&
      r.fact.unit === best.fact.unit &&
      r.score >= best.score - w.restatementMargin &&
      roundsTo(best.fact, r.fact.value),
  );
  return precise ? [precise, ...ranked.filter((r) => r !== precise)] : ranked;
}

/** The names a question uses that are not the report's own subject: the answer must be about them. */
export function askedNames(query: Query, index: ReportIndex, w: Weights): string[][] {
  return query.filters.names.filter(
    (spellings) =>
      !isHomeName(spellings, index.report, index.paragraphWords) &&
      !namesSoleOperation(spellings, index.table.entities, index.report, w.soleOperationWithin),
  );
}

/**
 * A figure is about a name the question uses only when its sentence, or one before it in the
 * paragraph, states the name: an operation is often named a sentence before its results, but a
 * name first given after a figure is about something else.
 */
function statesNames(fact: Fact, names: string[][], index: ReportIndex): boolean {
  if (names.length === 0) return true;
  const sentences = index.report.paragraphs[fact.paragraph - 1]?.sentences ?? [];
  const own = sentences[fact.sentence]?.text;
  const upToFigure = [
    ...sentences.slice(0, fact.sentence).map((sentence) => sentence.text),
    own === undefined ? "" : ownClause(own, fact),
  ].join(" ");
  // A list row's quote holds its lead-in line, which the sentences do not.
  const quote = own === fact.quote ? "" : fact.quote;
  const text = `${namedBefore(sentences[0]?.text ?? "", fact.paragraph, index)} ${upToFigure} ${quote}`;
  return names.every(
    (spellings) =>
      spellings.some((s) => mentions(text, s)) ||
      namesItsPlace(spellings, fact) ||
      namedByAlias(spellings, text, index),
  );
}

/** ", and allow tribes to …", "; the board also …": a join after which a new clause begins. */
const NEXT_CLAUSE = /,\s+(?:and|while|whereas|but)\s+|;\s+/g;
/** "heroin, LSD, and other drugs": a list's last join follows an item of at most this many words. */
const LIST_ITEM_WORDS = 2;

/**
 * "… up from $5 million in 2023, and allow towns to pool the grant with Harbour Fund dollars": a
 * figure's sentence up to the clause after it, where a name first given is that clause's. A list's
 * ", and" ("fentanyl, PCP, and other drugs") joins items, not clauses.
 */
function ownClause(sentence: string, fact: Fact): string {
  const at = sentence.indexOf(fact.text);
  if (at < 0) return sentence;
  const end = at + fact.text.length;
  const after = sentence.slice(end);
  for (const join of after.matchAll(NEXT_CLAUSE)) {
    const items = after.slice(0, join.index).split(",");
    const last = items[items.length - 1] ?? "";
    if (items.length > 1 && last.trim().split(/\s+/).length <= LIST_ITEM_WORDS) continue;
    return sentence.slice(0, end + join.index);
  }
  return sentence;
}

/** "The operation led to …": a paragraph opening on an operation it has not named yet. */
const POINTS_BACK = new RegExp(
  `^(?:the|this|that)\\s+(?:${GRAMMAR.operationNouns.join("|")})\\b`,
  "i",
);

/**
 * "… code-named Operation Tallowmere. ¶ The operation led to 46 arrests": a paragraph that opens by
 * pointing back at "the operation" goes on with the one the paragraph before it names.
 */
function namedBefore(opening: string, paragraph: number, index: ReportIndex): string {
  if (!POINTS_BACK.test(opening)) return "";
  return index.report.paragraphs[paragraph - 2]?.text ?? "";
}

/**
 * "HSI" asked where the sentence writes "Homeland Security Investigations": a body the text names
 * goes by the name asked, its other names the gazetteer's or the report's own.
 */
function namedByAlias(spellings: string[], text: string, index: ReportIndex): boolean {
  const aliases = index.bodies.aliases(text);
  return aliases !== "" && spellings.some((s) => mentions(aliases, s.toLowerCase()));
}

/**
 * "The East Patrol Division" asked, "East: 19 homicides" in a by-place list: a name that holds the
 * place a figure is given for is stated by that place.
 */
function namesItsPlace(spellings: string[], fact: Fact): boolean {
  return fact.places.some((place) => spellings.some((s) => mentions(s, place)));
}

/** A name the question uses that no figure's sentence states: the report gives no figure for it. */
function unfiguredName(query: Query, { index, weights }: AnswerContext): Answer | null {
  for (const spellings of askedNames(query, index, weights)) {
    // A figure's sentences can state the name only where its paragraph, or the one before it
    // ("The operation led to …"), holds its last word.
    const holding = paragraphsHoldingLastWords(spellings, index.paragraphWords);
    const candidates =
      holding === null
        ? index.table.facts
        : factsIn(index, [...new Set(holding.flatMap((p) => [p, p + 1]))]);
    if (candidates.some((fact) => statesNames(fact, [spellings], index))) continue;
    const paragraphs = paragraphsNaming(spellings, index.report, index.paragraphWords).map(
      (p) => p.number,
    );
    // A name as typed ("DOJ's COPS") that no paragraph writes is left to the other checks.
    if (paragraphs.length === 0) continue;
    const where = paragraphs.map((p) => `¶${p}`).join(", ");
    return notFound(
      query.question,
      `The report mentions ${spellings[0]} (${where}) but gives no figure for it.`,
      relatedSuggestions(query.cleaned, index),
      paragraphs,
    );
  }
  return null;
}

/**
 * "What about <person>?": a question that is only a name the report states, asking no measure.
 * A figure whose own sentence names them is theirs, which is evidence enough.
 */
function isBareName(query: Query, names: string[][]): boolean {
  const { target, expected, concepts } = query.measure;
  if (names.length === 0 || target !== null || expected.kind !== null || expected.unit !== null)
    return false;
  const named = new Set(names.flat().flatMap(conceptsOf));
  return concepts.every((c) => named.has(c));
}

/** One figure: the best fact for the query, quoted and cited. */
export function figureAnswer(query: Query, ctx: AnswerContext): Answer {
  const w = ctx.weights;
  const unfigured = unfiguredName(query, ctx);
  if (unfigured) return unfigured;
  // A name as typed that the report never writes ("DOJ's COPS") cannot narrow the figures.
  const names = askedNames(query, ctx.index, w).filter(
    (spellings) =>
      paragraphsNaming(spellings, ctx.index.report, ctx.index.paragraphWords).length > 0,
  );
  const all = rankedFor(query, ctx).filter(
    (r) => statesNames(r.fact, names, ctx.index) && namesBorders(r.fact, query),
  );
  // "What share of victims are women" where the best figure is the men's share: the report
  // states the thing for the other half only, and a weaker figure would be about something else.
  if (all[0] && !sameHalf(query, all[0])) return noFigure(query, ctx);
  const ranked = preciseFirst(
    levelBeforeChange(
      query,
      countedNounFirst(
        query,
        wholeBeforeLabelledRows(
          query,
          wholeBeforeRows(
            query,
            all.filter((r) => canAnswer(query, r, ctx.index)),
            ctx.index,
            w,
          ),
          w,
        ),
        w,
      ),
      w,
    ),
    w,
  );
  if (ranked[0] && countsListedItems(query, ranked[0])) return uncounted(query, ranked[0]);
  let best = ranked[0];
  const inWords = countInWords(query, ctx.index);
  if (inWords && countedInWordsOnly(query, inWords, isUsable(best, w) ? best : undefined))
    return givenInWords(query, inWords);
  // A bare name asks the figure its own sentence gives the person, however little else it shares.
  const asked = query.filters.names;
  const named = (r: ScoredFact | undefined): r is ScoredFact =>
    r !== undefined &&
    isBareName(query, asked) &&
    asked.every((spellings) => spellings.some((name) => mentions(r.fact.quote, name)));
  if (!(isUsable(best, w) || named(best)) || !fitsAskedTime(query, best))
    return quotedCountAnswer(query, ctx) ?? noFigure(query, ctx);
  best = doneAsAsked(query, best, ranked, w);
  // The best figure counts another thing: a usable one counting the thing asked answers instead.
  if (countsOtherThing(query, best, ctx.index, w)) {
    const counting = ranked.find((r) => isUsable(r, w) && countsTarget(query, r));
    if (!counting) return notCounted(query, ctx);
    best = counting;
  }
  const withheld = withheldAnswer(query, best.fact.quote, ctx.index, w);
  if (withheld) return withheld;
  const unpriced = moneyOfCountedThing(query, best, ctx.index, w);
  if (unpriced) return unpriced;
  const again = restatements(best, ranked, w);
  const facts = [best.fact, ...again];
  const also =
    again.length > 0
      ? `\nAlso stated in ${uniqueParagraphs(again)
          .map((p) => `¶${p}`)
          .join(", ")}.`
      : "";
  const group =
    best.fact.places.length > 3 && query.filters.places.length === 1
      ? `\n_This figure covers ${listPlaces(best.fact.places)} together._`
      : "";
  return {
    question: query.question,
    status: "answered",
    text: `${citeLine(best.fact)}\n${quoteBlock(best.fact)}${also}${group}`,
    citations: uniqueParagraphs(facts),
    facts,
    confidence: confidenceOf(
      best,
      ranked.find((r) => r.fact.value !== best.fact.value),
      w,
    ),
    suggestions: [],
  };
}

const MONEY = concept("money");

/**
 * "How much was the seized jewellery worth?" where the report counts the jewellery ("four cars
 * and jewellery") and gives money only for the cash: the thing asked, which some figure of the
 * report counts, stands nowhere in the sentence of the best sum of money, which is then for
 * something else. Null where the sum's sentence names the thing, or no figure counts it.
 */
function moneyOfCountedThing(
  query: Query,
  best: ScoredFact,
  index: ReportIndex,
  w: Weights,
): Answer | null {
  if (query.measure.expected.kind !== "currency" || query.op !== "lookup") return null;
  const { doc } = best;
  const inSentence = (c: string) =>
    doc.heads.has(c) || doc.core.has(c) || doc.near.has(c) || doc.context.has(c);
  const named = new Set(query.filters.names.flat().flatMap(conceptsOf));
  for (const c of new Set(query.measure.concepts)) {
    if (c === MONEY || named.has(c) || actionLemma(c) !== null || isGenericNoun(c)) continue;
    // A thing the report names throughout ("drugs", "cocaine") is what its sums are about.
    if (inSentence(c) || (index.sentenceFrequency.get(c) ?? 0) > w.rareThingSentences) continue;
    const counting = index.factDocs.find(
      (other) => other.heads.has(c) && !/^[A-Z]{3}$/.test(other.fact.unit ?? ""),
    );
    if (!counting) continue;
    const { paragraph } = counting.fact;
    return notFound(
      query.question,
      `The report mentions ${counting.fact.subject} (¶${paragraph}) but gives no sum of money for it.`,
      [],
      [paragraph],
    );
  }
  return null;
}

/**
 * Asked with no place, near-equal national figures for the same thing are a total and its parts
 * ("12.5 tons nationwide" and "900 kilograms in one raid"): the total is the answer.
 */
function preferTotals(ranked: ScoredFact[], w: Weights): ScoredFact[] {
  const best = ranked[0];
  if (best?.fact.scope !== "national") return ranked;
  const sameThing = (f: Fact) =>
    f.scope === "national" &&
    f.subject === best.fact.subject &&
    f.action === best.fact.action &&
    (best.fact.base ? f.base !== null : f.unit === best.fact.unit);
  const size = (f: Fact) => f.base?.value ?? f.value;
  const total = ranked
    .filter(
      (r) =>
        r.score >= best.score - w.totalMargin &&
        sameThing(r.fact) &&
        r.fact.paragraph !== best.fact.paragraph &&
        !isEarlierFigure(r.doc) &&
        sameSpan(r, best),
    )
    .reduce((a, b) => (size(b.fact) > size(a.fact) ? b : a), best);
  return total === best ? ranked : [total, ...ranked.filter((r) => r !== total)];
}

/** No figure answers this: say so, naming the place asked about where the report mentions it. */
export function noFigure(query: Query, { index, weights }: AnswerContext): Answer {
  const suggestions = relatedSuggestions(query.cleaned, index);
  const [place] = query.filters.places;
  if (place) {
    const paragraphs = index.placeParagraphs.get(place) ?? [];
    const where = paragraphs.map((p) => `¶${p}`).join(", ");
    return notFound(
      query.question,
      `The report mentions ${place} (${where}) but gives no figure that answers this for it.`,
      suggestions,
      paragraphs,
    );
  }
  const mentioned = mentionsOf(query, index, weights.postingsRead);
  if (mentioned) {
    const where = mentioned.paragraphs.map((p) => `¶${p}`).join(", ");
    return notFound(
      query.question,
      `The report mentions ${mentioned.name} (${where}) but gives no figure that answers this.`,
      suggestions,
      mentioned.paragraphs,
    );
  }
  return notFound(query.question, "The report does not give a figure for that.", suggestions);
}

/** Paragraphs cited for a thing mentioned without a figure: at most this many. */
const MAX_MENTION_PARAGRAPHS = 2;

/**
 * Where the report mentions the counted thing asked about, when no figure answers: the sentences
 * that use the counted noun and the most of the question's other words, so a member can read
 * what the report does say.
 */
function mentionsOf(
  query: Query,
  index: ReportIndex,
  read: number,
): { name: string; paragraphs: number[] } | null {
  const target = query.measure.target;
  if (!target) return null;
  const counted = concept(target);
  const asked = new Set(query.measure.concepts);
  // The sentences whose concepts hold the counted noun are those its search postings list, best first.
  const using = documentsWith(index.sentenceSearch, counted, read)
    .map((id) => index.sentences[id] as SentenceDoc)
    .map((sentence) => ({
      sentence,
      shared: [...asked].filter((c) => sentence.concepts.has(c)).length,
    }))
    .sort((a, b) => b.shared - a.shared);
  const best = using[0]?.shared ?? 0;
  if (using.length === 0 || best < Math.min(2, asked.size)) return null;
  const paragraphs = [
    ...new Set(using.filter((u) => u.shared === best).map((u) => u.sentence.paragraph)),
  ].slice(0, MAX_MENTION_PARAGRAPHS);
  return { name: target, paragraphs };
}
