export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
}

// Words may hold an apostrophe or hyphen inside ("drug-related", "O'Brien") but not end on one ("years'").
const TOKEN =
  /[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F'’-]*[A-Za-z\u00C0-\u024F])?|\d[\d,.]*\d|\d|[^\sA-Za-z\d]/g;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    lower: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
    isWord: /^[A-Za-z\u00C0-\u024F]/.test(match[0]),
  }));
}
