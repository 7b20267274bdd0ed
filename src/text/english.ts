/**
 * Whether a word is English, by the Hunspell en_US dictionary (dictionary-en, read by nspell).
 * The dictionary is parsed once per process, on the first question that needs it, never per report.
 */
import dictionary from "dictionary-en";
import nspell from "nspell";

let speller: ReturnType<typeof nspell> | null = null;

function english(): ReturnType<typeof nspell> {
  speller ??= nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  return speller;
}

/** Lower-case words as the dictionary has them ("seized"), or names it knows ("Tasmania"). */
export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  const checker = english();
  return checker.correct(lower) || checker.correct(lower.charAt(0).toUpperCase() + lower.slice(1));
}

/** Lower-case common words only: "value" and "human" are, "tasmania" is not. */
export function isCommonEnglishWord(word: string): boolean {
  return english().correct(word.toLowerCase());
}
