import { openingSpans, ownYearsIn, type SpanKind, spanKindOf, yearsIn } from "../facts/dates.js";
import { AGREEING_VERBS, AUXILIARIES } from "../facts/lexicon.js";
import { findNumbers, numberWordOf } from "../facts/numbers.js";
import { placeByName } from "../facts/places.js";
import { isAge } from "../facts/readers/age.js";
import type { Fact } from "../facts/schema.js";
import { countUnit, RATE_PERIOD_PATTERN, RATE_PERIODS } from "../facts/units.js";
import { escapeForPattern } from "../text/matches.js";
import { words } from "../text/tokenize.js";
import { rankBm25 } from "./bm25.js";
import { conceptIds, FACT, inParagraph, inSentence, OWN, ownFlagsOf } from "./factConcepts.js";
import { preparedOf } from "./prepared.js";
import {
  conceptWeight,
  FACT_FIELD_BOOST,
  type FactDoc,
  type ReportIndex,
  SEARCH_TEXT,
  UNIT_KINDS,
} from "./reportIndex.js";
import { TopScores } from "./topScores.js";
import { type Query, withoutSetAside } from "./understand.js";
import { concept, conceptsOf, STOP_WORDS } from "./vocabulary.js";
import { DEFAULT_WEIGHTS, type Weights } from "./weights.js";

export interface ScoredFact {
  fact: Fact;
  doc: FactDoc;
  score: number;
  /** Query concepts found among the fact's own words (subject, verb, unit). */
  coreHits: number;
  /** Query concepts found right around the figure. */
  nearHits: number;
}

const ACTION_CONCEPTS = new Set([...AGREEING_VERBS].map(concept));
const MONEY = concept("money");
/**
 * Money asked of places a figure in a currency is for ("how much did maine get" of "Maine awarded
 * $4 million"): its currency says it is money. With no place asked, only the words around a
 * figure do, so a question about money the report never gives is not answered with another sum.
 */
function moneyOfPlace(fact: Fact, places: readonly string[]): boolean {
  return (
    fact.unit !== null &&
    /^[A-Z]{3}$/.test(fact.unit) &&
    places.length > 0 &&
    places.every((place) => fact.places.includes(place))
  );
}
/** "up from 14.3 tonnes a year earlier", "down sharply from": a figure for the period before. */
const EARLIER_BEFORE =
  /\b(?:(?:up|down)\s+(?:\w+ly\s+)?from|compared (?:with|to)|than|previous|prior)\b[^,;]*$/i;
const EARLIER_AFTER =
  /^[^,;.]{0,25}\b(?:a year earlier|the year before|the previous year|in the same period last year|a year ago)\b/i;
/** "fell 17.6%, from 4,983 to 4,106": the figure a change runs from is the one before. */
const RUNS_FROM = /\bfrom\s*$/i;
const RUNS_TO = /^\s+to\s+[$€£]?\d/i;
/** "Three dealers arrested in a first wave of the inquiry": a count for a round before the one reported. */
const EARLIER_PHASE =
  /^[^,;.]{0,40}?\b(?:an?|the|its)\s+(?:earlier|previous|prior|first)\s+(?:phase|round|wave|stage|sweep)\b/i;
/** "61% of arrests, down from 66% in 2030": a percentage right after "from" is the one before. */
const FROM_BEFORE = /\b(?:up|down|rose|fell|dropped|climbed)\s+(?:\w+ly\s+)?from\s*$/i;
/** "This was lower than the 1,109 arrested in 2022, who formed 34.1 per cent": a comparison sentence. */
const EARLIER_SENTENCE = /\b(?:than|compared (?:with|to)|up from|down from)\b.*\b(?:19|20)\d{2}\b/i;
const ASKS_EARLIER = /\b(?:previous|prior|earlier|before|a year ago|the year before|last year)\b/i;

/** Whether a figure is stated for the period before the one reported. */
function isEarlier(doc: FactDoc): boolean {
  const after = doc.fact.quote.slice(doc.fact.quote.indexOf(doc.fact.text) + doc.fact.text.length);
  const sentenceLead = doc.fact.quote.slice(0, doc.fact.quote.indexOf(doc.fact.text));
  // A percentage "down 20.3 percent from a year earlier" is this period's change, not last year's.
  const change = doc.fact.unit === "percent";
  return (
    (!change &&
      (EARLIER_BEFORE.test(doc.lead) ||
        EARLIER_AFTER.test(after) ||
        EARLIER_PHASE.test(after) ||
        (RUNS_FROM.test(sentenceLead) && RUNS_TO.test(after)))) ||
    (change && FROM_BEFORE.test(doc.lead)) ||
    EARLIER_SENTENCE.test(sentenceLead)
  );
}

/** "how much did it fall", "the drop in", "up or down": a change asked for. */
export const ASKS_CHANGE =
  /\b(?:change[ds]?|increase[ds]?|decrease[ds]?|rise|rose|risen|fall|fell|fallen|drop(?:ped|s)?|decline[ds]?|grow|grew|growth|jump(?:ed)?|cut|up|down|more|less|fewer|higher|lower|reduc\w*|improv\w*|worse)\b/i;
/** "By what percentage", "what % of", "what share": a percentage asked in so many words. */
export const ASKS_PERCENT = /\b(?:percent(?:age)?|per cent|share|proportion)\b|%/i;

/** "so far this year", "to date": the question asks the period the report is written in. */
export const ASKS_CURRENT = /\b(?:this year|so far|to date|year to date|currently|right now)\b/i;
/** "… reported last year": a figure the report gives for the year before its own. */
export const LAST_YEAR = /\b(?:last year|the previous year|the year before|a year earlier)\b/i;
/** "… compared with the same period last year": last year as the base of a change, not its period. */
export const SINCE_LAST_YEAR =
  /\b(?:vs\.?|versus|than|compared (?:with|to)|from|over|since|same period)\s+(?:the same period\s+)?last year\b/i;

/** "… 1,140 raids last year, …": the figure's own clause, right after it, names last year. */
const OWN_LAST_YEAR = /^[^,;.]{0,40}?\blast year\b/i;

/**
 * "So far this year", "this fiscal year", "year to date": the question asks a running total, as
 * `spanKindOf` reads a figure's "since January"; "in Q3" or "this quarter" asks a quarter.
 */
const ASKS_TO_DATE =
  /\b(?:so far|to date|year[\s-]+to[\s-]+date|ytd|this (?:fiscal |calendar )?year|since (?:january|the start|the beginning))\b/i;

/** The kind of span a question asks its figure for, or null when it names none. */
export function askedSpanKind(question: string): SpanKind | null {
  const kind = spanKindOf(question);
  if (kind === "quarter" || kind === "half") return kind;
  return ASKS_TO_DATE.test(question) ? "to-date" : kind;
}

/** Earlier-period figures answer questions about the earlier period, and only those. */
function periodFit(
  terms: QueryTerms,
  doc: DocTerms,
  period: string | null,
  related: boolean,
  w: Weights,
): number {
  // The span lifts only a figure that shares something else with the question.
  const span = spanFit(terms, doc, period, w);
  return (related ? span : Math.min(0, span)) + earlierFit(terms, doc, w);
}

/** The question names years and the figure's period names none of them. */
function otherYearAsked(terms: QueryTerms, period: string | null): boolean {
  if (terms.years.length === 0) return false;
  const own = yearsIn(period ?? "");
  return own.length > 0 && !terms.years.some((year) => own.includes(year));
}

/**
 * A figure for the kind of span asked ("in Q3": the quarter's figure, not the running total since
 * January; "so far this year": the running total, not May's) is the one; one for another kind the
 * report also gives figures of is not.
 */
function spanFit(terms: QueryTerms, doc: DocTerms, period: string | null, w: Weights): number {
  const asked = terms.asksSpan;
  if (asked === null) return 0;
  // An undated figure in a report whose opening speaks of a quarter is for that quarter.
  if (doc.span === null)
    return !doc.otherYear && openingKinds(terms.index).has(asked) ? w.spanAgrees : 0;
  // "the first half of 2019" asked "jan-june 2025": another year's half, which yearFit weighs.
  if (doc.span === asked) return otherYearAsked(terms, period) ? 0 : w.spanAgrees;
  return spanKindsOf(terms.index).has(asked) ? w.spanDisagrees : 0;
}

const openingKindsCache = new WeakMap<ReportIndex, ReadonlySet<SpanKind>>();

/** The kinds of span the report's opening speaks of (`openingSpans`), worked out once per report. */
function openingKinds(index: ReportIndex): ReadonlySet<SpanKind> {
  let kinds = openingKindsCache.get(index);
  if (!kinds) {
    const spans = openingSpans(index.report.paragraphs).map(spanKindOf);
    kinds = new Set(spans.filter((kind): kind is SpanKind => kind !== null));
    openingKindsCache.set(index, kinds);
  }
  return kinds;
}

const spanKindsCache = new WeakMap<ReportIndex, ReadonlySet<SpanKind>>();

/** The kinds of span the report gives figures for, worked out once per report. */
function spanKindsOf(index: ReportIndex): ReadonlySet<SpanKind> {
  let kinds = spanKindsCache.get(index);
  if (!kinds) {
    const found = new Set<SpanKind>();
    for (const doc of index.factDocs) {
      const kind = docTerms(doc).span;
      if (kind !== null) found.add(kind);
    }
    kinds = found;
    spanKindsCache.set(index, kinds);
  }
  return kinds;
}

/** The words of a figure's own clause: "seized 2,180 pounds of fentanyl in May" → "… in May". */
function ownClause(doc: FactDoc): string {
  const before = doc.fact.quote.slice(0, doc.fact.quote.indexOf(doc.fact.text));
  // "In May, wardens confiscated 17 nets": a period opening the sentence frames its figures.
  const lead = before.split(/;\s|\b(?:than|from|compared (?:with|to)|versus|vs)\b/).pop() ?? "";
  // "… 11.2% lower than the 241 recorded in the first half of 2019": the baseline's span is its own.
  const after =
    /^[^,;]*?(?=[,;]|\.(?:\s|$)|\b(?:than|from|compared|versus|vs)\b|$)/.exec(
      textAfter(doc.fact),
    )?.[0] ?? "";
  return `${lead} ${after}`;
}

/** The kind of span a figure is for: its period's, else its own clause's. */
function spanOfFigure(doc: FactDoc): SpanKind | null {
  const clause = ownClause(doc);
  const own = spanKindOf(doc.fact.period ?? "") ?? spanKindOf(clause);
  // "58 in the first half, down from 74 during the same period last year": the span named before.
  return own ?? (SAME_SPAN.test(clause) ? spanKindOf(doc.fact.quote) : null);
}

/** "the same period", "the same months": a span the sentence has already named. */
const SAME_SPAN = /\bsame\s+(?:period|months|time\s+span)\b/i;

function earlierFit(terms: QueryTerms, doc: DocTerms, w: Weights): number {
  if (terms.asksCurrent && doc.lastYear) return w.lastYearForCurrent;
  if (terms.asksLastYear && doc.ownLastYear) return w.lastYearAsked;
  if (!doc.earlier) return 0;
  if (terms.asksEarlier) return w.earlierAsked;
  return w.earlierUnasked;
}
export const TOTAL_WORDS =
  /\b(?:in total|total|overall|altogether|combined|in all|nationwide|nationally|across the country)\b/i;

/**
 * A figure introduced as a part or an example of another ("including", "in one case alone,"): the
 * total is the better answer.
 */
const PART_OF =
  /\b(?:including|of which|of whom|of these|among them|single|(?<!\b(?:19|20)\d{2}\s)alone(?=,)|for example|such as|accounting for|account for|mostly from|most of it|largely from)\b/i;
/** "46.5 tonnes of the 51.2 tonnes seized": a figure stated as a part of the next one. */
const PART_OF_NEXT = /^\s*(?:of|out of)\s+(?:the|a|an|some)?\s*(?:total\s+of\s+)?[$€£]?\d/i;

/** The words of a figure's sentence after the figure. */
function textAfter(fact: Fact): string {
  return fact.quote.slice(fact.quote.indexOf(fact.text) + fact.text.length);
}
const CURRENCIES = /^[A-Z]{3}$/;
/** Words that steer the question but say nothing about what is counted. */
export const STEERING = new Set(
  [
    "province",
    "state",
    "country",
    "city",
    "place",
    "area",
    "most",
    "least",
    "highest",
    "lowest",
    "largest",
    "biggest",
    "smallest",
    "top",
    "fewest",
    "greatest",
  ].map(concept),
);

export function weightOf(index: ReportIndex, queryConcept: string): number {
  return conceptWeight(index.sentenceFrequency.get(queryConcept) ?? 0, index.sentences.length);
}

const ASKS_RATE = /\brates?\b/i;
const TIME_RATES: ReadonlySet<string> = new Set(RATE_PERIODS.map(concept));

/** "rose 2.7 times", "three times higher": a multiplier, which counts nothing. */
const MULTIPLIER_UNITS = new Set(["time", "times", "fold"]);

/**
 * How well a figure's unit fits what is asked: its unit, whether it is a mass or volume, and the
 * denominator it is stated per (`statedRate`, asked only for a percentage).
 */
function unitFit(
  query: Query,
  factUnit: string | null,
  measured: boolean,
  /** Its doc, read only for a percent asked (its stated rate): not a closure made per figure. */
  doc: FactDoc,
  w: Weights,
): number {
  const { kind, unit } = query.measure.expected;
  if (MULTIPLIER_UNITS.has(factUnit ?? "") && !MULTIPLIER_UNITS.has(unit ?? "")) {
    return w.multiplierUnasked;
  }
  if (kind === "mass" || kind === "volume")
    return measured ? (unit && unit === factUnit ? w.massExact : w.massGiven) : w.wrongUnitKind;
  if (kind === "currency") {
    if (!factUnit || !CURRENCIES.test(factUnit)) return w.wrongUnitKind;
    return !unit ? w.currencyGiven : unit === factUnit ? w.currencyExact : w.currencyOther;
  }
  if (kind === "amount")
    return measured
      ? w.amountMass
      : factUnit && CURRENCIES.test(factUnit)
        ? w.amountMoney
        : w.wrongUnitKind;
  // "the murder rate": a percentage, or a figure stated per so many people (not per day).
  if (kind === "percent") {
    const stated = statedRate(doc);
    const perPeople = stated !== null && !TIME_RATES.has(stated) && ASKS_RATE.test(query.cleaned);
    return factUnit === "percent" || perPeople ? w.percentGiven : w.wrongUnitKind;
  }
  if (unit) {
    // "How many boats" of "23 vessels": a count unit that is a synonym of the one asked is it.
    if (factUnit === unit || (factUnit !== null && concept(factUnit) === concept(unit)))
      return w.countUnitGiven;
    return measured || factUnit === "percent" || factUnit === "share"
      ? w.countAsMeasure
      : w.countOtherUnit;
  }
  return 0;
}

/** A year named in the question favours figures stated next to it and disfavours those next to another. */
function yearFit(
  years: string[],
  doc: FactDoc,
  index: ReportIndex,
  terms: DocTerms,
  w: Weights,
): number {
  // "18 thefts in 2025; 14 thefts in 2026": a figure's own period decides before the words near it.
  const own = yearsIn(doc.fact.period ?? "");
  if (own.length > 0) return years.some((year) => own.includes(year)) ? w.yearNear : w.otherYear;
  if (years.some((year) => doc.nearText.includes(year) || nearYears(doc, index).includes(year)))
    return w.yearNear;
  // A figure for FY 2021 never answers a question about FY 2022; "In 2022, 3,249 …" is about
  // another year; "27,384 cases …, compared with 2022" is not.
  return terms.otherYear ? w.otherYear : 0;
}

const nearYearsCache = new WeakMap<FactDoc, string[]>();

/**
 * The years named around a figure, else anywhere in its paragraph ("The FY24 budget provides: …"
 * dates each figure after it), "FY24" read as 2024.
 */
function nearYears(doc: FactDoc, index: ReportIndex): string[] {
  let years = nearYearsCache.get(doc);
  if (!years) {
    const paragraph = index.report.paragraphs[doc.fact.paragraph - 1]?.text ?? "";
    const own = ownYearsIn(doc.nearText);
    years = own.length > 0 ? own : ownYearsIn(paragraph);
    nearYearsCache.set(doc, years);
  }
  return years;
}

/** The question's words of at least `length` letters, numbers left out. */
function letterWords(text: string, length: number): string[] {
  return words(text).filter((word) => word.length >= length && !/^\d/.test(word));
}

/** The question's content words of four letters or more, worked out once per question. */
const askedWordsCache = new WeakMap<Query, string[]>();

function askedWords(query: Query): string[] {
  let asked = askedWordsCache.get(query);
  if (!asked) {
    asked = [...new Set(letterWords(withoutSetAside(query.cleaned), 4))].filter(
      (word) => !STOP_WORDS.has(word),
    );
    askedWordsCache.set(query, asked);
  }
  return asked;
}

/** Tie-breaker: the question's own word forms right around the figure ("rehabilitated" over "rehabilitation"). */
function verbatimWords(query: Query, doc: FactDoc): number {
  // Counted, not filtered into a list: every scored figure asks.
  let count = 0;
  for (const word of askedWords(query)) if (doc.nearWords.has(word)) count++;
  return count;
}

/** With no place asked, national figures, and above all the headline ones before the first section. */
function placelessFit(
  national: boolean,
  unsectioned: boolean,
  index: ReportIndex,
  terms: QueryTerms,
  w: Weights,
): number {
  const headline = unsectioned && index.report.sections.length > 0 ? w.headline : 0;
  const asksTotal = terms.asksTotal ? w.asksTotal : 0;
  return national
    ? w.nationalWhenPlaceless + asksTotal + headline
    : w.localWhenPlaceless - asksTotal + headline;
}

/** "How many died in the 12 months to September?": the question's own figures are filters. */
function statedInQuestion(query: Query, fact: Fact): boolean {
  return statedNumbers(query).has(fact.value);
}

/** The question's own figures, worked out once per question, not once per fact. */
const statedCache = new WeakMap<Query, Set<number>>();

export function statedNumbers(query: Query): Set<number> {
  let stated = statedCache.get(query);
  if (!stated) {
    stated = new Set(findNumbers(query.cleaned).map((number) => number.value));
    statedCache.set(query, stated);
  }
  return stated;
}

/** The question's own figures as whole numbers to find in a sentence, worked out once per question. */
const statedPatternCache = new WeakMap<Query, RegExp[]>();

function statedPatterns(query: Query): RegExp[] {
  let patterns = statedPatternCache.get(query);
  if (!patterns) {
    // A year is the period's to match (yearFit), not a row's label.
    patterns = findNumbers(query.cleaned)
      .filter((number) => yearsIn(number.text).length === 0)
      .map((number) => {
        // "the 2 cluster campaigns" of a report's "two cluster campaigns": digits match the word.
        const word = number.isWord ? null : numberWordOf(number.value);
        const digits = String.raw`(?<![\d.,])${escapeForPattern(number.text)}(?![\d]|[.,]\d)`;
        return new RegExp(word ? String.raw`${digits}|\b${word}\b` : digits, "i");
      });
    statedPatternCache.set(query, patterns);
  }
  return patterns;
}

/**
 * "How many deaths among people 25 to 34": the question's own figures name the row it asks, so a
 * figure whose sentence states them all ("25 to 34: 301 deaths") is the one for that row.
 */
function statedBeside(query: Query, fact: Fact): boolean {
  const patterns = statedPatterns(query);
  return (
    patterns.length > 0 &&
    !statedNumbers(query).has(fact.value) &&
    patterns.every((pattern) => pattern.test(fact.quote))
  );
}

/** "in the harbour sweep", "during those raids": the words of a phrase a determiner opens. */
const DETERMINED =
  /\b(?:the|these|those|this|that|its|their)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/g;

/** Worked out once per question, not once per figure. */
const determinedCache = new WeakMap<Query, Set<string>>();

function determinedConcepts(query: Query): Set<string> {
  const cached = determinedCache.get(query);
  if (cached) return cached;
  const found = new Set(
    [...query.cleaned.toLowerCase().matchAll(DETERMINED)].flatMap((m) =>
      words(m[1] ?? "")
        .filter((word) => !STOP_WORDS.has(word))
        .map(concept),
    ),
  );
  determinedCache.set(query, found);
  return found;
}

/**
 * A concept of a phrase the question determines ("in the harbour sweep") that few sentences use,
 * one of them right by another figure: it names a part of the report.
 */
function namesAPart(query: Query, index: ReportIndex, c: string, w: Weights): boolean {
  const sentences = index.sentenceFrequency.get(c) ?? 0;
  return (
    sentences > 0 &&
    determinedConcepts(query).has(c) &&
    sentences <= w.rareConceptSentences &&
    index.retrieval.nearAnyFigure.has(c)
  );
}

/** What scoring needs of a question, worked out once per question rather than once per fact. */
interface QueryTerms {
  index: ReportIndex;
  /** The weights these were worked out with (`bridgeHit`). */
  w: Weights;
  concepts: string[];
  conceptSet: Set<string>;
  /** The concepts as `FactConcepts` ids (-1 for one no fact uses), and room for a fact's OWN bits. */
  ids: Int32Array;
  flags: Uint8Array;
  /** `weightOf` each concept, in the same order, `bridgeHit` times that for a bridged one. */
  weights: number[];
  /** The concepts of a quarter or half asked that is the report's own period (`openingSpans`). */
  openingPeriod: ReadonlySet<string>;
  target: string | null;
  /** The unit a figure counting the target noun is in ("cases" → "case"). */
  targetUnit: string | null;
  counting: boolean;
  /** A chat question of nouns alone ("carjackings in <city>?"): no wh-word, no measure asked. */
  bare: boolean;
  askedActions: string[];
  asksTotal: boolean;
  asksEarlier: boolean;
  asksCurrent: boolean;
  /** "how many last year": the year before the report's own as the period asked, not a base. */
  asksLastYear: boolean;
  /** "in Q3", "so far this year": the kind of span asked (`askedSpanKind`). */
  asksSpan: SpanKind | null;
  years: string[];
}

const queryTermsCache = new WeakMap<Query, QueryTerms>();

function queryTerms(query: Query, index: ReportIndex, w: Weights): QueryTerms {
  const cached = queryTermsCache.get(query);
  if (cached && cached.index === index && cached.w === w) return cached;
  const concepts = [...new Set(query.measure.concepts)].filter((c) => !STEERING.has(c));
  const bridged = new Set(query.measure.bridged ?? []);
  const terms: QueryTerms = {
    index,
    w,
    concepts,
    conceptSet: new Set(concepts),
    ids: conceptIds(index.factConcepts, concepts),
    flags: new Uint8Array(concepts.length),
    // A report's word standing in for a question word it never uses counts less than one asked.
    weights: concepts.map((c) => weightOf(index, c) * (bridged.has(c) ? w.bridgeHit : 1)),
    openingPeriod: openingPeriodAsked(concepts, index),
    target: query.measure.target ? concept(query.measure.target) : null,
    targetUnit: query.measure.target ? countUnit(query.measure.target) : null,
    counting: query.measure.expected.kind === null,
    bare:
      query.wh === null &&
      query.measure.expected.kind === null &&
      query.measure.expected.unit === null,
    askedActions: concepts.filter((c) => ACTION_CONCEPTS.has(c)),
    asksTotal: TOTAL_WORDS.test(query.cleaned),
    asksEarlier: ASKS_EARLIER.test(query.cleaned),
    asksCurrent: ASKS_CURRENT.test(query.cleaned),
    asksLastYear: LAST_YEAR.test(query.cleaned) && !SINCE_LAST_YEAR.test(query.cleaned),
    asksSpan: askedSpanKind(query.cleaned),
    years: query.filters.period.years,
  };
  queryTermsCache.set(query, terms);
  return terms;
}

/** The concepts of each quarter or half the report's opening speaks of that the question asks in full. */
function openingPeriodAsked(concepts: readonly string[], index: ReportIndex): Set<string> {
  const asked = new Set(concepts);
  const spans = openingSpans(index.report.paragraphs).map(conceptsOf);
  return new Set(spans.filter((span) => span.every((c) => asked.has(c))).flat());
}

/** What scoring reads of a fact beyond its concept sets, worked out on its first scoring and kept. */
interface DocTerms {
  earlier: boolean;
  /** The words around it say "last year": the year before the report's own. */
  lastYear: boolean;
  /** Its own clause or period says "last year": "1,140 raids last year, against 1,320 in 2024". */
  ownLastYear: boolean;
  partOf: boolean;
  /** Its period or the words before it name a year: a figure for another year than one asked. */
  otherYear: boolean;
  /** Its verb and the verbs before it, as concepts. */
  verbs: string[];
  duration: boolean;
  /** The kind of span it is for: "the third quarter", "since January", "in May". */
  span: SpanKind | null;
}

const docTermsCache = new WeakMap<FactDoc, DocTerms>();

/** Whether a figure is stated for the period before the one reported ("down from 66% in 2030"). */
export function isEarlierFigure(doc: FactDoc): boolean {
  return docTerms(doc).earlier;
}

/** The kind of span a figure is for ("the third quarter": a quarter), or null. */
export function figureSpan(doc: FactDoc): SpanKind | null {
  return docTerms(doc).span;
}

function docTerms(doc: FactDoc): DocTerms {
  let terms = docTermsCache.get(doc);
  if (!terms) {
    const { fact } = doc;
    terms = {
      earlier: isEarlier(doc),
      lastYear: LAST_YEAR.test(doc.nearText) && !SINCE_LAST_YEAR.test(doc.nearText),
      ownLastYear: OWN_LAST_YEAR.test(textAfter(fact)),
      partOf: PART_OF.test(doc.lead) || PART_OF_NEXT.test(textAfter(fact)),
      otherYear: yearsIn(fact.period ?? "").length > 0 || yearsIn(doc.lead).length > 0,
      verbs: fact.action ? [concept(fact.action), ...doc.leadVerbs] : doc.leadVerbs,
      duration: fact.unit !== null && DURATION_UNITS.has(fact.unit),
      span: spanOfFigure(doc),
    };
    docTermsCache.set(doc, terms);
  }
  return terms;
}

/** "How old", "what age", "aged", "oldest": the question asks an age, not a prison term. */
export const AGE_ASKED =
  /\b(?:how old|ages?|aged|old|older|oldest|eldest|younger|youngest|born)\b/i;

/**
 * A span of time answers a question asking one: "sentenced to 84 months" a question about a
 * prison term, which asks in years. An age ("Ana Ruiz, 41,") answers only a question asking an age.
 */
function timeFits(query: Query, fact: Fact): boolean {
  const asked = query.measure.expected.unit;
  if (isAge(fact)) return asked === "year" && AGE_ASKED.test(query.cleaned);
  return asked === fact.unit || (asked === "year" && !AGE_ASKED.test(query.cleaned));
}

export const DURATION_UNITS: ReadonlySet<string> = new Set([
  "day",
  "week",
  "month",
  "year",
  "hour",
]);

/** "$9 billion for other costs such as fuel and rent": after the figure, examples of what it counts. */
const EXAMPLES_AFTER = /\b(?:such as|including|like|for example|for instance|e\.g\.)\s/i;

/** Worked out once per fact: the near concepts that only stand in the figure's list of examples. */
const examplesCache = new WeakMap<FactDoc, Set<string>>();

/**
 * Concepts near a figure only as examples of what it counts: the figure is the whole of which
 * they are parts, so "fuel" there is weak evidence that the figure counts fuel.
 */
export function exampleOnlyConcepts(doc: FactDoc): Set<string> {
  const cached = examplesCache.get(doc);
  if (cached) return cached;
  const { fact, nearText } = doc;
  const at = nearText.indexOf(fact.text);
  const after = at < 0 ? "" : nearText.slice(at + fact.text.length);
  const marker = EXAMPLES_AFTER.exec(after);
  let found = new Set<string>();
  if (marker) {
    const cut = at + fact.text.length + marker.index;
    // The examples run to the end of the figure's own stretch of its sentence, not into the
    // lead-in line or period the near text adds after it.
    const inQuote = fact.quote.slice(fact.quote.indexOf(fact.text) + fact.text.length);
    const quoted = inQuote.slice(EXAMPLES_AFTER.exec(inQuote)?.index ?? inQuote.length);
    const rest = nearText.slice(cut);
    let length = 0;
    while (length < rest.length && rest[length] === quoted[length]) length++;
    const outside = new Set(conceptsOf(`${nearText.slice(0, cut)} ${rest.slice(length)}`));
    found = new Set(conceptsOf(rest.slice(0, length)).filter((c) => !outside.has(c)));
  }
  examplesCache.set(doc, found);
  return found;
}

/** "$40 per state", "12 a day", "$9 for each person": the denominator a figure is stated per. */
const STATED_RATE = new RegExp(
  String.raw`^[^,;.]{0,40}?\b(?:per|each|every)\s+(?:[\d,.]+\s+)?([a-z]+)|^[^,;.]{0,40}?(?<!\b(?:during|in|over|for|within|after|from|to|of|than|in)\s)\b(?:a|an)\s+(${RATE_PERIOD_PATTERN})\b(?!\s+(?:of|earlier|ago|before|later))`,
  "i",
);

const rateCache = new WeakMap<FactDoc, string | null>();

export function statedRate(doc: FactDoc): string | null {
  if (rateCache.has(doc)) return rateCache.get(doc) ?? null;
  const { quote, text } = doc.fact;
  const match = STATED_RATE.exec(quote.slice(quote.indexOf(text) + text.length));
  const rate = match ? concept(match[1] ?? match[2] ?? "") : null;
  rateCache.set(doc, rate);
  return rate;
}

/** A rate asked for ("per state", "a day") favours figures stated per the same thing, and only those. */
function rateFit(query: Query, doc: FactDoc, terms: QueryTerms, w: Weights): number {
  const asked = query.measure.per;
  const stated = statedRate(doc);
  if (stated === null) return asked ? w.rateMissing : 0;
  // With no rate asked, a figure per something may still be the only one for the thing asked,
  // unless the question asks the total ("how many in total").
  if (asked === null || asked === undefined) return terms.asksTotal ? w.rateForTotal : 0;
  if (asked === "") return w.rateAverage;
  return concept(asked) === stated ? w.rateMatch : w.rateOther;
}

const distinctCache = new WeakMap<Fact, number>();

/**
 * How many places a figure is for, a country left out where a place in it is named too: "in
 * Antwerp" by "Belgian prosecutors" is one place, not two.
 */
function distinctPlaces(fact: Fact): number {
  let count = distinctCache.get(fact);
  if (count === undefined) {
    const places = fact.places.map((name) => placeByName(name));
    const within = new Set(places.flatMap((p) => (p && p.kind !== "country" ? [p.country] : [])));
    count = fact.places.filter((name) => !within.has(name)).length;
    distinctCache.set(fact, count);
  }
  return count;
}

/**
 * What the places asked add to a figure: a figure for exactly them beats one they share with
 * others, and a figure for only some of them (its paragraph naming the rest) gets their share.
 */
function placeCredit(fact: Fact, places: readonly string[], w: Weights): number {
  const held = places.filter((place) => fact.places.includes(place)).length;
  return (w.placeMatch * held) / Math.max(places.length, distinctPlaces(fact));
}

const clauseCache = new WeakMap<FactDoc, Set<string>>();

/** The concepts of a figure's own clause: "and more than 40 people were fined in the city,". */
function ownClauseConcepts(doc: FactDoc): Set<string> {
  let found = clauseCache.get(doc);
  if (!found) {
    const { quote, text } = doc.fact;
    const at = Math.max(0, quote.indexOf(text));
    const start = Math.max(quote.lastIndexOf(",", at), quote.lastIndexOf(";", at)) + 1;
    const end = quote.slice(at + text.length).search(/[,;.](?:\s|$)/);
    const clause = quote.slice(start, end < 0 ? quote.length : at + text.length + end);
    found = new Set(conceptsOf(clause));
    clauseCache.set(doc, found);
  }
  return found;
}

/** Whether a figure counts what the question sets aside: its own words or its own clause use it. */
function setAsideIn(excluded: readonly string[], doc: FactDoc): boolean {
  return excluded.some((c) => doc.core.has(c) || ownClauseConcepts(doc).has(c));
}

/** Any count of people is in persons, whichever people they are. */
const PERSONS = countUnit("people");
const underwentCache = new WeakMap<Fact, string | null>();

/**
 * "67,830 Americans died", "1,180 people were arrested": the concept of the verb a count of people
 * is the subject of, right after it, the event each of them underwent.
 */
function eventUndergone(fact: Fact): string | null {
  let found = underwentCache.get(fact);
  if (found === undefined) {
    const after = words(textAfter(fact).split(/[,;.:]/)[0] ?? "").slice(0, 4);
    const verb = after.find((word) => !AUXILIARIES.has(word) && !/ly$/.test(word));
    found = verb ? concept(verb) : null;
    underwentCache.set(fact, found);
  }
  return found;
}

/** "Coastal (including Port Arlen): 9,100 arrests": the place stands only as a part of the row's own. */
const INCLUDING = /\b(?:including|includes|incl\.)\s+(?:the\s+)?$/i;

/** Whether the text before a figure gives an asked place only as a part of a larger one. */
function includesAskedPlace(fact: Fact, places: readonly string[]): boolean {
  const before = fact.quote.slice(0, Math.max(0, fact.quote.indexOf(fact.text)));
  return places.some((place) => {
    const at = before.indexOf(place);
    return at > 0 && INCLUDING.test(before.slice(0, at));
  });
}

/**
 * "… recorded declines. The steepest were in Ashby (31.4%)": a row a place labels, with no noun or
 * verb of its own, takes the verb its sentences carry to it as a near word, not as one left out.
 */
function isRow(fact: Fact): boolean {
  return fact.subject.trim() === "" && fact.places.length > 0;
}

/** How well one fact answers the query: concept overlap, verb, unit, target noun, scope, text match. */
export function scoreFact(
  query: Query,
  doc: FactDoc,
  index: ReportIndex,
  textMatch = 0,
  w: Weights = DEFAULT_WEIGHTS,
  id = index.factDocs.indexOf(doc),
): ScoredFact {
  const { fact } = doc;
  const { places } = query.filters;
  const terms = queryTerms(query, index, w);
  const own = docTerms(doc);
  const { concepts, target, counting, ids, flags } = terms;
  const { factConcepts } = index;
  // Where the fact uses each concept, from the compact arrays, not the doc's Sets.
  ownFlagsOf(factConcepts, id, ids, flags);
  let score = 0;
  let coreHits = 0;
  let nearHits = 0;
  // "How many overdose deaths" of "67,830 Americans died": the people counted are the deaths
  // (events counted in the plural), in the unit asked, and their verb is their own word.
  const undergone =
    target !== null &&
    /s$/.test(query.measure.target ?? "") &&
    fact.unit === PERSONS &&
    terms.targetUnit !== PERSONS &&
    eventUndergone(fact) === target;
  for (let i = 0; i < concepts.length; i++) {
    const c = concepts[i] as string;
    const weight = terms.weights[i] as number;
    const uses = flags[i] as number;
    // A counted noun only counts as the fact's own when it is the head ("12 million individual
    // street deals" counts deals, not individuals); a weighed substance may be a modifier
    // ("1,260 pounds of fentanyl powder").
    const modifierOnly =
      counting && c === target && !(uses & OWN.head) && (uses & OWN.subject) !== 0;
    if ((uses & OWN.core && !modifierOnly) || (undergone && c === target)) {
      score += w.coreHit * weight;
      coreHits++;
    } else if (ACTION_CONCEPTS.has(c) && !fact.action && !(uses & OWN.near && isRow(fact))) {
      score += w.missingVerbHit * weight; // the verb is left out, not contradicted
    } else if (uses & OWN.near && !exampleOnlyConcepts(doc).has(c)) {
      score += w.nearHit * weight;
      nearHits++;
    } else if (c === MONEY && moneyOfPlace(fact, places)) {
      score += w.moneyByCurrency * weight;
      nearHits++;
    } else if (terms.openingPeriod.has(c) && !fact.period && !own.otherYear)
      score += w.openingPeriodHit * weight;
    else if (inSentence(factConcepts, id, ids[i] as number)) score += w.sentenceHit * weight;
    else if (inParagraph(factConcepts, id, ids[i] as number)) score += w.paragraphHit * weight;
    // A national total does not answer for a part the question names ("in the harbour sweep"),
    // a word the report uses in only a few sentences, none of them the total's.
    else if (fact.scope === "national" && namesAPart(query, index, c, w))
      score += w.missingConcept * weight;
  }
  let extraModifiers = 0;
  for (const c of doc.subject) if (!terms.conceptSet.has(c)) extraModifiers++;
  score -= Math.min(w.extraModifierCap, w.extraModifier * extraModifiers);
  if (terms.askedActions.length > 0) {
    // A figure whose verb the report leaves out ("Heroin: 412 kg") is neither confirmed nor
    // contradicted; "detected and handled 27,384 cases" was detected too, though handled is nearer.
    const { verbs } = own;
    score +=
      verbs.length === 0
        ? w.verbAbsent
        : terms.askedActions.some((a) => verbs.includes(a))
          ? w.verbAgrees
          : w.verbDisagrees;
  }
  if (target && query.measure.target) {
    if (
      doc.heads.has(target) ||
      (doc.core.has(target) && (!counting || !doc.subject.has(target)))
    ) {
      score += w.targetHead;
      coreHits++;
    } else if (undergone) {
      score += w.targetHead;
      coreHits++;
    } else if (fact.unit && fact.unit === terms.targetUnit) score += w.targetUnit;
    else score += w.targetMissing;
  }
  // "Carjackings in <city>?", "cocaine seized in <region>?": with no counted noun asked, a noun the
  // question names that is what the figure counts (its head) is the measure asked.
  else if (terms.bare && concepts.some((c) => doc.heads.has(c))) score += w.askedNounHead;
  const unit = undergone ? query.measure.expected.unit : fact.unit;
  score += unitFit(query, unit, Boolean(fact.base), doc, w);
  if (places.length === 0)
    score += placelessFit(fact.scope === "national", fact.section === null, index, terms, w);
  // A figure for exactly the places asked about beats one they share with others.
  else {
    score += placeCredit(fact, places, w);
    if (includesAskedPlace(fact, places)) score += w.wholeOfAskedPlace;
  }
  if (own.duration && !timeFits(query, fact)) score += w.unaskedDuration;
  if (statedInQuestion(query, fact)) score += w.statedInQuestion;
  else if (statedBeside(query, fact)) score += w.statedBeside;
  if (inReportersQuestion(fact, index)) score += w.reportersQuestion;
  if (terms.years.length > 0) score += yearFit(terms.years, doc, index, own, w);
  score += textMatch * w.textMatch;
  score -= fact.paragraph * w.paragraphOrder;
  if (own.partOf) score += w.partOf;
  const { excluded } = query.measure;
  if (excluded && setAsideIn(excluded, doc)) score += w.setAside;
  score += w.verbatimWord * verbatimWords(query, doc);
  score += periodFit(terms, own, fact.period, coreHits + nearHits > 0, w);
  score += rateFit(query, doc, terms, w);
  return { fact, doc, score, coreHits, nearHits };
}

/** A figure a reporter puts in a question is the asker's; the answer that follows states the report's. */
function inReportersQuestion(fact: Fact, index: ReportIndex): boolean {
  return preparedOf(index).reportersQuestions[fact.paragraph] === 1;
}

/** Facts that can answer the query, best first. With places named, only those places' facts. */
export function rankFacts(
  query: Query,
  index: ReportIndex,
  asked = query.filters.places,
  w: Weights = DEFAULT_WEIGHTS,
): ScoredFact[] {
  // "How many pills did Thailand seize?" in a Thai report asks for the national figures.
  const places = asked.filter((place) => !index.home.has(place));
  // BM25 over every fact's words, as a share of the best match: a tie-breaker, cheap per question.
  // The text matches retrieve like any other list: the best of them, at most postingsRead.
  const text = rankBm25(
    index.factSearch,
    withoutSetAside(query.cleaned),
    SEARCH_TEXT,
    { postingsRead: w.postingsRead, boost: FACT_FIELD_BOOST },
    w.postingsRead,
  );
  const textMatch = (id: number) => (text.top > 0 ? text.scoreOf(id) / text.top : 0);
  // The query itself when no place is left out, so what is worked out once per question (its
  // terms, its own figures) is worked out once for ranking and the fit checks alike.
  const samePlaces =
    places.length === query.filters.places.length &&
    places.every((place, i) => place === query.filters.places[i]);
  const asPlaces = samePlaces ? query : { ...query, filters: { ...query.filters, places } };
  const found = candidates(query, index, places, text.best, w.postingsRead, asked);
  return shortlist(found, asPlaces, index, textMatch, w)
    .ids.map((id) =>
      scoreFact(asPlaces, index.factDocs[id] as FactDoc, index, textMatch(id), w, id),
    )
    .sort((a, b) => b.score - a.score);
}

/** The units (or kinds of unit) a question asks for, as `byUnit` keys: the facts `unitFit` favours. */
function askedUnits(query: Query): string[] {
  const { kind, unit } = query.measure.expected;
  const units = unit ? [unit] : [];
  if (kind === "mass" || kind === "volume" || kind === "amount") units.push(UNIT_KINDS.measure);
  if (kind === "currency" || kind === "amount") units.push(UNIT_KINDS.currency);
  if (kind === "percent") units.push("percent");
  return units;
}

/**
 * The most `unitFit` gives any figure for this question: the largest of the values its branches
 * for the kind asked can return (a bound for `shortlist`'s early stop; keep the two together).
 */
function unitFitCeiling(query: Query, w: Weights): number {
  const { kind, unit } = query.measure.expected;
  const values = [w.multiplierUnasked];
  if (kind === "mass" || kind === "volume") values.push(w.massExact, w.massGiven, w.wrongUnitKind);
  else if (kind === "currency")
    values.push(w.wrongUnitKind, w.currencyGiven, w.currencyExact, w.currencyOther);
  else if (kind === "amount") values.push(w.amountMass, w.amountMoney, w.wrongUnitKind);
  else if (kind === "percent") values.push(w.percentGiven, w.wrongUnitKind);
  else if (unit) values.push(w.countUnitGiven, w.countAsMeasure, w.countOtherUnit);
  else values.push(0);
  return Math.max(...values);
}

/**
 * Rounding room for the early stop: a ceiling summed in another order than a score may differ from
 * it in the last bits, and a candidate is passed over only when it stays below by more than this.
 */
const CEILING_ROUNDING = 1e-9;

/** What the shortlist needs to score a candidate cheaply, worked out once per question. */
interface CheapTerms {
  terms: QueryTerms;
  places: readonly string[];
  ranksPlaces: boolean;
  /** The concepts asked, then the counted noun, then the verbs asked, as concept ids. */
  asked: Int32Array;
  targetAt: number;
  own: Uint8Array;
}

/**
 * The cheap score of fact `id`: where the fact uses each question concept (its own words, around
 * the figure, its sentence, its paragraph), the counted noun and verb asked, its unit, places, text
 * match and place in the report, weighed as `scoreFact` weighs them.
 */
function cheapScore(
  id: number,
  query: Query,
  index: ReportIndex,
  cheap: CheapTerms,
  textMatch: (id: number) => number,
  w: Weights,
): number {
  const { terms, places, asked, targetAt, own } = cheap;
  const { factConcepts } = index;
  const kind = factConcepts.factFlags[id] as number;
  const doc = index.factDocs[id] as FactDoc;
  let score =
    unitFit(query, factConcepts.unit[id] ?? null, (kind & FACT.measured) !== 0, doc, w) +
    textMatch(id) * w.textMatch;
  ownFlagsOf(factConcepts, id, asked, own);
  for (let i = 0; i < targetAt; i++) {
    const c = asked[i] as number;
    const flags = own[i] as number;
    const level =
      flags & OWN.core
        ? w.coreHit
        : flags & OWN.near
          ? w.nearHit
          : inSentence(factConcepts, id, c)
            ? w.sentenceHit
            : inParagraph(factConcepts, id, c)
              ? w.paragraphHit
              : 0;
    score += level * (terms.weights[i] as number);
  }
  if (terms.target && (own[targetAt] as number) & (OWN.head | OWN.core)) score += w.targetHead;
  // Read in place: a subarray and a callback per candidate add up over a very large report's.
  for (let i = targetAt + 1; i < own.length; i++) {
    if ((own[i] as number) & OWN.verb) {
      score += w.verbAgrees;
      break;
    }
  }
  // A question ranking places reads their local figures: national ones do not come first.
  if (places.length === 0 && !cheap.ranksPlaces) {
    const national = (kind & FACT.national) !== 0;
    score += placelessFit(national, (kind & FACT.unsectioned) !== 0, index, terms, w);
  } else if (places.length > 0) {
    score += placeCredit(doc.fact, places, w);
  }
  return score - (factConcepts.paragraph[id] as number) * w.paragraphOrder;
}

/**
 * The most `cheapScore` can give any fact before its paragraph's order is taken off: each part's
 * largest value for this question, summed.
 */
function cheapCeiling(query: Query, cheap: CheapTerms, w: Weights): number {
  const { terms, places } = cheap;
  const levels = [w.coreHit, w.nearHit, w.sentenceHit, w.paragraphHit, 0];
  let ceiling = unitFitCeiling(query, w) + Math.max(0, w.textMatch);
  for (let i = 0; i < cheap.targetAt; i++) {
    const weight = terms.weights[i] as number;
    ceiling += Math.max(...levels.map((level) => level * weight));
  }
  if (terms.target) ceiling += Math.max(0, w.targetHead);
  if (cheap.asked.length > cheap.targetAt + 1) ceiling += Math.max(0, w.verbAgrees);
  const asksTotal = terms.asksTotal ? w.asksTotal : 0;
  if (places.length === 0 && !cheap.ranksPlaces)
    ceiling +=
      Math.max(w.nationalWhenPlaceless + asksTotal, w.localWhenPlaceless - asksTotal) +
      Math.max(0, w.headline);
  else if (places.length > 0) ceiling += Math.max(0, w.placeMatch);
  return ceiling;
}

/** What `shortlist` kept, and how many candidates it scored to find them. */
export interface Shortlist {
  ids: number[];
  scored: number;
}

/**
 * At most `w.fullScoreLimit` of the candidates (`found`, ascending ids), in factDocs order: all of
 * them when there are no more, else the best by `cheapScore`, ties to the earlier candidate. In a
 * very large report a question's common words retrieve most of it, and full scoring is the costly
 * part. Candidates are read in order, the best `fullScoreLimit` scores so far kept (`TopScores`);
 * one whose ceiling (`cheapCeiling` less its paragraph's order, read from a typed array, not its
 * doc) cannot beat the least of them could neither get in nor win a tie, and is not scored at all:
 * the list is the one scoring every candidate gives (`stopEarly` false, as a test compares).
 */
export function shortlist(
  found: number[],
  query: Query,
  index: ReportIndex,
  textMatch: (id: number) => number,
  w: Weights,
  stopEarly = true,
): Shortlist {
  if (found.length <= w.fullScoreLimit) return { ids: found, scored: 0 };
  const terms = queryTerms(query, index, w);
  const { factConcepts } = index;
  const asked = conceptIds(factConcepts, [
    ...terms.concepts,
    terms.target ?? "",
    ...terms.askedActions,
  ]);
  const cheap: CheapTerms = {
    terms,
    places: query.filters.places,
    ranksPlaces: (query.op === "max" || query.op === "min") && !query.rankedThing,
    asked,
    targetAt: terms.concepts.length,
    own: new Uint8Array(asked.length),
  };
  const ceiling = stopEarly ? cheapCeiling(query, cheap, w) : Number.POSITIVE_INFINITY;
  const best = new TopScores(w.fullScoreLimit);
  const scores = new Float64Array(found.length).fill(Number.NEGATIVE_INFINITY);
  let scored = 0;
  for (let i = 0; i < found.length; i++) {
    const id = found[i] as number;
    const most = ceiling - (factConcepts.paragraph[id] as number) * w.paragraphOrder;
    if (most + CEILING_ROUNDING < best.least) continue;
    const score = cheapScore(id, query, index, cheap, textMatch, w);
    scores[i] = score;
    best.add(score);
    scored++;
  }
  const cut = best.least;
  const kept = found.filter((_, i) => (scores[i] as number) > cut);
  for (let i = 0; i < found.length && kept.length < w.fullScoreLimit; i++)
    if (scores[i] === cut) kept.push(found[i] as number);
  return { ids: kept.sort((a, b) => a - b), scored };
}

/** Ids in both lists, in the first one's order. */
function intersect(a: readonly number[], b: readonly number[]): readonly number[] {
  const inB = new Set(b);
  return a.filter((id) => inB.has(id));
}

/** The first `read` ids of a list, best first. */
function head(ids: readonly number[] | undefined, read: number): readonly number[] {
  if (ids === undefined) return [];
  return ids.length <= read ? ids : ids.slice(0, read);
}

/**
 * The facts worth scoring, in factDocs order (so ties keep the report's order): with places named,
 * exactly those places' facts; otherwise the facts the question's concepts, counted noun, unit and
 * text match retrieve. Each list is read at most `read` deep, best first. A question that
 * retrieves nothing scores every fact, as the best of nothing still decides what is said.
 */
function candidates(
  query: Query,
  index: ReportIndex,
  places: readonly string[],
  textMatched: Iterable<number>,
  read: number,
  askedPlaces: readonly string[] = places,
): number[] {
  const { byConcept, byPlace, byUnit, located } = index.retrieval;
  if (places.length > 0) {
    const kept = places
      .map((place) => head(byPlace.get(place), read))
      .reduce((kept, ids) => intersect(kept, ids));
    // The home country asked beside another place ("guns recovered in Mexico traced to the US",
    // of a US report) may be the place a figure is given for, its sentence naming the other.
    const homeToo = askedPlaces.length > places.length;
    const twoRoles = askedPlaces.length > 1 && placesInTwoRoles(query, askedPlaces);
    if ((kept.length === 0 || homeToo) && twoRoles) {
      const beside = figuresBesideTheOtherPlaces(index, askedPlaces, read);
      return [...new Set([...kept, ...beside])].sort((a, b) => a - b);
    }
    return [...kept].sort((a, b) => a - b);
  }
  const found = new IdUnion(index);
  for (const id of textMatched) found.add(id);
  const asked = [...query.measure.concepts];
  if (query.measure.target) asked.push(concept(query.measure.target));
  if (query.rankedThing) asked.push(concept(query.rankedThing));
  // "Which province seized the most?" ranks every place's figures, whatever words they share.
  if (query.op === "max" || query.op === "min") found.addHead(located, read);
  for (const c of asked) if (!STEERING.has(c)) found.addHead(byConcept.get(c), read);
  for (const unit of askedUnits(query)) found.addHead(byUnit.get(unit), read);
  if (found.size === 0)
    return Array.from({ length: Math.min(read, index.factDocs.length) }, (_, id) => id);
  return found.ascending();
}

/** "Ohio and Iowa", "Ohio or Iowa", "Ohio, Iowa", "Ohio/Iowa": places asked side by side. */
const SIDE_BY_SIDE = /^\s*(?:,|&|\/|and|or|vs\.?|versus|nor)\s*(?:the\s+)?$/i;

/**
 * "How many of Sinaloa's deaths were in Culiacán?", "what % of guns recovered in Mexico were
 * traced to the US": places in different parts of the question play different roles (the whole
 * and its part, where a thing was found and where it came from), not a list of places asked alike.
 */
function placesInTwoRoles(query: Query, places: readonly string[]): boolean {
  const lower = query.cleaned.toLowerCase();
  const spans = query.filters.placeWords
    .map((word) => {
      const at = lower.indexOf(word.toLowerCase());
      return { at, end: at + word.length };
    })
    .filter((span) => span.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (spans.length !== places.length) return false;
  return spans.every((span, i) => {
    const next = spans[i + 1];
    return !next || !SIDE_BY_SIDE.test(lower.slice(span.end, next.at));
  });
}

/**
 * No figure is for all the places asked: the figures for one of them whose paragraph names the
 * others ("Sinaloa registered 476 victims … Culiacán, the state capital, accounted for 301").
 */
function figuresBesideTheOtherPlaces(
  index: ReportIndex,
  places: readonly string[],
  read: number,
): number[] {
  const paragraphsOf = places.map((place) => new Set(index.placeParagraphs.get(place) ?? []));
  const found = new Set<number>();
  for (const place of places) {
    for (const id of head(index.retrieval.byPlace.get(place), read)) {
      const paragraph = (index.factDocs[id] as FactDoc).fact.paragraph;
      if (paragraphsOf.every((named) => named.has(paragraph))) found.add(id);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** One marker per fact of a report, reused by each question: the generation that last saw it. */
const seenBy = new WeakMap<ReportIndex, { seen: Uint32Array; generation: number }>();

/**
 * A union of fact ids, without a Set: a question's lists hold several hundred ids of a very large
 * report, and a typed array of markers, one per fact and reused, tells repeats apart for less.
 */
class IdUnion {
  private readonly ids: number[] = [];
  private readonly seen: Uint32Array;
  private readonly generation: number;

  constructor(index: ReportIndex) {
    let marks = seenBy.get(index);
    if (!marks || marks.generation === 0xffffffff) {
      marks = { seen: new Uint32Array(index.factDocs.length), generation: 0 };
      seenBy.set(index, marks);
    }
    marks.generation++;
    this.seen = marks.seen;
    this.generation = marks.generation;
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: number): void {
    if (this.seen[id] === this.generation) return;
    this.seen[id] = this.generation;
    this.ids.push(id);
  }

  /** The first `read` ids of a list, best first. */
  addHead(ids: readonly number[] | undefined, read: number): void {
    if (ids === undefined) return;
    const end = Math.min(read, ids.length);
    for (let i = 0; i < end; i++) this.add(ids[i] as number);
  }

  /** The ids, ascending, sorted in place: the union is read once. */
  ascending(): number[] {
    return this.ids.sort((a, b) => a - b);
  }
}
