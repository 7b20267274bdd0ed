import type { Fact } from "../facts/schema.js";
import { countUnit } from "../facts/units.js";
import { words } from "../text/tokenize.js";
import type { FactDoc, ReportIndex } from "./reportIndex.js";
import type { Query } from "./understand.js";
import { concept, STOP_WORDS } from "./vocabulary.js";

export interface ScoredFact {
  fact: Fact;
  doc: FactDoc;
  score: number;
  /** Query concepts found among the fact's own words (subject, verb, unit). */
  coreHits: number;
  /** Query concepts found right around the figure. */
  nearHits: number;
}

const ACTION_CONCEPTS = new Set(
  [
    "seize",
    "arrest",
    "crack",
    "destroy",
    "investigate",
    "prosecute",
    "convict",
    "extradite",
    "rehabilitate",
    "launch",
    "inspect",
    "rescue",
    "increase",
    "decrease",
    "freeze",
  ].map(concept),
);
/** "up from 26.1 tonnes a year earlier": a figure for the period before the one reported. */
const EARLIER_BEFORE = /\b(?:up from|down from|compared (?:with|to)|than|previous|prior)\b[^,;]*$/i;
const EARLIER_AFTER =
  /^[^,;.]{0,25}\b(?:a year earlier|the year before|the previous year|in the same period last year|a year ago)\b/i;
/** "This was lower than the 1,109 arrested in 2022, who formed 34.1 per cent": a comparison sentence. */
const EARLIER_SENTENCE = /\b(?:than|compared (?:with|to)|up from|down from)\b.*\b(?:19|20)\d{2}\b/i;
const ASKS_EARLIER = /\b(?:previous|prior|earlier|before|a year ago|the year before|last year)\b/i;

/** Earlier-period figures answer questions about the earlier period, and only those. */
function periodFit(query: Query, doc: FactDoc): number {
  const after = doc.fact.quote.slice(doc.fact.quote.indexOf(doc.fact.text) + doc.fact.text.length);
  const sentenceLead = doc.fact.quote.slice(0, doc.fact.quote.indexOf(doc.fact.text));
  // A percentage "down 20.3 percent from a year earlier" is this period's change, not last year's.
  const change = doc.fact.unit === "percent";
  const earlier =
    (!change && (EARLIER_BEFORE.test(doc.lead) || EARLIER_AFTER.test(after))) ||
    EARLIER_SENTENCE.test(sentenceLead);
  if (!earlier) return 0;
  if (ASKS_EARLIER.test(query.cleaned)) return 1.5;
  return query.years.length === 0 ? -1 : 0;
}
const TOTAL_WORDS =
  /\b(?:in total|total|overall|altogether|combined|in all|nationwide|nationally|across the country)\b/i;

/** A figure introduced as a part or an example of another: the total is the better answer. */
const PART_OF =
  /\b(?:including|of which|of whom|of these|among them|single|for example|such as|accounting for|account for|mostly from|most of it|largely from)\b/i;
const CURRENCIES = /^[A-Z]{3}$/;
/** Words that steer the question but say nothing about what is counted. */
const STEERING = new Set(
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
  const df = index.sentenceFrequency.get(queryConcept) ?? 0;
  return 1 + Math.log((index.sentences.length + 1) / (df + 1)) / 2;
}

function unitFit(query: Query, fact: Fact): number {
  const { kind, unit } = query.expected;
  if (kind === "mass" || kind === "volume")
    return fact.base ? (unit && unit === fact.unit ? 2.5 : 2) : -3;
  if (kind === "currency") {
    if (!fact.unit || !CURRENCIES.test(fact.unit)) return -3;
    return !unit ? 2.5 : unit === fact.unit ? 3.5 : 1.5;
  }
  if (kind === "amount") return fact.base ? 2 : fact.unit && CURRENCIES.test(fact.unit) ? 1.5 : -3;
  if (kind === "percent") return fact.unit === "percent" ? 2.5 : -3;
  if (unit) {
    if (fact.unit === unit) return 2;
    return fact.base || fact.unit === "percent" ? -2.5 : -0.75;
  }
  return 0;
}

/** A year named in the question favours figures stated next to it and disfavours those next to another. */
function yearFit(years: string[], doc: FactDoc): number {
  if (years.some((year) => doc.nearText.includes(year))) return 1;
  // "In 2022, 3,249 …" is about another year; "27,384 cases …, compared with 2022" is not.
  return /\b(?:19|20)\d{2}\b/.test(doc.lead) ? -1.5 : 0;
}

/** Tie-breaker: the question's own word forms right around the figure ("rehabilitated" over "rehabilitation"). */
function verbatimWords(query: Query, nearText: string): number {
  const near = ` ${nearText.toLowerCase()} `;
  const asked = new Set(letterWords(query.cleaned, 4));
  return [...asked].filter((word) => !STOP_WORDS.has(word) && near.includes(` ${word} `)).length;
}

/** With no place asked, national figures, and above all the headline ones before the first section. */
function placelessFit(fact: Fact, index: ReportIndex, query: Query): number {
  const headline = fact.section === null && index.report.sections.length > 0 ? 0.75 : 0;
  const asksTotal = TOTAL_WORDS.test(query.cleaned) ? 1 : 0;
  return fact.scope === "national" ? 1 + asksTotal + headline : -0.75 - asksTotal + headline;
}

/** How well one fact answers the query: concept overlap, verb, unit, target noun, scope and fuse. */
export function scoreFact(
  query: Query,
  doc: FactDoc,
  index: ReportIndex,
  fuseScore?: number,
): ScoredFact {
  const { fact } = doc;
  let score = 0;
  let coreHits = 0;
  let nearHits = 0;
  const concepts = [...new Set(query.concepts)].filter((c) => !STEERING.has(c));
  const target = query.target ? concept(query.target) : null;
  const counting = query.expected.kind === null;
  for (const c of concepts) {
    const weight = weightOf(index, c);
    // A counted noun only counts as the fact's own when it is the head ("12 million individual
    // street deals" counts deals, not individuals); a weighed substance may be a modifier
    // ("1,260 pounds of fentanyl powder").
    const modifierOnly = counting && c === target && !doc.heads.has(c) && doc.subject.has(c);
    if (doc.core.has(c) && !modifierOnly) {
      score += 2 * weight;
      coreHits++;
    } else if (ACTION_CONCEPTS.has(c) && !fact.action) {
      score += 0.6 * weight; // the verb is left out ("Heroin: 412 kg"), not contradicted
    } else if (doc.near.has(c)) {
      score += 1.4 * weight;
      nearHits++;
    } else if (doc.context.has(c)) score += 1.0 * weight;
    else if (doc.paragraph.has(c)) score += 0.4 * weight;
  }
  const extraModifiers = [...doc.subject].filter((c) => !concepts.includes(c)).length;
  score -= Math.min(1.2, 0.4 * extraModifiers);
  const askedActions = concepts.filter((c) => ACTION_CONCEPTS.has(c));
  if (askedActions.length > 0) {
    // A figure whose verb the report leaves out ("Heroin: 412 kg") is neither confirmed nor
    // contradicted; "detected and handled 27,384 cases" was detected too, though handled is nearer.
    const verbs = doc.fact.action ? [concept(doc.fact.action), ...doc.leadVerbs] : doc.leadVerbs;
    score += verbs.length === 0 ? 0.75 : askedActions.some((a) => verbs.includes(a)) ? 2 : -1.5;
  }
  if (query.target) {
    const target = concept(query.target);
    if (
      doc.heads.has(target) ||
      (doc.core.has(target) && (!counting || !doc.subject.has(target)))
    ) {
      score += 3;
      coreHits++;
    } else if (fact.unit && fact.unit === countUnit(query.target)) score += 2;
    else score -= 1.5;
  }
  score += unitFit(query, fact);
  if (query.places.length === 0) score += placelessFit(fact, index, query);
  // A figure for exactly the places asked about beats one they share with others.
  else score += (2 * query.places.length) / Math.max(query.places.length, fact.places.length);
  if (
    fact.unit &&
    ["day", "week", "month", "year", "hour"].includes(fact.unit) &&
    query.expected.unit !== fact.unit
  ) {
    score -= 1.5;
  }
  if (query.years.length > 0) score += yearFit(query.years, doc);
  if (fuseScore !== undefined) score += (1 - fuseScore) * 0.75;
  score -= fact.paragraph * 0.001;
  if (PART_OF.test(doc.lead)) score -= 0.75;
  score += 0.15 * verbatimWords(query, doc.nearText);
  score += periodFit(query, doc);
  return { fact, doc, score, coreHits, nearHits };
}

/** The question's words of at least `length` letters, numbers left out. */
function letterWords(text: string, length: number): string[] {
  return words(text).filter((word) => word.length >= length && !/^\d/.test(word));
}

function fusePattern(query: Query): string {
  return [...new Set(letterWords(query.cleaned, 3))].join(" | ");
}

/** Facts that can answer the query, best first. With places named, only those places' facts. */
export function rankFacts(query: Query, index: ReportIndex, asked = query.places): ScoredFact[] {
  // "How many pills did Thailand seize?" in a Thai report asks for the national figures.
  const places = asked.filter((place) => !index.home.has(place));
  const pattern = fusePattern(query);
  const fuseScores = new Map<Fact, number>();
  if (pattern) {
    for (const hit of index.factFuse.search(pattern)) fuseScores.set(hit.item.fact, hit.score ?? 1);
  }
  return index.factDocs
    .filter((doc) => places.every((place) => doc.fact.places.includes(place)))
    .map((doc) => scoreFact({ ...query, places }, doc, index, fuseScores.get(doc.fact)))
    .sort((a, b) => b.score - a.score);
}
