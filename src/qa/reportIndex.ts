import Fuse, { type FuseIndex } from "fuse.js";
import { type BodyFinder, reportBodies } from "../facts/bodies.js";
import { monthSpanPeriods } from "../facts/dates.js";
import { extractFacts, figuresWithinLimits } from "../facts/extract.js";
import { homePlaces } from "../facts/factPlaces.js";
import { actionLemma, DRUG_NAMES } from "../facts/lexicon.js";
import { namesByFirstWord, type PlaceFinder, reportPlaces } from "../facts/localPlaces.js";
import { asUsStates, withPlacesRemembered } from "../facts/places.js";
import { namesCountedThing } from "../facts/reading.js";
import { type Fact, type FactTable, parseFactTable } from "../facts/schema.js";
import { ReportError } from "../report/errors.js";
import { REPORT_LIMITS, type ReportLimits } from "../report/limits.js";
import { parseReport } from "../report/parse.js";
import type { ParsedReport } from "../report/types.js";
import type { SpellIndex } from "../text/spelling.js";
import { words } from "../text/tokenize.js";
import { type Bm25Index, type Bm25Text, buildBm25 } from "./bm25.js";
import { type FactConcepts, factConceptsOf } from "./factConcepts.js";
import { lookupsOf, type ReportNames, reportNames } from "./names.js";
import { reportSpelling } from "./normalize.js";
import { preparedOf } from "./prepared.js";
import { suggestionsFor } from "./suggestions.js";
import { concept, conceptsOf, conceptsOfWords, STOP_WORDS } from "./vocabulary.js";
import { DEFAULT_WEIGHTS } from "./weights.js";
import { buildWordIndex, paragraphsWithPrefix, type WordIndex } from "./wordIndex.js";

/** Where a report came from, shown in answer footers. */
export interface ReportMeta {
  /** Human name, e.g. the file name or "report.txt". */
  name: string;
  /** Store version number, or null when loaded straight from a file. */
  version: number | null;
  /** What the report says of itself, where it can be read or was given on upload. */
  title?: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD) of publication. */
  date?: string;
  /** Public http(s) address of the report; never a server path. */
  url?: string;
}

export interface SentenceDoc {
  paragraph: number;
  sentence: number;
  text: string;
  concepts: Set<string>;
}

export interface FactDoc {
  fact: Fact;
  /** Concepts of what is counted, the verb and the unit: the fact's own words. */
  core: Set<string>;
  /** Head nouns of what is counted ("meth, ketamine and other drugs" → meth, ketamine, drug). */
  heads: Set<string>;
  /** Concepts of what is counted alone ("drug-making cases" → drug, mak, case). */
  subject: Set<string>;
  /** Concepts of the words between this figure and its neighbours in the sentence. */
  near: Set<string>;
  nearText: string;
  /** The words of `nearText` as typed (lower-case), for the question's own word forms. */
  nearWords: Set<string>;
  /** The words from the previous figure up to this one: "including", "up from" live here. */
  lead: string;
  /** Verbs in the lead, as concepts ("detected and handled" → crack, investigate). */
  leadVerbs: string[];
  /** Concepts of the whole sentence, weaker evidence. */
  context: Set<string>;
  /** Concepts of the rest of the paragraph, weaker still. */
  paragraph: Set<string>;
}

/**
 * Inverted indexes from what a question names to the facts (ids in factDocs order) that can
 * answer it, so a question scores only the facts its words, places and units retrieve. Each list is
 * ordered best first, so a question reads only the head of a long one (`Weights.postingsRead`);
 * among equals, the report's order, as scoring prefers the earlier of two equal statements.
 */
export interface FactRetrieval {
  /**
   * Concept → facts that use it: first those whose own words do (what is counted, verb, unit), then
   * those that use it right around the figure, in the sentence, in the paragraph, the order of the
   * weight scoring gives each.
   */
  byConcept: Map<string, number[]>;
  /** Canonical place name → facts about that place, first those about it alone. */
  byPlace: Map<string, number[]>;
  /** Unit → facts in that unit; also "measure" (a mass or volume), "currency" and "percent". */
  byUnit: Map<string, number[]>;
  /** Facts about some place, for ranking places. */
  located: number[];
  /** Concepts found right around some figure. */
  nearAnyFigure: Set<string>;
}

/** Everything the answer path needs, built once per report version and then read-only. */
export interface ReportIndex {
  meta: ReportMeta;
  report: ParsedReport;
  table: FactTable;
  factDocs: FactDoc[];
  retrieval: FactRetrieval;
  /** Where each fact uses each concept, compactly, for the shortlist of a very large report. */
  factConcepts: FactConcepts;
  sentences: SentenceDoc[];
  /** Concept → number of sentences that use it, for weighting rare words. */
  sentenceFrequency: Map<string, number>;
  /** Concepts of every word in the report. */
  vocabulary: Set<string>;
  /** The report's own words, indexed for correcting a question's typos towards them. */
  spelling: SpellIndex;
  /** The report's own country (and dominant place): asking about it means the national figures. */
  home: Set<string>;
  /** Places this report names that the gazetteer does not know ("In Kalinga Province, …"). */
  localPlaces: string[];
  /** The report's proper names and acronyms. */
  names: ReportNames;
  /** Canonical place name → paragraphs that mention it. */
  placeParagraphs: Map<string, number[]>;
  /** Word → paragraphs that hold it, so a question tests a name only where it can match. */
  paragraphWords: WordIndex;
  /** Public bodies and programmes the report names, by name or acronym. */
  bodies: BodyFinder;
  /** BM25 over each fact's subject, verb and sentence (FACT_FIELDS), ids in factDocs order. */
  factSearch: Bm25Index;
  /** BM25 over sentences, terms folded to concepts: who/what/when answers come from here. */
  sentenceSearch: Bm25Index;
  /** Questions this report can answer, for autocomplete and "did you mean". */
  suggestions: string[];
  suggestionFuse: Fuse<string>;
}

function placeParagraphsOf(report: ParsedReport, find: PlaceFinder): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const paragraph of report.paragraphs) {
    for (const mention of find(paragraph.text)) {
      addTo(map, mention.place.name, paragraph.number);
    }
  }
  return map;
}

function subjectHeads(subject: string): Set<string> {
  const items = subject.split(/,\s*|\s+and\s+|\s+or\s+/);
  const heads = items.map((item) => item.split(" of ")[0]?.trim().split(/\s+/).pop() ?? "");
  if (heads.some((head) => DRUG_NAMES.has(head))) heads.push("drug");
  return new Set(heads.filter(Boolean).map(concept));
}

/** Where one row of a list run into one quote ends: a full stop, then the next row's dash. */
const ROW_BREAK = /[.;]\s+[-–•*]\s/;

const CURRENCY_UNIT = /^[A-Z]{3}$/;
/** What a sum is for, up to the count it buys: "to install", "to hire up to", "for". */
const PURPOSE = /^\s*(?:to\s+[a-z]+|for)(?:\s+(?:the|an?|up to|another|more than))?\s*$/i;

/** ", and", " and ", "; ", ", while": a join between one figure's clause and the next's. */
const CLAUSE_JOIN = /(?:,?\s+(?:and|while|whereas|but)\s+|;\s+)/gi;

/** The most words a join may stand before the figure it introduces: "and more than", "and about". */
const JOIN_REACH = 3;

/**
 * Where in a lead the words after its last join start, where that join introduces the figure
 * ("…, and more than 9,300"); -1 where it has none so close ("and help address the backlog of").
 */
function lastJoin(lead: string): number {
  let end = -1;
  for (const match of lead.matchAll(CLAUSE_JOIN)) end = match.index + match[0].length;
  if (end < 0) return -1;
  const between = lead.slice(end).trim();
  return between === "" || between.split(/\s+/).length <= JOIN_REACH ? end : -1;
}

/**
 * The stretch of the sentence that belongs to this figure: from the previous figure to the next,
 * or past it to the one after where the next counts what a sum is for.
 */
function nearWords(
  fact: Fact,
  sentenceFacts: Fact[],
  at: (f: Fact) => number,
): { near: string; lead: string } {
  const start = at(fact);
  let from = 0;
  let to = fact.quote.length;
  const after: number[] = [];
  for (const f of sentenceFacts) {
    if (f === fact) continue;
    const fStart = at(f);
    if (fStart < start) from = Math.max(from, fStart + f.text.length);
    else if (fStart > start) {
      to = Math.min(to, fStart);
      after.push(fStart);
    }
  }
  // "$4 million to install 12 scanners": a sum's purpose runs on past the count it buys.
  if (
    CURRENCY_UNIT.test(fact.unit ?? "") &&
    PURPOSE.test(fact.quote.slice(start + fact.text.length, to))
  )
    to = Math.min(fact.quote.length, ...after.filter((a) => a > to));
  // "… worth $3 million. - Westport filed …": a list's rows run on in one quote, and a figure's
  // stretch ends with its own row.
  const rowEnd = ROW_BREAK.exec(fact.quote.slice(start + fact.text.length, to));
  if (rowEnd) to = start + fact.text.length + rowEnd.index;
  const lead = fact.quote.slice(from, Math.max(from, start));
  // "$6 million for the Alder Sheriff's Office and $2 million for Birch County": after a figure
  // before it, the words up to the last "and" are that figure's own, not this one's.
  const joined = from > 0 ? lastJoin(lead) : -1;
  const nearFrom = joined >= 0 ? from + joined : from;
  return { near: fact.quote.slice(nearFrom, to), lead };
}

/** Adds each item to the set, in order; returns the set. */
function addAll<T>(set: Set<T>, items: Iterable<T>): Set<T> {
  for (const item of items) set.add(item);
  return set;
}

/** `make` remembered per text for one build. */
function oncePerText<T>(make: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let made = cache.get(text);
    if (made === undefined) {
      made = make(text);
      cache.set(text, made);
    }
    return made;
  };
}

/** A list item is at most this long; a longer paragraph stands on its own. */
const LIST_ITEM_MAX_LENGTH = 200;
/** How far back a list item looks for the line that introduces its list. */
const LIST_MAX_ITEMS = 12;

/** "Compared with last year:" then short items: the line that introduces the item's list. */
function listLeadIn(report: ParsedReport, paragraph: number): string | null {
  const text = (p: number) => report.paragraphs[p - 1]?.text ?? "";
  if (text(paragraph).length > LIST_ITEM_MAX_LENGTH) return null;
  for (let p = paragraph - 1; p >= 1 && p >= paragraph - LIST_MAX_ITEMS; p--) {
    if (/:\s*$/.test(text(p))) return text(p);
    if (text(p).length > LIST_ITEM_MAX_LENGTH) return null;
  }
  return null;
}

/** A subhead is a line of at most this many words. */
const SUBHEAD_MAX_WORDS = 8;

/** The body paragraph a subhead follows is at least this long: the lines above the body are no subheads. */
const BODY_PARAGRAPH_LENGTH = 120;

/**
 * "Where it came from", "SEIZURES ON THE PACIFIC COAST": a short line with no figure and no end
 * punctuation, after a paragraph of the body (so not a title, byline or place line above it),
 * heads the paragraphs under it.
 */
function isSubhead(text: string, previous: string): boolean {
  const line = text.trim();
  const count = line.split(/\s+/).length;
  return (
    previous.trim().length >= BODY_PARAGRAPH_LENGTH &&
    /[.?!"”’)]$/.test(previous.trim()) &&
    count >= 2 &&
    count <= SUBHEAD_MAX_WORDS &&
    !/\d/.test(line) &&
    !/[.?!:;,"”’)]$/.test(line) &&
    !/^by\s/i.test(line)
  );
}

/** The subhead the paragraph stands under, if any: the last one before it. */
function subheadOf(report: ParsedReport): (paragraph: number) => string | null {
  const heads: (string | null)[] = [];
  let current: string | null = null;
  for (const [i, paragraph] of report.paragraphs.entries()) {
    if (isSubhead(paragraph.text, report.paragraphs[i - 1]?.text ?? "")) {
      current = paragraph.text.trim();
      heads[paragraph.number] = null;
    } else heads[paragraph.number] = current;
  }
  return (paragraph) => heads[paragraph] ?? null;
}

/** A sentence's words (`words`) and the concepts of its content words, in text order. */
interface Reading {
  words: string[];
  concepts: string[];
}

/**
 * Every sentence's words and concepts, split once for the whole build: the sentence list, both
 * searches and the fact docs all read them. A paragraph's words are its sentences' words, since
 * sentences split a paragraph only at spaces, which no word spans.
 */
function sentenceReadings(report: ParsedReport): {
  known: (text: string) => Reading | undefined;
  of: (text: string) => Reading;
  paragraphConcepts: (paragraph: ParsedReport["paragraphs"][number]) => string[];
} {
  const readings = new Map<string, Reading>();
  const of = (text: string): Reading => {
    let reading = readings.get(text);
    if (!reading) {
      const split = words(text);
      reading = { words: split, concepts: conceptsOfWords(split) };
      readings.set(text, reading);
    }
    return reading;
  };
  for (const paragraph of report.paragraphs)
    for (const sentence of paragraph.sentences) of(sentence.text);
  return {
    known: (text) => readings.get(text),
    of,
    paragraphConcepts: (paragraph) =>
      paragraph.sentences.flatMap((sentence) => of(sentence.text).concepts),
  };
}

/** How many sentences back a figure whose own words name nothing counted looks for what it is of. */
const CARRIED_SENTENCES = 2;

/**
 * "Overdose deaths rose for years. In Ashby they are down 16 percent; in Corvale, 12 percent": a
 * figure whose subject is only a place or a word pointing back is of the thing the sentences just
 * before it in its paragraph name, so their words stand near it. A figure with no subject at all
 * ("41 percent is attributed to deaths") says what it is of after it, and carries nothing.
 */
function carriedConcepts(
  fact: Fact,
  report: ParsedReport,
  readings: ReturnType<typeof sentenceReadings>,
  lead: string,
): string[] {
  const labelled = placeLabelled(fact, lead);
  if (!labelled && (fact.subject.trim() === "" || namesCountedThing(fact.subject))) return [];
  const sentences = report.paragraphs[fact.paragraph - 1]?.sentences ?? [];
  const carried = sentences
    .slice(Math.max(0, fact.sentence - CARRIED_SENTENCES), fact.sentence)
    .flatMap((sentence) => readings.of(sentence.text).concepts);
  return labelled ? [...carried, ...readings.of(fact.quote).concepts] : carried;
}

/**
 * "The steepest falls were in Ashby (31.4%), Corvale (26.8%)": a figure with no noun of its own
 * whose place stands right before it is a row labelled by the place, and is of what its sentence
 * and the sentences before it speak of.
 */
function placeLabelled(fact: Fact, lead: string): boolean {
  if (fact.subject.trim() !== "" || fact.places.length === 0) return false;
  const before = lead.replace(/[\s(:,–—-]+$/, "");
  return fact.places.some((place) => before.endsWith(place));
}

/** "the backlog of", "a budget of more than": the noun right before a figure that it is "of". */
const NAMED_BY_OF =
  /\b([a-z]{4,})\s+of\s+(?:(?:more than|over|nearly|about|almost|roughly|approximately|some|up to|at least|an estimated)\s+)?$/i;

/**
 * The fact docs of a report. What they are made of is worked out once per distinct text: facts
 * repeat a report's few subjects, actions and units, and a sentence's facts share its quote and
 * paragraph. Sets made once are shared by the docs that have them; nothing changes them after.
 */
function factDocsOf(
  facts: Fact[],
  report: ParsedReport,
  bodies: BodyFinder,
  readings: ReturnType<typeof sentenceReadings>,
): FactDoc[] {
  const bySentence = groupBySentence(facts);
  const starts = new Map(facts.map((fact) => [fact, fact.quote.indexOf(fact.text)]));
  const at = (fact: Fact) => starts.get(fact) ?? -1;
  const plainConcepts = oncePerText(conceptsOf);
  // "$4 million for the DEA" is about the Drug Enforcement Administration too, and the other way round.
  const aliasConcepts = oncePerText((text) => conceptsOf(bodies.aliases(text)));
  // A sentence's or paragraph's concepts, its bodies' other names included; one set per text.
  const contexts = new Map<string, Set<string>>();
  const withAliases = (text: string, concepts: () => string[]) => {
    let context = contexts.get(text);
    if (!context) {
      context = new Set([...concepts(), ...aliasConcepts(text)]);
      contexts.set(text, context);
    }
    return context;
  };
  const subjects = oncePerText((subject) => ({
    concepts: new Set(conceptsOf(subject)),
    heads: subjectHeads(subject),
    namesDrug: words(subject).some((word) => DRUG_NAMES.has(word)),
  }));
  const leadVerbs = oncePerText((lead) =>
    words(lead)
      .map((word) => actionLemma(word))
      .filter((lemma): lemma is string => lemma !== null)
      .map(concept),
  );
  const paragraphContext = (number: number) => {
    const paragraph = report.paragraphs[number - 1];
    if (!paragraph) return withAliases("", () => []);
    return withAliases(paragraph.text, () => readings.paragraphConcepts(paragraph));
  };
  const subheadAt = subheadOf(report);
  const leadIns = new Map<number, string | null>();
  const leadInOf = (paragraph: number) => {
    if (!leadIns.has(paragraph)) leadIns.set(paragraph, listLeadIn(report, paragraph));
    return leadIns.get(paragraph) ?? null;
  };
  // A fact's own words come from a few fields that many facts share: one Set per distinct set of them.
  const cores = new Map<string, Set<string>>();
  const coreOf = (fact: Fact, label: string | undefined, named: string | undefined) => {
    const key = `${fact.subject}\u0000${fact.action}\u0000${fact.unit}\u0000${label}\u0000${named}`;
    let core = cores.get(key);
    if (!core) {
      const subject = subjects(fact.subject);
      core = new Set(subject.concepts);
      addAll(core, aliasConcepts(fact.subject));
      addAll(core, plainConcepts(fact.action ?? ""));
      addAll(core, plainConcepts(fact.unit ?? ""));
      if (subject.namesDrug) core.add(concept("drug"));
      if (label) addAll(core, plainConcepts(label));
      if (named) addAll(core, plainConcepts(named));
      cores.set(key, core);
    }
    return core;
  };
  return facts.map((fact) => {
    const subject = subjects(fact.subject);
    // "Cash: ₹45 lakh in suspected drug money": the line's label says what is counted too.
    const label = /^([^:.]{2,40}):\s/.exec(fact.quote)?.[1];
    const sentenceFacts = bySentence.get(sentenceKey(fact)) ?? [];
    const { near: nearWithin, lead } = nearWords(fact, sentenceFacts, at);
    // "a backlog of 2.4 million pending cases": the noun the figure is "of" names it too.
    const named = NAMED_BY_OF.exec(lead)?.[1];
    const core = coreOf(fact, label, named);
    // The period a lead-in line gives its list ("In the first half of 2024:") counts as near the
    // figure, and so does the rest of that line ("… vs. the same period last year:").
    const withPeriod =
      fact.period && !fact.quote.includes(fact.period)
        ? `${nearWithin} ${fact.period}`
        : nearWithin;
    // A figure that names no counted thing of its own ("Chile: 8.2 tonnes") is of what the
    // subhead it stands under speaks of ("Where the cocaine came from").
    const framed = namesCountedThing(fact.subject) ? null : subheadAt(fact.paragraph);
    const heading = [leadInOf(fact.paragraph), framed].filter((line) => line !== null).join(" ");
    // "Between January and March, …" is the first quarter, as a question may call it.
    const spans = monthSpanPeriods(`${fact.quote} ${fact.period ?? ""} ${heading ?? ""}`);
    const withSpans = spans.length > 0 ? `${withPeriod} ${spans.join(" ")}` : withPeriod;
    const nearText = heading ? `${withSpans} ${heading}` : withSpans;
    const nearSplit = words(nearText);
    return {
      fact,
      core,
      subject: subject.concepts,
      heads: subject.heads,
      near: addAll(
        addAll(new Set(conceptsOfWords(nearSplit)), aliasConcepts(nearText)),
        carriedConcepts(fact, report, readings, lead),
      ),
      nearText,
      nearWords: new Set(nearSplit),
      lead,
      leadVerbs: leadVerbs(lead),
      context: withAliases(fact.quote, () => readings.of(fact.quote).concepts),
      paragraph: paragraphContext(fact.paragraph),
    };
  });
}

/** Keys of `byUnit` for a kind of unit rather than one unit; no unit is written in capitals and a colon. */
export const UNIT_KINDS = { measure: "KIND:measure", currency: "KIND:currency" } as const;
const CURRENCY_CODE = /^[A-Z]{3}$/;

function addTo<K>(map: Map<K, number[]>, key: K, id: number): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else if (ids[ids.length - 1] !== id) ids.push(id);
}

/** Where a concept sits in a fact, best first, as `scoreFact` weighs it. */
function conceptTiers(doc: FactDoc): Set<string>[][] {
  return [[doc.core, doc.heads, doc.subject], [doc.near], [doc.context], [doc.paragraph]];
}

const TIER_WEIGHTS = [
  DEFAULT_WEIGHTS.coreHit,
  DEFAULT_WEIGHTS.nearHit,
  DEFAULT_WEIGHTS.sentenceHit,
  DEFAULT_WEIGHTS.paragraphHit,
];

/**
 * One concept's facts best first: by what the concept adds to a fact's score where the fact uses
 * it (its tier's weight times the concept's weight) plus the fact's paragraph quality. Each tier's
 * list is in report order, so best first already, and the tiers merge in one pass; among equal
 * values the better tier first. Each tier's next value is worked out once, when it comes up.
 */
function mergeTiers(tiers: number[][], weight: number, docs: FactDoc[]): number[] {
  const at = tiers.map(() => 0);
  const value = (tier: number) => {
    const id = tiers[tier]?.[at[tier] as number];
    if (id === undefined) return Number.NEGATIVE_INFINITY;
    return (
      (TIER_WEIGHTS[tier] as number) * weight + paragraphQuality(docs[id]?.fact.paragraph ?? 0)
    );
  };
  const next = tiers.map((_, tier) => value(tier));
  const merged: number[] = [];
  for (;;) {
    let best = -1;
    for (let tier = 0; tier < tiers.length; tier++)
      if (
        (next[tier] as number) > Number.NEGATIVE_INFINITY &&
        (best < 0 || (next[tier] as number) > (next[best] as number))
      )
        best = tier;
    if (best < 0) return merged;
    merged.push(tiers[best]?.[at[best] as number] as number);
    at[best] = (at[best] as number) + 1;
    next[best] = value(best);
  }
}

/** The facts each concept, place and unit retrieves, each list best first (see FactRetrieval). */
function retrievalOf(docs: FactDoc[], conceptWeight: (c: string) => number): FactRetrieval {
  const retrieval: FactRetrieval = {
    byConcept: new Map(),
    byPlace: new Map(),
    byUnit: new Map(),
    located: [],
    nearAnyFigure: new Set(),
  };
  // Each concept's tier lists, and the last fact put in one, so a fact is listed once, at its best tier.
  const tiers = new Map<string, { lists: number[][]; last: number }>();
  docs.forEach((doc, id) => {
    conceptTiers(doc).forEach((sets, tier) => {
      for (const concepts of sets)
        for (const c of concepts) {
          let entry = tiers.get(c);
          if (!entry) {
            entry = { lists: [[], [], [], []], last: -1 };
            tiers.set(c, entry);
          } else if (entry.last === id) continue;
          entry.last = id;
          entry.lists[tier]?.push(id);
        }
    });
    for (const place of doc.fact.places) addTo(retrieval.byPlace, place, id);
    if (doc.fact.places.length > 0) retrieval.located.push(id);
    const { unit, base } = doc.fact;
    if (unit) addTo(retrieval.byUnit, unit, id);
    if (base) addTo(retrieval.byUnit, UNIT_KINDS.measure, id);
    if (unit && CURRENCY_CODE.test(unit)) addTo(retrieval.byUnit, UNIT_KINDS.currency, id);
    for (const c of doc.near) retrieval.nearAnyFigure.add(c);
  });
  for (const [c, { lists }] of tiers)
    retrieval.byConcept.set(c, mergeTiers(lists, conceptWeight(c), docs));
  // A fact about the place alone scores the whole place match, one about two places half of it.
  const placeValue = (id: number) => {
    const fact = docs[id]?.fact;
    if (!fact) return Number.NEGATIVE_INFINITY;
    return (
      DEFAULT_WEIGHTS.placeMatch / Math.max(1, fact.places.length) +
      paragraphQuality(fact.paragraph)
    );
  };
  for (const ids of retrieval.byPlace.values())
    ids.sort((a, b) => placeValue(b) - placeValue(a) || a - b);
  return retrieval;
}

/** How much a question concept weighs: more the fewer of the report's sentences use it. */
export function conceptWeight(sentencesUsing: number, sentences: number): number {
  return 1 + Math.log((sentences + 1) / (sentencesUsing + 1)) / 2;
}

/** Words folded to the concepts questions use, so "confiscated" finds "seized". */
export function searchTerm(term: string): string | null {
  const word = term.toLowerCase();
  return word.length === 0 || STOP_WORDS.has(word) ? null : concept(word);
}

/** How the BM25 searches read text: words folded to concepts, stop words left out. */
export const SEARCH_TEXT: Bm25Text = { tokenize: (text) => words(text), processTerm: searchTerm };

/** The fields of `factSearch`, and how much a match in each weighs. */
export const FACT_FIELDS = ["subject", "action", "quote"] as const;
export const FACT_FIELD_BOOST = { subject: 3, action: 2 } as const;

const SUGGESTION_FUSE = {
  ignoreLocation: true,
  threshold: 0.5,
  useExtendedSearch: true,
  includeScore: true,
};

/** What a later paragraph loses in every answer's score, whatever the words asked. */
function paragraphQuality(paragraph: number): number {
  return -paragraph * DEFAULT_WEIGHTS.paragraphOrder;
}

function sentenceSearchOf(sentences: SentenceDoc[], text: Bm25Text): Bm25Index {
  return buildBm25(
    sentences.map((doc) => [doc.text]),
    ["text"],
    text,
    (id) => paragraphQuality(sentences[id]?.paragraph ?? 0),
  );
}

function sentenceKey(fact: Fact): string {
  return `${fact.paragraph}:${fact.sentence}`;
}

/** The facts of each sentence, grouped once rather than searched for every fact. */
function groupBySentence(facts: Fact[]): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const group = groups.get(sentenceKey(fact));
    if (group) group.push(fact);
    else groups.set(sentenceKey(fact), [fact]);
  }
  return groups;
}

function factSearchOf(docs: FactDoc[], text: Bm25Text): Bm25Index {
  return buildBm25(
    docs.map(({ fact }) => [fact.subject, fact.action ?? "", fact.quote]),
    FACT_FIELDS,
    text,
    (id) => paragraphQuality(docs[id]?.fact.paragraph ?? 0),
  );
}

type SearchField = "bodies" | "suggestionFuse";

/** The index without its search objects: plain data, Maps and Sets, which cross a thread boundary intact. */
export type ReportIndexData = Omit<ReportIndex, SearchField>;

/** The search objects' prebuilt indexes as plain data, so the thread that receives them need not rebuild them. */
export interface SearchIndexes {
  suggestions: ReturnType<FuseIndex<string>["toJSON"]>;
}

export interface BuildOptions {
  /** How much one report may hold; the bot keeps the defaults, a bench may raise them. */
  limits?: ReportLimits;
}

/**
 * Parse, extract and index a report. Throws ReportError when it holds nothing to answer from,
 * or more than `options.limits` (default REPORT_LIMITS) allows.
 */
export function buildReportIndex(
  text: string,
  meta: ReportMeta,
  options: BuildOptions = {},
): ReportIndex {
  const { data, bodies } = withPlacesRemembered(() =>
    buildReportIndexData(text, meta, options.limits ?? REPORT_LIMITS),
  );
  return searchOf(data, bodies);
}

/** Split an index into what a structured clone carries: the data and the search indexes. */
export function toTransferable(index: ReportIndex): {
  data: ReportIndexData;
  search: SearchIndexes;
} {
  const { bodies: _bodies, suggestionFuse, ...data } = index;
  return {
    data,
    search: {
      suggestions: suggestionFuse.getIndex().toJSON(),
    },
  };
}

/** Attach the search objects, from prebuilt indexes when given (cheap), else built here. */
export function withSearch(data: ReportIndexData, prebuilt?: SearchIndexes): ReportIndex {
  // Matchers are functions, which no thread boundary carries; rebuilding them is cheap.
  return searchOf(data, reportBodies(data.report), prebuilt);
}

function searchOf(
  data: ReportIndexData,
  bodies: BodyFinder,
  prebuilt?: SearchIndexes,
): ReportIndex {
  // Look-ups every question reads, keyed by the data itself: made here, on the thread that answers
  // (a structured clone or a saved index carries no cache), not on the first question's time.
  lookupsOf(data.names);
  namesByFirstWord(data.localPlaces);
  preparedOf(data);
  return {
    ...data,
    bodies,
    suggestionFuse: new Fuse(
      data.suggestions,
      SUGGESTION_FUSE,
      prebuilt && Fuse.parseIndex<string>(prebuilt.suggestions),
    ),
  };
}

/** The report's place finder, reading a name a country shares with a US state as the state at home there. */
function atHome<T extends { find: PlaceFinder }>(places: T, home: ReadonlySet<string>): T {
  if (!home.has("United States")) return places;
  return { ...places, find: (text: string) => asUsStates(places.find(text)) };
}

function buildReportIndexData(
  text: string,
  meta: ReportMeta,
  limits: ReportLimits,
): { data: ReportIndexData; bodies: BodyFinder } {
  const report = parseReport(text, limits);
  if (report.paragraphs.length === 0) throw new ReportError("no paragraphs found");
  const figures = figuresWithinLimits(report, limits);
  const home = homePlaces(report);
  const places = atHome(reportPlaces(report), home);
  const table = parseFactTable(extractFacts(report, figures, places.find, home));
  if (table.facts.length === 0) throw new ReportError("no figures found");
  const suggestions = suggestionsFor(table.facts);
  const bodies = reportBodies(report);
  const readings = sentenceReadings(report);
  const factDocs = factDocsOf(table.facts, report, bodies, readings);
  const sentences = report.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.map((sentence, index) => ({
      paragraph: paragraph.number,
      sentence: index,
      text: sentence.text,
      concepts: new Set(readings.of(sentence.text).concepts),
    })),
  );
  // SEARCH_TEXT, reading a sentence's words from what was split already.
  const searchText: Bm25Text = {
    tokenize: (text) => readings.known(text)?.words ?? words(text),
    processTerm: searchTerm,
  };
  const spelling = reportSpelling(text);
  // Each distinct word once, in the order the text first uses it: the spelling index counted them.
  const vocabulary = new Set<string>();
  for (const word of spelling.counts.keys()) vocabulary.add(concept(word));
  for (const word of words(bodies.aliases(text))) vocabulary.add(concept(word));
  // "drug" is the report's word when it counts cocaine and heroin, though it never says "drug".
  for (const doc of factDocs) for (const c of doc.heads) vocabulary.add(c);
  const sentenceFrequency = new Map<string, number>();
  for (const sentence of sentences) {
    for (const c of sentence.concepts)
      sentenceFrequency.set(c, (sentenceFrequency.get(c) ?? 0) + 1);
  }
  const data: ReportIndexData = {
    meta,
    report,
    table,
    factDocs,
    retrieval: retrievalOf(factDocs, (c) =>
      conceptWeight(sentenceFrequency.get(c) ?? 0, sentences.length),
    ),
    factConcepts: factConceptsOf(factDocs),
    factSearch: factSearchOf(factDocs, searchText),
    sentences,
    sentenceSearch: sentenceSearchOf(sentences, searchText),
    sentenceFrequency,
    vocabulary,
    spelling,
    placeParagraphs: placeParagraphsOf(report, places.find),
    paragraphWords: buildWordIndex(report.paragraphs),
    names: reportNames(report),
    localPlaces: places.names,
    home,
    suggestions,
  };
  return { data, bodies };
}

/** The sentences of some paragraphs (ascending), in report order, found without a scan of them all. */
export function* sentencesIn(
  index: ReportIndex,
  paragraphs: Iterable<number>,
): Generator<SentenceDoc> {
  const first = preparedOf(index).firstSentence;
  for (const paragraph of paragraphs) {
    for (let i = first.get(paragraph) ?? index.sentences.length; i < index.sentences.length; i++) {
      const sentence = index.sentences[i] as SentenceDoc;
      if (sentence.paragraph !== paragraph) break;
      yield sentence;
    }
  }
}

/**
 * The sentences a match of `\b<prefix>` (`i` flag) can be in, in report order: those of the
 * paragraphs holding a word that begins so, read lazily.
 */
export function sentencesWithPrefix(index: ReportIndex, prefix: string): Iterable<SentenceDoc> {
  const holding = paragraphsWithPrefix(index.paragraphWords, prefix);
  return holding === null ? index.sentences : sentencesIn(index, holding);
}

/** The facts of some paragraphs, found without a scan of every fact. */
export function factsIn(index: ReportIndex, paragraphs: readonly number[]): Fact[] {
  const found = preparedOf(index).factsByParagraph;
  return paragraphs.flatMap((p) => found.get(p) ?? []);
}

/** Whether a paragraph, or one sentence of it, gives a figure: a look-up, not a scan of every fact. */
export function givesFigure(index: ReportIndex, paragraph: number, sentence?: number): boolean {
  const facts = preparedOf(index).factsByParagraph.get(paragraph);
  if (facts === undefined) return false;
  return sentence === undefined || facts.some((fact) => fact.sentence === sentence);
}
