/**
 * The one tokenizer. Report text and questions are both read with it, so the two sides always
 * split words the same way.
 */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
}

// Words may hold an apostrophe or hyphen inside ("drug-related", "O'Brien") but not end on one
// ("years'"); numbers keep their grouping and decimal marks ("1,250.5"); anything else is one
// punctuation token.
const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|\d[\d,.]*\d|\d|[^\s\p{L}\p{M}\d]/gu;
const STARTS_WITH_LETTER = /^\p{L}/u;
const INNER_JOINER = /['’-]/;
const STARTS_WITH_DIGIT = /^\d/;
const POSSESSIVE = /['’]s\b/g;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    lower: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
    isWord: STARTS_WITH_LETTER.test(match[0]),
  }));
}

/**
 * Words and numbers split at inner hyphens and apostrophes ("drug-related" → "drug", "related"),
 * with their offsets: the grain at which names and concepts are matched.
 */
export function wordPieces(text: string): Token[] {
  const pieces: Token[] = [];
  for (const token of tokenize(text)) {
    if (!token.isWord) {
      if (STARTS_WITH_DIGIT.test(token.text)) pieces.push(token);
      continue;
    }
    let offset = 0;
    for (const part of token.text.split(INNER_JOINER)) {
      const start = token.start + offset;
      pieces.push({
        ...token,
        text: part,
        lower: part.toLowerCase(),
        start,
        end: start + part.length,
      });
      offset += part.length + 1;
    }
  }
  return pieces;
}

/** Lower-case words and numbers of a text, possessive "'s" dropped: the grain concepts are read at. */
export function words(text: string): string[] {
  // The same pieces as `wordPieces`, without building a token object for each.
  const found: string[] = [];
  for (const [token] of text.replace(POSSESSIVE, "").matchAll(TOKEN)) {
    if (STARTS_WITH_LETTER.test(token)) {
      for (const part of token.split(INNER_JOINER)) found.push(part.toLowerCase());
    } else if (STARTS_WITH_DIGIT.test(token)) found.push(token);
  }
  return found;
}
