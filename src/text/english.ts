/**
 * Whether a word is English, by the Hunspell en_US dictionary (dictionary-en, read by nspell).
 * The dictionary is read and parsed once per process, on the first question that needs it, never
 * per report.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type nspell from "nspell";
import { BoundedMemory } from "./memory.js";

let speller: ReturnType<typeof nspell> | null = null;

/**
 * The dictionary's files and nspell are read here, on first use, not when the module loads (as
 * importing dictionary-en would): most questions never need them, and half a megabyte read and parsed
 * is a fifth of a cold start.
 */
function english(): ReturnType<typeof nspell> {
  if (speller) return speller;
  const require = createRequire(import.meta.url);
  const files = dirname(require.resolve("dictionary-en"));
  // nspell itself too: a question that never needs the dictionary never loads its code.
  const load = require("nspell") as typeof nspell;
  speller = load({
    aff: readFileSync(join(files, "index.aff")),
    dic: readFileSync(join(files, "index.dic")),
  });
  return speller;
}

/** Words looked up already, by form: the affix rules make each look-up cost microseconds. */
const CHECKED_SIZE = 50_000;
const checked = new BoundedMemory<boolean>(CHECKED_SIZE);

/** Whether the dictionary holds this exact form, remembered. */
function correct(form: string): boolean {
  return checked.recall(form, (word) => english().correct(word));
}

/** Lower-case words as the dictionary has them ("seized"), or names it knows ("Tasmania"). */
export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  return correct(lower) || correct(lower.charAt(0).toUpperCase() + lower.slice(1));
}

/** Lower-case common words only: "value" and "human" are, "tasmania" is not. */
export function isCommonEnglishWord(word: string): boolean {
  return correct(word.toLowerCase());
}
