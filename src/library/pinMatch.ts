import { conceptsOf } from "../qa/vocabulary.js";
import { wordOverlap } from "../text/similarity.js";

/**
 * How alike two questions must be for a pin to answer: the Dice overlap of their content concepts
 * (synonyms folded, stems met). 0.75 lets "how many tons did X seize" meet a pin on "how much did X
 * seize", and keeps "how much did Y seize" or "how many did X arrest" apart.
 */
export const PIN_MATCH = 0.75;
/** 0 to 1: how much of their content two questions share, over concepts (synonyms folded, stems met). */
export function questionSimilarity(a: string, b: string): number {
  const left = [...new Set(conceptsOf(a))];
  const right = [...new Set(conceptsOf(b))];
  if (left.length === 0 || right.length === 0) return 0;
  return wordOverlap(left, right);
}
