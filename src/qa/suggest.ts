import { words } from "../text/tokenize.js";
import type { ReportIndex } from "./reportIndex.js";
import { rankQuestions } from "./search.js";

const MAX_CHOICE_LENGTH = 100;
function orPattern(text: string): string {
  return [...new Set(words(text).filter((word) => word.length >= 3))].join(" | ");
}

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

/** Up to five answerable questions close to one that could not be answered. */
export function relatedSuggestions(question: string, index: ReportIndex): string[] {
  const pattern = orPattern(question);
  const related = pattern ? index.suggestionFuse.search(pattern).map((hit) => hit.item) : [];
  return [...new Set([...related, ...index.suggestions])].slice(0, 5);
}
