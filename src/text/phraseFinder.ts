/**
 * Whole-word matches of any of many phrases in a text, left to right, the longest phrase at each
 * place: what one regular expression `\b(?:longest|…|shortest)\b` finds, but with the phrases
 * bucketed by their first two characters, so thousands of phrases (a long report's own names)
 * cost one look-up per word boundary instead of a try of every phrase: linear in the text.
 */
export interface PhraseMatch {
  text: string;
  index: number;
}

export interface PhraseFinderOptions {
  /** Match in any case (the phrases' leads are compared lower-cased). */
  ignoreCase: boolean;
  /** Spaces in a phrase match any run of spaces and hyphens ("Harbour Patrol" ~ "Harbour-Patrol"). */
  flexibleSpaces: boolean;
}

/** `\w` as regular expressions without the u flag read it: ASCII letters, digits and "_". */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}
const SPACE_OR_HYPHEN = /[\s-]/;

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function phraseFinder(
  phrases: readonly string[],
  { ignoreCase, flexibleSpaces }: PhraseFinderOptions,
): (text: string) => PhraseMatch[] {
  const fold = (ch: string) => (ignoreCase ? ch.toLowerCase() : ch);
  const leadOf = (text: string, at: number) => {
    const second = text[at + 1] ?? "";
    const spaced = flexibleSpaces && SPACE_OR_HYPHEN.test(second);
    return `${fold(text[at] ?? "")}${spaced ? " " : fold(second)}`;
  };
  const pattern = (phrase: string) =>
    flexibleSpaces ? escaped(phrase).replace(/[\s-]+/g, "[\\s-]+") : escaped(phrase);
  const buckets = new Map<string, string[]>();
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    const lead = leadOf(phrase, 0);
    const bucket = buckets.get(lead);
    if (bucket) bucket.push(phrase);
    else buckets.set(lead, [phrase]);
  }
  const matchers = new Map<string, RegExp>();
  for (const [lead, bucket] of buckets) {
    const flags = ignoreCase ? "iy" : "y";
    matchers.set(lead, new RegExp(`(?:${bucket.map(pattern).join("|")})\\b`, flags));
  }
  return (text) => {
    const found: PhraseMatch[] = [];
    if (matchers.size === 0) return found;
    for (let at = 0; at < text.length; at++) {
      const wordBefore = at > 0 && isWordChar(text.charCodeAt(at - 1));
      if (wordBefore === isWordChar(text.charCodeAt(at))) continue; // not a word boundary
      const matcher = matchers.get(leadOf(text, at));
      if (!matcher) continue;
      matcher.lastIndex = at;
      const match = matcher.exec(text);
      if (!match) continue;
      found.push({ text: match[0], index: at });
      at += match[0].length - 1;
    }
    return found;
  };
}
