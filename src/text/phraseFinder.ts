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

/** `\s` and "-" below 128: what `[\s-]` matches there. */
function isAsciiSpaceOrHyphen(code: number): boolean {
  return code === 32 || code === 45 || (code >= 9 && code <= 13);
}

function asciiLower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

const ASCII_END = 127;

/**
 * The end of a phrase's last word: `\\b`, which knows only ASCII letters, so a phrase ending in an
 * accented letter ("Kenjá", "Bogotá") ends where no letter of any script follows instead.
 */
function wordEnd(phrase: string): string {
  const last = phrase.charCodeAt(phrase.length - 1);
  return last > ASCII_END && /\p{L}$/u.test(phrase) ? "(?![\\w\\u00c0-\\uffff])" : "\\b";
}

/** Past any 16-bit code: the second character of a lead that has none (the text ends). */
const NO_SECOND = 0x10000;

export function phraseFinder(
  phrases: readonly string[],
  { ignoreCase, flexibleSpaces }: PhraseFinderOptions,
): (text: string) => PhraseMatch[] {
  const fold = (ch: string) => (ignoreCase ? ch.toLowerCase() : ch);
  const textLead = (text: string, at: number) => {
    const second = text[at + 1] ?? "";
    const spaced = flexibleSpaces && SPACE_OR_HYPHEN.test(second);
    return `${fold(text[at] ?? "")}${spaced ? " " : fold(second)}`;
  };
  // A lead of one or two ASCII characters (nearly every one) is keyed by a number, built at each
  // word boundary with no string; any other lead by its folded text. Either key is a function of
  // the folded text, so a text and a phrase meet on the same key exactly when their leads are equal.
  const keyOf = (lead: string): number | string => {
    const a = lead.charCodeAt(0);
    const b = lead.length > 1 ? lead.charCodeAt(1) : NO_SECOND;
    return lead.length <= 2 && a < 128 && (b < 128 || b === NO_SECOND) ? a * 0x20000 + b : lead;
  };
  const leadOf = (text: string, at: number): number | string => {
    const first = text.charCodeAt(at);
    const second = at + 1 < text.length ? text.charCodeAt(at + 1) : NO_SECOND;
    if (first >= 128 || (second >= 128 && second !== NO_SECOND)) return keyOf(textLead(text, at));
    const a = ignoreCase ? asciiLower(first) : first;
    if (second === NO_SECOND) return a * 0x20000 + NO_SECOND;
    const spaced = flexibleSpaces && isAsciiSpaceOrHyphen(second);
    return a * 0x20000 + (spaced ? 32 : ignoreCase ? asciiLower(second) : second);
  };
  const pattern = (phrase: string) =>
    (flexibleSpaces ? escaped(phrase).replace(/[\s-]+/g, "[\\s-]+") : escaped(phrase)) +
    wordEnd(phrase);
  const buckets = new Map<number | string, string[]>();
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    const lead = leadOf(phrase, 0);
    const bucket = buckets.get(lead);
    if (bucket) bucket.push(phrase);
    else buckets.set(lead, [phrase]);
  }
  const matchers = new Map<number | string, RegExp>();
  for (const [lead, bucket] of buckets) {
    const flags = ignoreCase ? "iy" : "y";
    matchers.set(lead, new RegExp(`(?:${bucket.map(pattern).join("|")})`, flags));
  }
  return (text) => {
    const found: PhraseMatch[] = [];
    if (matchers.size === 0) return found;
    let wordBefore = false;
    for (let at = 0; at < text.length; at++) {
      const wordHere = isWordChar(text.charCodeAt(at));
      if (wordBefore === wordHere) continue; // not a word boundary
      wordBefore = wordHere;
      const matcher = matchers.get(leadOf(text, at));
      if (!matcher) continue;
      matcher.lastIndex = at;
      const match = matcher.exec(text);
      if (!match) continue;
      found.push({ text: match[0], index: at });
      at += match[0].length - 1;
      wordBefore = isWordChar(text.charCodeAt(at));
    }
    return found;
  };
}
