// Names and the acronyms that stand for them: "the Harbour Patrol Unit (HPU)" defines HPU, and a
// question's "fbi" abbreviates "Federal Bureau of Investigation". One reading of both, used by the
// extraction side (bodies) and the answering side (names).

import { matchesOf } from "../text/matches.js";

/** Small words a name may hold inside it: "Bureau of Alcohol, Tobacco and Firearms". */
const NAME_JOINERS = "of|and|for|the|on|to|in|&";
const JOINER = new RegExp(`^(?:${NAME_JOINERS})$`, "i");

/** A run of two or more capitalised words, small joiners allowed inside it. */
export const NAME_RUN = new RegExp(
  `[A-Z][\\w'’-]*(?:,?\\s+(?:(?:${NAME_JOINERS})\\s+)*[A-Z][\\w'’-]*)+`,
  "g",
);
/** "Financial Crimes Enforcement Network (FinCEN)": a name with its acronym spelled out after it. */
const SPELLED_OUT = /\(([A-Z][A-Za-z]{1,9})\)/g;
/** Two capitals at least: "FinCEN", "DEA", not "Ltd". */
const ACRONYM = /^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$/;

/** The name's words that an acronym's letters come from, joiners left out. */
function initialsWords(name: string): string[] {
  return name
    .split(/[\s,-]+/)
    .filter((word) => word.length > 0 && !JOINER.test(word))
    .map((word) => word.toLowerCase());
}

/** The letter an acronym of this name must start with: its first word's ("" for none). */
export function initialOf(name: string): string {
  return initialsWords(name)[0]?.[0] ?? "";
}

/**
 * Whether an acronym abbreviates a name, each word giving a leading slice of itself:
 * "fbi" ← Federal Bureau (of) Investigation, "fincen" ← FINancial Crimes Enforcement Network.
 */
export function abbreviates(acronym: string, name: string): boolean {
  const parts = initialsWords(name);
  const letters = acronym.toLowerCase();
  const fitsFrom = (at: number, word: number): boolean => {
    if (at === letters.length) return word === parts.length;
    if (word === parts.length) return false;
    const part = parts[word] ?? "";
    for (let take = 1; take <= part.length && at + take <= letters.length; take++) {
      if (letters.slice(at, at + take) !== part.slice(0, take)) break;
      if (fitsFrom(at + take, word + 1)) return true;
    }
    return false;
  };
  return parts.length >= 2 && fitsFrom(0, 0);
}

/** "in March for Preventing Violence (PV)": the shortest tail of the run that the acronym abbreviates. */
function spelledOut(acronym: string, run: string): string {
  const words = run.split(/\s+/);
  for (let start = words.length - 2; start >= 0; start--) {
    const tail = words.slice(start).join(" ");
    if (abbreviates(acronym, tail)) return tail;
  }
  return run;
}

export interface DefinedAcronym {
  /** As written: "HPU". */
  acronym: string;
  /** The name it stands for, a leading "The" dropped: "Harbour Patrol Unit". */
  name: string;
}

/** Every "Full Name (ACR)" a text spells out. */
export function definedAcronyms(text: string): DefinedAcronym[] {
  const defined: DefinedAcronym[] = [];
  for (const match of matchesOf(SPELLED_OUT, text)) {
    const acronym = match[1] ?? "";
    const before = text.slice(0, match.index ?? 0);
    const run = matchesOf(NAME_RUN, before).pop()?.[0];
    if (run && ACRONYM.test(acronym) && before.trimEnd().endsWith(run)) {
      defined.push({ acronym, name: spelledOut(acronym, run.replace(/^The\s+/, "")) });
    }
  }
  return defined;
}
