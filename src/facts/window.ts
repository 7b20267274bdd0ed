/**
 * The patterns that read what comes right before a figure ("more than", "section", "from Spain
 * and") are anchored at the end of the text before it. A regular expression still tries every
 * start position, so testing the whole sentence prefix for each figure is quadratic in the
 * sentence. They are tested on the last few words instead: the same answer, at a cost that does
 * not grow with the sentence.
 */
export const LOOKBEHIND_CHARS = 160;

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** The last `length` characters of `text`, without a word cut in half ("casino" never reads as "no"). */
export function tail(text: string, length = LOOKBEHIND_CHARS): string {
  if (text.length <= length) return text;
  const cut = text.length - length;
  const rest = text.slice(cut);
  return WORD_CHAR.test(text[cut - 1] ?? "") ? rest.replace(/^[\p{L}\p{N}_]+/u, "") : rest;
}

/** `text.trim() === ""` without copying a long string. */
export function isBlank(text: string): boolean {
  return /^\s*$/.test(text);
}
