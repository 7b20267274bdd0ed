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
// The same for a text that is all ASCII, where \p{L} is [A-Za-z] and \p{M} matches nothing: the same
// tokens, matched without Unicode's tables, about twice as fast. Most report text is all ASCII.
const ASCII_TOKEN = /[A-Za-z]+(?:['-][A-Za-z]+)*|\d[\d,.]*\d|\d|[^\sA-Za-z\d]/g;
const NOT_ASCII = /[\u0080-\uffff]/;
const STARTS_WITH_LETTER = /^\p{L}/u;
const INNER_JOINER = /['’-]/;
const STARTS_WITH_DIGIT = /^\d/;
const POSSESSIVE = /['’]s\b/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // An exec loop, not matchAll: the build tokenizes every sentence several times.
  const pattern = NOT_ASCII.test(text) ? TOKEN : ASCII_TOKEN;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const token = match[0];
    tokens.push({
      text: token,
      lower: token.toLowerCase(),
      start: match.index,
      end: match.index + token.length,
      isWord: STARTS_WITH_LETTER.test(token),
    });
  }
  return tokens;
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

/** Words and numbers: TOKEN without its punctuation tokens, which `words` drops. */
const WORD_OR_NUMBER = /\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|\d[\d,.]*\d|\d/gu;
const ASCII_WORD_OR_NUMBER = /[A-Za-z]+(?:['-][A-Za-z]+)*|\d[\d,.]*\d|\d/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Lower-case words and numbers of a text, possessive "'s" dropped: the grain concepts are read at. */
export function words(text: string): string[] {
  // The same pieces as `wordPieces`, without building a token object for each.
  const found: string[] = [];
  const plain = text.replace(POSSESSIVE, "");
  const pattern = NOT_ASCII.test(plain) ? WORD_OR_NUMBER : ASCII_WORD_OR_NUMBER;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(plain); match !== null; match = pattern.exec(plain)) {
    const token = match[0];
    if (isDigit(token.charCodeAt(0))) found.push(token);
    else if (!INNER_JOINER.test(token)) found.push(token.toLowerCase());
    else for (const part of token.split(INNER_JOINER)) found.push(part.toLowerCase());
  }
  return found;
}
