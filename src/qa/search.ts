import MiniSearch, { type SearchResult } from "minisearch";
import type { Paragraph } from "../report/types.js";
import { stem } from "../text/stem.js";
import type { ReportIndex } from "./reportIndex.js";
import { STOP_WORDS } from "./vocabulary.js";

export interface ParagraphHit {
  paragraph: Paragraph;
  /** The paragraph's best matching sentence. */
  snippet: string;
  /** A word of the snippet that matched, so a shortened snippet can be centred on it. */
  match: string;
  score: number;
}

/**
 * BM25 scores are not normalised, so the floor is relative to one strong match: below it the words
 * only brush the report (a fuzzy near-miss of a common word), and "no paragraph matches" is honest.
 */
export const SEARCH_WEIGHTS = {
  /**
   * A word in nearly every sentence ("drug" in a drugs report) scores about 0.4 on a whole-word
   * match; a fuzzy brush with an unrelated word ("prize" for "price") scores below this.
   */
  minScore: 0.3,
  /** Typed words this long also match as prefixes ("smugg" finds "smuggling"). */
  prefixFrom: 4,
  /** Edit distance allowed, as a fraction of the word's length, for words of 5+ letters. */
  fuzzy: 0.2,
  fuzzyFrom: 5,
} as const;

/** Stop words are not indexed or searched: "the" is in every sentence and means nothing. */
const processTerm = (term: string) => {
  const word = term.toLowerCase();
  return STOP_WORDS.has(word) ? null : stem(word);
};

function searchOptions() {
  return {
    prefix: (term: string) => term.length >= SEARCH_WEIGHTS.prefixFrom,
    fuzzy: (term: string) => (term.length >= SEARCH_WEIGHTS.fuzzyFrom ? SEARCH_WEIGHTS.fuzzy : 0),
    combineWith: "OR" as const,
  };
}

interface SentenceEntry {
  id: number;
  paragraph: number;
  text: string;
}

/** Built on first use per report version; the index is read-only, so the search is too. */
const sentenceSearches = new WeakMap<ReportIndex, MiniSearch<SentenceEntry>>();

function sentenceSearch(index: ReportIndex): MiniSearch<SentenceEntry> {
  let search = sentenceSearches.get(index);
  if (!search) {
    search = new MiniSearch<SentenceEntry>({
      fields: ["text"],
      storeFields: ["paragraph", "text"],
      processTerm,
      searchOptions: searchOptions(),
    });
    search.addAll(index.sentences.map((s, id) => ({ id, paragraph: s.paragraph, text: s.text })));
    sentenceSearches.set(index, search);
  }
  return search;
}

/** Full-text search (BM25): the best paragraphs for some words, each with its best sentence. */
export function searchParagraphs(query: string, index: ReportIndex, limit = 3): ParagraphHit[] {
  const best = new Map<number, SearchResult>();
  for (const hit of sentenceSearch(index).search(query)) {
    if (hit.score < SEARCH_WEIGHTS.minScore) continue;
    const paragraph = hit.paragraph as number;
    if (!best.has(paragraph)) best.set(paragraph, hit);
  }
  return [...best.entries()]
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
    .slice(0, limit)
    .flatMap(([number, hit]) => {
      const paragraph = index.report.paragraphs[number - 1];
      const text = hit.text as string;
      const match = hit.terms
        .map((term) => new RegExp(`\\b${term.replace(/[^\p{L}\p{N}]/gu, "")}`, "iu").exec(text))
        .find((found) => found !== null)?.[0];
      return paragraph ? [{ paragraph, snippet: text, match: match ?? "", score: hit.score }] : [];
    });
}

const questionSearches = new WeakMap<readonly string[], MiniSearch<{ id: number; text: string }>>();

/** Autocomplete over known questions: what starts with the typed text first, then BM25. */
export function rankQuestions(partial: string, questions: readonly string[]): string[] {
  const typed = partial.trim().toLowerCase();
  if (!typed) return [...questions];
  let search = questionSearches.get(questions);
  if (!search) {
    search = new MiniSearch<{ id: number; text: string }>({
      fields: ["text"],
      storeFields: ["text"],
      processTerm,
    });
    search.addAll(questions.map((text, id) => ({ id, text })));
    questionSearches.set(questions, search);
  }
  // The last word is still being typed, so it always matches as a prefix.
  const lastWord = typed.split(/\s+/).pop() ?? "";
  const ranked = search
    .search(typed, {
      ...searchOptions(),
      prefix: (term) => term.length >= SEARCH_WEIGHTS.prefixFrom || lastWord.startsWith(term),
    })
    .map((hit) => hit.text as string);
  const startsWith = questions.filter((q) => q.toLowerCase().startsWith(typed));
  return [...new Set([...startsWith, ...ranked])];
}
