import Fuse, { type FuseIndex } from "fuse.js";
import MiniSearch from "minisearch";
import { type BodyFinder, reportBodies } from "../facts/bodies.js";
import { extractFacts } from "../facts/extract.js";
import { homePlaces } from "../facts/factPlaces.js";
import { actionLemma, DRUG_NAMES } from "../facts/lexicon.js";
import { type PlaceFinder, reportPlaces } from "../facts/localPlaces.js";
import { withPlacesRemembered } from "../facts/places.js";
import { type Fact, FactTable } from "../facts/schema.js";
import { ReportError } from "../report/errors.js";
import { REPORT_LIMITS, type ReportLimits } from "../report/limits.js";
import { parseReport } from "../report/parse.js";
import type { ParsedReport } from "../report/types.js";
import type { SpellIndex } from "../text/spelling.js";
import { words } from "../text/tokenize.js";
import { type ReportNames, reportNames } from "./names.js";
import { reportSpelling } from "./normalize.js";
import { suggestionsFor } from "./suggestions.js";
import { concept, conceptsOf, STOP_WORDS } from "./vocabulary.js";

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
 * answer it, so a question scores only the facts its words, places and units retrieve.
 */
export interface FactRetrieval {
  /** Concept → facts whose own words, surroundings, sentence or paragraph use it. */
  byConcept: Map<string, number[]>;
  /** Canonical place name → facts about that place. */
  byPlace: Map<string, number[]>;
  /** Unit → facts in that unit; also "measure" (a mass or volume), "currency" and "percent". */
  byUnit: Map<string, number[]>;
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
  /** Public bodies and programmes the report names, by name or acronym. */
  bodies: BodyFinder;
  /** BM25 over each fact's subject, verb and sentence, ids in factDocs order. */
  factSearch: MiniSearch<FactEntry>;
  /** BM25 over sentences, terms folded to concepts: who/what/when answers come from here. */
  sentenceSearch: MiniSearch<SentenceEntry>;
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

/** The stretch of the sentence that belongs to this figure: from the previous figure to the next. */
function nearWords(fact: Fact, siblings: Fact[]): { near: string; lead: string } {
  const at = (f: Fact) => f.quote.indexOf(f.text);
  const start = at(fact);
  const previous = siblings.filter((f) => at(f) < start).map((f) => at(f) + f.text.length);
  const next = siblings.filter((f) => at(f) > start).map(at);
  const from = Math.max(0, ...previous);
  return {
    near: fact.quote.slice(from, Math.min(fact.quote.length, ...next)),
    lead: fact.quote.slice(from, Math.max(from, start)),
  };
}

/** Concepts of a text, worked out once per text: a sentence's facts share its words. */
function conceptCache(bodies: BodyFinder): (text: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (text) => {
    let concepts = cache.get(text);
    if (!concepts) {
      concepts = new Set(conceptsOf(`${text} ${bodies.aliases(text)}`));
      cache.set(text, concepts);
    }
    return concepts;
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

/** "the backlog of", "a budget of more than": the noun right before a figure that it is "of". */
const NAMED_BY_OF =
  /\b([a-z]{4,})\s+of\s+(?:(?:more than|over|nearly|about|almost|roughly|approximately|some|up to|at least|an estimated)\s+)?$/i;

function factDocOf(
  fact: Fact,
  sentenceFacts: Fact[],
  report: ParsedReport,
  bodies: BodyFinder,
  conceptsOfText: (text: string) => Set<string>,
): FactDoc {
  // "$4 million for the DEA" is about the Drug Enforcement Administration too, and the other way round.
  const core = new Set(
    conceptsOf(
      `${fact.subject} ${bodies.aliases(fact.subject)} ${fact.action ?? ""} ${fact.unit ?? ""}`,
    ),
  );
  if (words(fact.subject).some((word) => DRUG_NAMES.has(word))) core.add(concept("drug"));
  // "Cash: ₹45 lakh in suspected drug money": the line's label says what is counted too.
  const label = /^([^:.]{2,40}):\s/.exec(fact.quote)?.[1];
  for (const c of label ? conceptsOf(label) : []) core.add(c);
  const siblings = sentenceFacts.filter((f) => f !== fact);
  const { near: nearWithin, lead } = nearWords(fact, siblings);
  // "a backlog of 2.4 million pending cases": the noun the figure is "of" names it too.
  const named = NAMED_BY_OF.exec(lead)?.[1];
  for (const c of named ? conceptsOf(named) : []) core.add(c);
  // The period a lead-in line gives its list ("In the first half of 2024:") counts as near the
  // figure, and so does the rest of that line ("… vs. the same period last year:").
  const withPeriod =
    fact.period && !fact.quote.includes(fact.period) ? `${nearWithin} ${fact.period}` : nearWithin;
  const heading = listLeadIn(report, fact.paragraph);
  const nearText = heading ? `${withPeriod} ${heading}` : withPeriod;
  return {
    fact,
    core,
    subject: new Set(conceptsOf(fact.subject)),
    heads: subjectHeads(fact.subject),
    near: new Set(conceptsOf(`${nearText} ${bodies.aliases(nearText)}`)),
    nearText,
    nearWords: new Set(words(nearText)),
    lead,
    leadVerbs: words(lead)
      .map((word) => actionLemma(word))
      .filter((lemma): lemma is string => lemma !== null)
      .map(concept),
    context: conceptsOfText(fact.quote),
    paragraph: conceptsOfText(report.paragraphs[fact.paragraph - 1]?.text ?? ""),
  };
}

/** Keys of `byUnit` for a kind of unit rather than one unit; no unit is written in capitals and a colon. */
export const UNIT_KINDS = { measure: "KIND:measure", currency: "KIND:currency" } as const;
const CURRENCY_CODE = /^[A-Z]{3}$/;

function addTo<K>(map: Map<K, number[]>, key: K, id: number): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else if (ids[ids.length - 1] !== id) ids.push(id);
}

/** The facts each concept, place and unit retrieves, each list in factDocs order. */
function retrievalOf(docs: FactDoc[]): FactRetrieval {
  const retrieval: FactRetrieval = {
    byConcept: new Map(),
    byPlace: new Map(),
    byUnit: new Map(),
    nearAnyFigure: new Set(),
  };
  docs.forEach((doc, id) => {
    for (const concepts of [doc.core, doc.heads, doc.subject, doc.near, doc.context, doc.paragraph])
      for (const c of concepts) addTo(retrieval.byConcept, c, id);
    for (const place of doc.fact.places) addTo(retrieval.byPlace, place, id);
    const { unit, base } = doc.fact;
    if (unit) addTo(retrieval.byUnit, unit, id);
    if (base) addTo(retrieval.byUnit, UNIT_KINDS.measure, id);
    if (unit && CURRENCY_CODE.test(unit)) addTo(retrieval.byUnit, UNIT_KINDS.currency, id);
    for (const c of doc.near) retrieval.nearAnyFigure.add(c);
  });
  return retrieval;
}

/** Words folded to the concepts questions use, so "confiscated" finds "seized". */
export function searchTerm(term: string): string | null {
  const word = term.toLowerCase();
  return word.length === 0 || STOP_WORDS.has(word) ? null : concept(word);
}

type SentenceEntry = SentenceDoc & { id: number };
type FactEntry = { id: number; subject: string; action: string; quote: string };

const SENTENCE_SEARCH = {
  fields: ["text"],
  tokenize: (text: string) => words(text),
  processTerm: searchTerm,
};

const FACT_SEARCH = {
  fields: ["subject", "action", "quote"],
  tokenize: (text: string) => words(text),
  processTerm: searchTerm,
  searchOptions: { boost: { subject: 3, action: 2 } },
};

const SUGGESTION_FUSE = { ignoreLocation: true, threshold: 0.5, useExtendedSearch: true };

function sentenceSearchOf(sentences: SentenceDoc[]): MiniSearch<SentenceEntry> {
  const search = new MiniSearch<SentenceEntry>(SENTENCE_SEARCH);
  search.addAll(sentences.map((doc, id) => ({ ...doc, id })));
  return search;
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

function factSearchOf(docs: FactDoc[]): MiniSearch<FactEntry> {
  const search = new MiniSearch<FactEntry>(FACT_SEARCH);
  search.addAll(
    docs.map(({ fact }, id) => ({
      id,
      subject: fact.subject,
      action: fact.action ?? "",
      quote: fact.quote,
    })),
  );
  return search;
}

type SearchField = "bodies" | "factSearch" | "sentenceSearch" | "suggestionFuse";

/** The index without its search objects: plain data, Maps and Sets, which cross a thread boundary intact. */
export type ReportIndexData = Omit<ReportIndex, SearchField>;

/** The search objects' prebuilt indexes as plain data, so the thread that receives them need not rebuild them. */
export interface SearchIndexes {
  /** MiniSearch's own JSON. */
  facts: string;
  sentences: string;
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
  return withSearch(
    withPlacesRemembered(() => buildReportIndexData(text, meta, options.limits ?? REPORT_LIMITS)),
  );
}

/** Split an index into what a structured clone carries: the data and the search indexes. */
export function toTransferable(index: ReportIndex): {
  data: ReportIndexData;
  search: SearchIndexes;
} {
  const { bodies: _bodies, factSearch, sentenceSearch, suggestionFuse, ...data } = index;
  return {
    data,
    search: {
      facts: JSON.stringify(factSearch),
      sentences: JSON.stringify(sentenceSearch),
      suggestions: suggestionFuse.getIndex().toJSON(),
    },
  };
}

/** Attach the search objects, from prebuilt indexes when given (cheap), else built here. */
export function withSearch(data: ReportIndexData, prebuilt?: SearchIndexes): ReportIndex {
  return {
    ...data,
    // Matchers are functions, which no thread boundary carries; rebuilding them is cheap.
    bodies: reportBodies(data.report),
    factSearch: prebuilt
      ? MiniSearch.loadJSON<FactEntry>(prebuilt.facts, FACT_SEARCH)
      : factSearchOf(data.factDocs),
    sentenceSearch: prebuilt
      ? MiniSearch.loadJSON<SentenceEntry>(prebuilt.sentences, SENTENCE_SEARCH)
      : sentenceSearchOf(data.sentences),
    suggestionFuse: new Fuse(
      data.suggestions,
      SUGGESTION_FUSE,
      prebuilt && Fuse.parseIndex<string>(prebuilt.suggestions),
    ),
  };
}

function buildReportIndexData(
  text: string,
  meta: ReportMeta,
  limits: ReportLimits,
): ReportIndexData {
  const report = parseReport(text, limits);
  if (report.paragraphs.length === 0) throw new ReportError("no paragraphs found");
  const places = reportPlaces(report);
  const home = homePlaces(report);
  const table = FactTable.parse(extractFacts(report, places.find, home, limits));
  if (table.facts.length === 0) throw new ReportError("no figures found");
  const suggestions = suggestionsFor(table.facts);
  const bodies = reportBodies(report);
  const bySentence = groupBySentence(table.facts);
  const conceptsOfText = conceptCache(bodies);
  const factDocs = table.facts.map((fact) =>
    factDocOf(fact, bySentence.get(sentenceKey(fact)) ?? [], report, bodies, conceptsOfText),
  );
  const sentences = report.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.map((sentence, index) => ({
      paragraph: paragraph.number,
      sentence: index,
      text: sentence.text,
      concepts: new Set(conceptsOf(sentence.text)),
    })),
  );
  const vocabulary = new Set(words(`${text} ${bodies.aliases(text)}`).map(concept));
  // "drug" is the report's word when it counts cocaine and heroin, though it never says "drug".
  for (const doc of factDocs) for (const c of doc.heads) vocabulary.add(c);
  const sentenceFrequency = new Map<string, number>();
  for (const sentence of sentences) {
    for (const c of sentence.concepts)
      sentenceFrequency.set(c, (sentenceFrequency.get(c) ?? 0) + 1);
  }
  return {
    meta,
    report,
    table,
    factDocs,
    retrieval: retrievalOf(factDocs),
    sentences,
    sentenceFrequency,
    vocabulary,
    spelling: reportSpelling(text),
    placeParagraphs: placeParagraphsOf(report, places.find),
    names: reportNames(report),
    localPlaces: places.names,
    home,
    suggestions,
  };
}
