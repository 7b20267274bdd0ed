import { editDistance } from "./editDistance.js";

/** Typos of longer words still match ("arested" ~ "arrested"); short words must be exact. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  return editDistance(a, b) <= (shorter >= 8 ? 2 : 1);
}

/**
 * 0 to 1: the Dice coefficient of two word lists, each word matching at most one word of the other
 * side, typos allowed. Two empty lists are the same; one empty list shares nothing.
 */
export function wordOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const unused = [...b];
  let shared = 0;
  for (const word of a) {
    const match = unused.findIndex((other) => sameWord(word, other));
    if (match !== -1) {
      unused.splice(match, 1);
      shared++;
    }
  }
  return (2 * shared) / (a.length + b.length);
}
