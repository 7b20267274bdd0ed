import { memoryPer } from "../text/memory.js";
import { words } from "../text/tokenize.js";
import type { ReportIndex } from "./reportIndex.js";
import { rankQuestions } from "./search.js";

const MAX_CHOICE_LENGTH = 100;

/**
 * Autocomplete: known good questions that start with what has been typed, then by BM25 ("how many
 * gan" offers the gangs question first); what was typed stays available as the last choice.
 */
export function suggestQuestions(partial: string, index: ReportIndex, limit = 25): string[] {
  const typed = partial.trim();
  const ranked = rankQuestions(typed, index.suggestions).slice(0, limit - 1);
  const choices =
    typed.length > 0 && typed.length <= MAX_CHOICE_LENGTH ? [...ranked, typed] : ranked;
  return [...new Set(choices)].filter((q) => q.length <= MAX_CHOICE_LENGTH).slice(0, limit);
}

/** Suggestion → Fuse's score, for each word looked for, per index. */
const WORDS_KEPT = 5_000;
const wordMatches = memoryPer<ReportIndex, ReadonlyMap<number, number>>(WORDS_KEPT);

/** The suggestions one word matches, by position, with Fuse's score: worked out once per index. */
function matchesOf(word: string, index: ReportIndex): ReadonlyMap<number, number> {
  return wordMatches(index).recall(
    word,
    (typed) =>
      new Map(
        index.suggestionFuse.search(typed).map((hit) => [hit.refIndex, hit.score ?? 1] as const),
      ),
  );
}

/**
 * Fuse's extended search for "word | word | …", put together from each word's own matches: a
 * suggestion scores as the first word it matches, in the order asked (as Fuse scores the first
 * alternative that matches), best score first, then in the order the suggestions are kept.
 */
function relatedTo(question: string, index: ReportIndex): string[] {
  const scored = new Map<number, number>();
  for (const word of new Set(words(question).filter((w) => w.length >= 3))) {
    for (const [at, score] of matchesOf(word, index)) if (!scored.has(at)) scored.set(at, score);
  }
  return [...scored]
    .sort(([a, scoreA], [b, scoreB]) => scoreA - scoreB || a - b)
    .map(([at]) => index.suggestions[at] as string);
}

/** Up to five answerable questions close to one that could not be answered. */
export function relatedSuggestions(question: string, index: ReportIndex): string[] {
  return [...new Set([...relatedTo(question, index), ...index.suggestions])].slice(0, 5);
}
