import { conceptsOf } from "../qa/vocabulary.js";

/**
 * How alike two questions must be for a pin to answer: the Dice overlap of their content concepts
 * (synonyms folded, stems met). 0.75 lets "how many tons did X seize" meet a pin on "how much did X
 * seize", and keeps "how much did Y seize" or "how many did X arrest" apart.
 */
export const PIN_MATCH = 0.75;
/** Two concepts are the same word despite a typo when their letter pairs overlap this much. */
const SAME_WORD = 0.7;

function bigrams(word: string): string[] {
  return Array.from({ length: Math.max(0, word.length - 1) }, (_, i) => word.slice(i, i + 2));
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return false;
  const pool = [...right];
  let shared = 0;
  for (const pair of left) {
    const at = pool.indexOf(pair);
    if (at >= 0) {
      shared += 1;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + right.length) >= SAME_WORD;
}

/** 0 to 1: how much of their content two questions share. */
export function questionSimilarity(a: string, b: string): number {
  const left = [...new Set(conceptsOf(a))];
  const right = [...new Set(conceptsOf(b))];
  if (left.length === 0 || right.length === 0) return 0;
  const unmatched = [...right];
  let matched = 0;
  for (const word of left) {
    const at = unmatched.findIndex((other) => sameWord(word, other));
    if (at >= 0) {
      matched += 1;
      unmatched.splice(at, 1);
    }
  }
  return (2 * matched) / (left.length + right.length);
}
