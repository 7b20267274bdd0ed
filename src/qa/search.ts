import MiniSearch from "minisearch";
import type { Paragraph } from "../report/types.js";
import { words } from "../text/tokenize.js";
import { type Bm25Hit, searchBm25 } from "./bm25.js";
import { type ReportIndex, SEARCH_TEXT, searchTerm } from "./reportIndex.js";
import { DEFAULT_WEIGHTS } from "./weights.js";

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

function searchOptions() {
  return {
    prefix: (term: string) => term.length >= SEARCH_WEIGHTS.prefixFrom,
    fuzzy: (term: string) => (term.length >= SEARCH_WEIGHTS.fuzzyFrom ? SEARCH_WEIGHTS.fuzzy : 0),
    combineWith: "OR" as const,
  };
}

/** A word of the sentence that one of the hit's terms came from, to centre a shortened snippet on. */
function matchedWord(text: string, terms: string[]): string {
  const word = words(text).find((w) => terms.includes(searchTerm(w) ?? ""));
  if (!word) return "";
  const at = text.toLowerCase().indexOf(word);
  return at === -1 ? word : text.slice(at, at + word.length);
}

/**
 * Full-text search (BM25) over the index's own sentence search: the best paragraphs for some
 * words, each with its best sentence.
 */
export function searchParagraphs(query: string, index: ReportIndex, limit = 3): ParagraphHit[] {
  const best = new Map<number, Bm25Hit>();
  const hits = searchBm25(index.sentenceSearch, query, SEARCH_TEXT, {
    ...searchOptions(),
    postingsRead: DEFAULT_WEIGHTS.postingsRead,
  });
  for (const hit of hits) {
    if (hit.score < SEARCH_WEIGHTS.minScore) continue;
    const doc = index.sentences[hit.id];
    if (doc && !best.has(doc.paragraph)) best.set(doc.paragraph, hit);
  }
  return [...best.entries()]
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
    .slice(0, limit)
    .flatMap(([number, hit]) => {
      const paragraph = index.report.paragraphs[number - 1];
      const text = index.sentences[hit.id]?.text ?? "";
      const match = matchedWord(text, hit.terms);
      return paragraph ? [{ paragraph, snippet: text, match, score: hit.score }] : [];
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
      tokenize: (text: string) => words(text),
      processTerm: searchTerm,
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
