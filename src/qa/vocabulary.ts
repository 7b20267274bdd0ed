import { actionLemma } from "../facts/lexicon.js";
import { EXACT_SYNONYMS, GRAMMAR, SYNONYMS } from "../lexicon/language.js";
import { BoundedMemory } from "../text/memory.js";
import { stem } from "../text/stem.js";
import { words } from "../text/tokenize.js";
/** Question vocabulary: stop words, stemming and the domain's synonym groups. */

export const STOP_WORDS: ReadonlySet<string> = new Set(GRAMMAR.questionStopWords);

/** Each group maps onto its first word, so "confiscated" and "seized" meet on "seize". */
const SYNONYM_GROUPS = SYNONYMS.groups;

const CANONICAL = new Map<string, string>();
/** Words (and their plurals) that fold into a group as written, not by stem. */
const EXACT = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = stem(group[0] ?? "");
  for (const word of group) {
    if (EXACT_SYNONYMS.has(word)) {
      EXACT.set(word, head);
      EXACT.set(`${word}s`, head);
    } else if (!CANONICAL.has(stem(word))) CANONICAL.set(stem(word), head);
  }
}

/** The concept a word stands for: its synonym group's head, else its own stem. */
export function concept(word: string): string {
  return concepts.recall(word, conceptOf);
}

/** Words seen by `concept`: a report's and its questions' vocabulary fit many times over. */
const CONCEPT_CACHE_SIZE = 100_000;
const concepts = new BoundedMemory<string>(CONCEPT_CACHE_SIZE);

function conceptOf(word: string): string {
  const exact = EXACT.get(word.toLowerCase());
  if (exact) return exact;
  const stemmed = stem(word);
  const canonical = CANONICAL.get(stemmed);
  if (canonical) return canonical;
  // "charged" and "prosecuted" meet on the verb lexicon the fact table uses.
  const lemma = actionLemma(word);
  return lemma && lemma !== word ? concept(lemma) : stemmed;
}

/** Concepts of the content words of a text. */
export function conceptsOf(text: string): string[] {
  return conceptsOfWords(words(text));
}

/** Concepts of the content words among words already split (`words`). */
export function conceptsOfWords(split: readonly string[]): string[] {
  return split.filter((word) => !STOP_WORDS.has(word)).map(concept);
}
