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
    // Most words hold no joiner: such a word is its own one piece, with no array made for it.
    if (INNER_JOINER.test(token.text)) pieces.push(...piecesOf(token, INNER_JOINER));
    else pieces.push(token);
  }
  return pieces;
}

/**
 * A word split at the joiners given ("semi-submersible" → "semi", "submersible"), each piece with
 * its own offsets; a word holding none is its own one piece.
 */
export function piecesOf(token: Token, joiner: RegExp): Token[] {
  if (!joiner.test(token.text)) return [token];
  const pieces: Token[] = [];
  let offset = 0;
  for (const part of token.text.split(joiner)) {
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
  return pieces;
}

/** Words and numbers: TOKEN without its punctuation tokens, which `words` drops. */
const WORD_OR_NUMBER = /\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|\d[\d,.]*\d|\d/gu;
const ASCII_WORD_OR_NUMBER = /[A-Za-z]+(?:['-][A-Za-z]+)*|\d[\d,.]*\d|\d/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The last few texts read into words, in a ring: answering one question reads its text this way
 * a dozen times, over several steps, and a miss (a build reads every sentence once) costs a few
 * comparisons. Each caller gets its own copy.
 */
const RECENT_TEXTS = 8;
const recentTexts: (string | null)[] = new Array(RECENT_TEXTS).fill(null);
const recentWords: (readonly string[])[] = new Array(RECENT_TEXTS).fill([]);
let nextRecent = 0;

/** Lower-case words and numbers of a text, possessive "'s" dropped: the grain concepts are read at. */
export function words(text: string): string[] {
  for (let i = 0; i < RECENT_TEXTS; i++) {
    if (recentTexts[i] === text) return (recentWords[i] as readonly string[]).slice();
  }
  const found = wordsOf(text);
  recentTexts[nextRecent] = text;
  recentWords[nextRecent] = found;
  nextRecent = (nextRecent + 1) % RECENT_TEXTS;
  return found.slice();
}

function wordsOf(text: string): string[] {
  // The same pieces as `wordPieces`, without building a token object for each.
  const found: string[] = [];
  const plain = text.replace(POSSESSIVE, "");
  if (!NOT_ASCII.test(plain)) wordsInto(found, plain, ASCII_WORD_OR_NUMBER);
  else {
    // No word spans a line: in a long text with a curly quote somewhere, only the lines that
    // hold one are read with Unicode's tables.
    for (const line of plain.split("\n")) {
      wordsInto(found, line, NOT_ASCII.test(line) ? WORD_OR_NUMBER : ASCII_WORD_OR_NUMBER);
    }
  }
  return found;
}

function wordsInto(found: string[], text: string, pattern: RegExp): void {
  // `match` with a global pattern gives the matched texts alone, not an array per match.
  for (const token of text.match(pattern) ?? []) {
    if (isDigit(token.charCodeAt(0))) found.push(token);
    else if (!INNER_JOINER.test(token)) found.push(token.toLowerCase());
    else for (const part of token.split(INNER_JOINER)) found.push(part.toLowerCase());
  }
}
