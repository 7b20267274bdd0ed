import { matchesOf } from "../text/matches.js";
import type { Sentence } from "./types.js";

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof st no nos co corp inc ltd jr sr vs etc e.g i.e u.s u.k u.n u.s.a " +
    "jan feb mar apr jun jul aug sep sept oct nov dec gen gov sen rep lt col capt sgt approx a.m p.m " +
    "dept est fig al"
  ).split(" "),
);

/** A terminator, optional closing quotes/brackets, whitespace, then something that can open a sentence. */
const BOUNDARY = /[.!?。！？]["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9\u4e00-\u9fff])/g;

function isAbbreviation(text: string, periodAt: number): boolean {
  if (text[periodAt] !== ".") return false;
  // Only the word before the period matters; a longer look back makes a paragraph of many periods quadratic.
  const before = text.slice(Math.max(0, periodAt - 40), periodAt);
  const word = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? "";
  if (word.length === 1) return true; // an initial: "John F. Smith"
  return ABBREVIATIONS.has(word);
}

/** Split a paragraph into sentences with offsets into the paragraph text. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of matchesOf(BOUNDARY, text)) {
    if (isAbbreviation(text, match.index)) continue;
    const end = match.index + match[0].length;
    pushTrimmed(sentences, text, start, end);
    start = end;
  }
  pushTrimmed(sentences, text, start, text.length);
  return sentences;
}

function pushTrimmed(into: Sentence[], text: string, start: number, end: number): void {
  const slice = text.slice(start, end);
  const leading = slice.length - slice.trimStart().length;
  const trimmed = slice.trim();
  if (trimmed.length === 0) return;
  into.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
}
