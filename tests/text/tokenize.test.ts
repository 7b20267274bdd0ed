import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize, wordPieces, words } from "../../src/text/tokenize.js";

// The tokenizer's definition, as one Unicode expression: the tokenizer must split every text as it does.
const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|\d[\d,.]*\d|\d|[^\s\p{L}\p{M}\d]/gu;
const POSSESSIVE = /['’]s\b/g;

function definedTokens(text: string) {
  return [...text.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    lower: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
    isWord: /^\p{L}/u.test(match[0]),
  }));
}

function definedWords(text: string): string[] {
  return definedTokens(text.replace(POSSESSIVE, "")).flatMap((token) => {
    if (token.isWord) return token.text.split(/['’-]/).map((part) => part.toLowerCase());
    return /^\d/.test(token.text) ? [token.text] : [];
  });
}

function definedPieces(text: string) {
  return definedTokens(text).flatMap((token) => {
    if (!token.isWord) return /^\d/.test(token.text) ? [token] : [];
    let offset = 0;
    return token.text.split(/['’-]/).map((part) => {
      const start = token.start + offset;
      offset += part.length + 1;
      return { ...token, text: part, lower: part.toLowerCase(), start, end: start + part.length };
    });
  });
}

const ascii = fc.constantFrom(
  "a",
  "Z",
  "s",
  "S",
  "x1",
  "1",
  "9",
  ",",
  ".",
  "'",
  "-",
  " ",
  "\n",
  "\t",
  "$",
  "(",
  "_",
);
const unicode = fc.constantFrom(
  "é",
  "É",
  "\u0301",
  "Σ",
  "ς",
  "İ",
  "ß",
  "’",
  "😀",
  "𝐀",
  "中",
  "\u00a0",
  "ﬁ",
);
const texts = fc.oneof(
  fc.array(ascii, { maxLength: 24 }).map((parts) => parts.join("")),
  fc.array(fc.oneof(ascii, unicode), { maxLength: 24 }).map((parts) => parts.join("")),
);

describe("tokenize, wordPieces and words", () => {
  it("split any text, all ASCII or not, as the one Unicode expression does", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(tokenize(text)).toEqual(definedTokens(text));
        expect(words(text)).toEqual(definedWords(text));
        expect(wordPieces(text)).toEqual(definedPieces(text));
      }),
      { numRuns: 3000 },
    );
  });
});
