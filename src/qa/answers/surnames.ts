import { personAged } from "../../facts/readers/age.js";
import { singularize } from "../../facts/units.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { preparedOf } from "../prepared.js";
import type { ReportIndex } from "../reportIndex.js";

/** A capitalised word, hyphened parts and all: "Reyes", "Ruiz-Vega". */
const CAPITALISED_WORD = /(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*(?![\p{L}'’-])/gu;

const surnamesKept = new WeakMap<ReportIndex, ReadonlySet<string>>();

/** The last word of each person the report names in full, lower-cased. */
function surnamesOf(index: ReportIndex): ReadonlySet<string> {
  let surnames = surnamesKept.get(index);
  if (!surnames) {
    const found = new Set<string>();
    // The people named as such, and those given an age ("Dana Reyes, 41, of Eastport").
    const aged = index.factDocs.map(({ fact }) => personAged(fact)?.toLowerCase());
    const named = [...preparedOf(index).personNames.values()].flatMap((names) => [...names]);
    for (const name of [...named, ...aged]) {
      const parts = name?.split(/\s+/) ?? [];
      const last = parts.at(-1);
      if (parts.length >= 2 && last && last.length > 2) found.add(last);
    }
    surnames = found;
    surnamesKept.set(index, surnames);
  }
  return surnames;
}

/**
 * "Dana Reyes, 41, of Eastport, was charged …" then "Reyes remains a fugitive": once the report
 * names a person in full, their surname alone names them. The sentence's capitalised words that
 * are the surname of someone the report names.
 */
export function surnamesIn(text: string, index: ReportIndex): string[] {
  const surnames = surnamesOf(index);
  if (surnames.size === 0) return [];
  return [...text.matchAll(CAPITALISED_WORD)]
    .map((match) => match[0])
    .filter((word) => surnames.has(word.toLowerCase()));
}

const PARTY_NOUNS: ReadonlySet<string> = new Set(GRAMMAR.partyNouns);

/** "Which defendant fled?", "name a victim": the question asks for a person by their part in a case. */
export function asksParty(question: string): boolean {
  const noun = /\b(?:which|what|name\s+(?:a|an|the|one))\s+([a-z]+)\b/i.exec(question)?.[1];
  return noun !== undefined && PARTY_NOUNS.has(singularize(noun.toLowerCase()));
}
