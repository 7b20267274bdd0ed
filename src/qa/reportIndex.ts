import Fuse, { type FuseIndex } from "fuse.js";
import { extractFacts } from "../facts/extract.js";
import { homePlaces } from "../facts/factPlaces.js";
import { actionLemma, DRUG_NAMES } from "../facts/lexicon.js";
import { type PlaceFinder, reportPlaces } from "../facts/localPlaces.js";
import { type Fact, FactTable } from "../facts/schema.js";
import { ReportError } from "../report/errors.js";
import { parseReport } from "../report/parse.js";
import type { ParsedReport } from "../report/types.js";
import { suggestionsFor } from "./suggestions.js";
import { concept, conceptsOf, words } from "./vocabulary.js";

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
  /** The words from the previous figure up to this one: "including", "up from" live here. */
  lead: string;
  /** Verbs in the lead, as concepts ("detected and handled" → crack, investigate). */
  leadVerbs: string[];
  /** Concepts of the whole sentence, weaker evidence. */
  context: Set<string>;
  /** Concepts of the rest of the paragraph, weaker still. */
  paragraph: Set<string>;
}

/** Everything the answer path needs, built once per report version and then read-only. */
export interface ReportIndex {
  meta: ReportMeta;
  report: ParsedReport;
  table: FactTable;
  factDocs: FactDoc[];
  sentences: SentenceDoc[];
  /** Concept → number of sentences that use it, for weighting rare words. */
  sentenceFrequency: Map<string, number>;
  /** Concepts of every word in the report. */
  vocabulary: Set<string>;
  /** The report's own country (and dominant place): asking about it means the national figures. */
  home: Set<string>;
  /** Places this report names that the gazetteer does not know ("In Kalinga Province, …"). */
  localPlaces: string[];
  /** Canonical place name → paragraphs that mention it. */
  placeParagraphs: Map<string, number[]>;
  factFuse: Fuse<FactDoc>;
  sentenceFuse: Fuse<SentenceDoc>;
  /** Questions this report can answer, for autocomplete and "did you mean". */
  suggestions: string[];
  suggestionFuse: Fuse<string>;
}

function placeParagraphsOf(report: ParsedReport, find: PlaceFinder): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const paragraph of report.paragraphs) {
    for (const mention of find(paragraph.text)) {
      const list = map.get(mention.place.name) ?? [];
      if (!list.includes(paragraph.number)) list.push(paragraph.number);
      map.set(mention.place.name, list);
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

/** Where each figure of one sentence starts and ends in it, sorted by start. */
interface FigurePositions {
  starts: number[];
  /** The largest end among the figures up to each index, so "the end of the last figure before me" is one lookup. */
  maxEnds: number[];
}

function positionsOf(facts: Fact[]): FigurePositions {
  const spans = facts
    .map((f) => ({ start: f.quote.indexOf(f.text), end: f.quote.indexOf(f.text) + f.text.length }))
    .sort((a, b) => a.start - b.start);
  const maxEnds: number[] = [];
  for (const span of spans) maxEnds.push(Math.max(span.end, maxEnds.at(-1) ?? 0));
  return { starts: spans.map((span) => span.start), maxEnds };
}

/** The first index whose start is at or after `at` (starts is sorted). */
function firstAtOrAfter(starts: number[], at: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The stretch of the sentence that belongs to this figure: from the end of the previous figure to
 * the start of the next. Positions are found once per sentence, so a sentence of many figures
 * costs n log n, not n².
 */
function nearWords(fact: Fact, sentence: FigurePositions): { near: string; lead: string } {
  const start = fact.quote.indexOf(fact.text);
  const before = firstAtOrAfter(sentence.starts, start);
  const from = before > 0 ? (sentence.maxEnds[before - 1] ?? 0) : 0;
  const next = sentence.starts[firstAtOrAfter(sentence.starts, start + 1)] ?? fact.quote.length;
  return {
    near: fact.quote.slice(from, Math.min(fact.quote.length, next)),
    lead: fact.quote.slice(from, Math.max(from, start)),
  };
}

/** Work shared by the figures of one sentence or paragraph, done once for all of them. */
interface SharedConcepts {
  sentenceFigures: Map<string, FigurePositions>;
  /** One read-only set per sentence and per paragraph, shared by the docs of its figures. */
  quoteConcepts: Map<string, Set<string>>;
  paragraphConcepts: Map<number, Set<string>>;
}

function sharedConcepts(facts: Fact[], report: ParsedReport): SharedConcepts {
  const bySentence = new Map<string, Fact[]>();
  const quoteConcepts = new Map<string, Set<string>>();
  const paragraphConcepts = new Map<number, Set<string>>();
  for (const fact of facts) {
    const key = `${fact.paragraph}:${fact.sentence}`;
    const list = bySentence.get(key);
    if (list) list.push(fact);
    else bySentence.set(key, [fact]);
    if (!quoteConcepts.has(fact.quote))
      quoteConcepts.set(fact.quote, new Set(conceptsOf(fact.quote)));
    if (!paragraphConcepts.has(fact.paragraph)) {
      const text = report.paragraphs[fact.paragraph - 1]?.text ?? "";
      paragraphConcepts.set(fact.paragraph, new Set(conceptsOf(text)));
    }
  }
  const sentenceFigures = new Map<string, FigurePositions>();
  for (const [key, list] of bySentence) sentenceFigures.set(key, positionsOf(list));
  return { sentenceFigures, quoteConcepts, paragraphConcepts };
}

function factDocOf(fact: Fact, shared: SharedConcepts): FactDoc {
  const core = new Set(conceptsOf(`${fact.subject} ${fact.action ?? ""} ${fact.unit ?? ""}`));
  if (words(fact.subject).some((word) => DRUG_NAMES.has(word))) core.add(concept("drug"));
  // "Cash: ₹45 lakh in suspected drug money": the line's label says what is counted too.
  const label = /^([^:.]{2,40}):\s/.exec(fact.quote)?.[1];
  for (const c of label ? conceptsOf(label) : []) core.add(c);
  const sentence = shared.sentenceFigures.get(`${fact.paragraph}:${fact.sentence}`);
  const { near: nearText, lead } = sentence
    ? nearWords(fact, sentence)
    : { near: fact.quote, lead: "" };
  return {
    fact,
    core,
    subject: new Set(conceptsOf(fact.subject)),
    heads: subjectHeads(fact.subject),
    near: new Set(conceptsOf(nearText)),
    nearText,
    lead,
    leadVerbs: words(lead)
      .map((word) => actionLemma(word))
      .filter((lemma): lemma is string => lemma !== null)
      .map(concept),
    context: shared.quoteConcepts.get(fact.quote) ?? new Set(),
    paragraph: shared.paragraphConcepts.get(fact.paragraph) ?? new Set(),
  };
}

const FACT_SEARCH = {
  keys: [
    { name: "fact.subject", weight: 3 },
    { name: "fact.action", weight: 2 },
    { name: "fact.quote", weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  useExtendedSearch: true,
  threshold: 0.4,
};
const SENTENCE_SEARCH = {
  keys: ["text"],
  includeScore: true,
  ignoreLocation: true,
  useExtendedSearch: true,
  threshold: 0.4,
};
const SUGGESTION_SEARCH = { ignoreLocation: true, threshold: 0.5, useExtendedSearch: true };

type SearchField = "factFuse" | "sentenceFuse" | "suggestionFuse";

/** The index without its search objects: plain data, Maps and Sets, which cross a thread boundary intact. */
export type ReportIndexData = Omit<ReportIndex, SearchField>;

/** The search objects' prebuilt indexes as plain data, so the thread that receives them need not rebuild them. */
export interface SearchIndexes {
  facts: ReturnType<FuseIndex<FactDoc>["toJSON"]>;
  sentences: ReturnType<FuseIndex<SentenceDoc>["toJSON"]>;
  suggestions: ReturnType<FuseIndex<string>["toJSON"]>;
}

/** Parse, extract and index a report. Throws ReportError when it holds nothing to answer from. */
export function buildReportIndex(text: string, meta: ReportMeta): ReportIndex {
  return withSearch(buildReportIndexData(text, meta));
}

/** Split an index into what a structured clone carries: the data and the search indexes. */
export function toTransferable(index: ReportIndex): {
  data: ReportIndexData;
  search: SearchIndexes;
} {
  const { factFuse, sentenceFuse, suggestionFuse, ...data } = index;
  return {
    data,
    search: {
      facts: factFuse.getIndex().toJSON(),
      sentences: sentenceFuse.getIndex().toJSON(),
      suggestions: suggestionFuse.getIndex().toJSON(),
    },
  };
}

/** Attach the search objects, from prebuilt indexes when given (cheap), else built here. */
export function withSearch(data: ReportIndexData, prebuilt?: SearchIndexes): ReportIndex {
  return {
    ...data,
    factFuse: new Fuse(
      data.factDocs,
      FACT_SEARCH,
      prebuilt && Fuse.parseIndex<FactDoc>(prebuilt.facts),
    ),
    sentenceFuse: new Fuse(
      data.sentences,
      SENTENCE_SEARCH,
      prebuilt && Fuse.parseIndex<SentenceDoc>(prebuilt.sentences),
    ),
    suggestionFuse: new Fuse(
      data.suggestions,
      SUGGESTION_SEARCH,
      prebuilt && Fuse.parseIndex<string>(prebuilt.suggestions),
    ),
  };
}

function buildReportIndexData(text: string, meta: ReportMeta): ReportIndexData {
  const report = parseReport(text);
  if (report.paragraphs.length === 0) throw new ReportError("no paragraphs found");
  const places = reportPlaces(report);
  const home = homePlaces(report);
  const table = FactTable.parse(extractFacts(report, places.find, home));
  if (table.facts.length === 0) throw new ReportError("no figures found");
  const suggestions = suggestionsFor(table.facts);
  const shared = sharedConcepts(table.facts, report);
  const factDocs = table.facts.map((fact) => factDocOf(fact, shared));
  const sentences = report.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.map((sentence, index) => ({
      paragraph: paragraph.number,
      sentence: index,
      text: sentence.text,
      concepts: new Set(conceptsOf(sentence.text)),
    })),
  );
  const vocabulary = new Set(words(text).map(concept));
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
    sentences,
    sentenceFrequency,
    vocabulary,
    placeParagraphs: placeParagraphsOf(report, places.find),
    localPlaces: places.names,
    home,
    suggestions,
  };
}
