// What every reader gets: one figure in its sentence, and the shape of what it returns.
import type { Token } from "../../text/tokenize.js";
import type { NumberMatch } from "../numbers.js";
import type { Fact } from "../schema.js";

/** What a figure measures, read from the words around it. */
export interface Reading {
  unit: string | null;
  base: Fact["base"];
  subject: string;
  head: string | null;
  /** Token index right after the figure's own words, where a passive verb would follow. */
  phraseEnd: number;
  /** Character offset where the figure's own words end ("6.35 tons", "1,320 drug cases"). */
  end: number;
}

export interface Figure {
  match: NumberMatch;
  sentence: string;
  tokens: Token[];
  /** The sentence after the number. */
  rest: string;
  /** Index of the number's token, and of the first token after it. */
  at: number;
  after: number;
}

/** One shape of figure: a reading when the words around it have that shape, else null. */
export type Reader = (figure: Figure) => Reading | null;

export function tokenIndexAt(tokens: Token[], offset: number): number {
  const index = tokens.findIndex((token) => token.end > offset);
  return index === -1 ? tokens.length : index;
}

/** The first token of the clause a token sits in. */
export function clauseStart(tokens: Token[], before: number): number {
  for (let i = before - 1; i >= 0; i--) if (/^[,;:]$/.test(tokens[i]?.text ?? "")) return i + 1;
  return 0;
}
