/** Domain vocabulary: enforcement verbs and the words around figures. */
import { DRUGS } from "../lexicon/drugs.js";
import { GRAMMAR } from "../lexicon/language.js";
import { VERBS } from "../lexicon/verbs.js";

/** Report word → the lemma of its verb ("confiscated" → seize); the first verb listing a form wins. */
const ACTION_BY_FORM = new Map<string, string>();
for (const verb of VERBS) {
  for (const form of verb.forms)
    if (!ACTION_BY_FORM.has(form)) ACTION_BY_FORM.set(form, verb.lemma);
}

const PARTICIPLES = new Map(VERBS.map((verb) => [verb.lemma, verb.participle]));

/** Verbs a question and its figure must agree on: "how many were extradited" is not "convicted". */
export const AGREEING_VERBS: ReadonlySet<string> = new Set(
  VERBS.filter((verb) => verb.mustAgree).map((verb) => verb.lemma),
);

/** How an answer says it happened: seize → "seized", freeze → "frozen". */
export function participleOf(lemma: string): string {
  return PARTICIPLES.get(lemma) ?? `${lemma}ed`;
}

export function actionLemma(word: string): string | null {
  return ACTION_BY_FORM.get(word.toLowerCase()) ?? null;
}

export const AUXILIARIES: ReadonlySet<string> = new Set(GRAMMAR.auxiliaries);

/** Words joining two clauses or predicates: "opened 40 files and charged 12 people". */
export const COORDINATORS: ReadonlySet<string> = new Set(GRAMMAR.coordinators);

/** Words opening a list of a figure's parts, each as its words: ["among", "them"]. */
export const INCLUSION_WORDS: readonly (readonly string[])[] = GRAMMAR.inclusionWords.map(
  (phrase) => phrase.split(" "),
);

/** Everyday verbs' forms no "-ed" marks ("took", "began"). */
export const VERB_FORMS: ReadonlySet<string> = new Set(GRAMMAR.verbForms);

export const PREPOSITIONS: ReadonlySet<string> = new Set(GRAMMAR.prepositions);

export const DETERMINERS: ReadonlySet<string> = new Set(GRAMMAR.determiners);

/** Words between a number and its noun that add nothing to what is counted. */
export const FILLER_MODIFIERS: ReadonlySet<string> = new Set(GRAMMAR.fillerModifiers);

/** Adverbs that end a counted phrase: "12,480 drug cases nationwide". */
export const TRAILING_ADVERBS: ReadonlySet<string> = new Set(GRAMMAR.trailingAdverbs);

/** Spelled-out numbers that read as prose rather than figures when not followed by a counted noun. */
export const QUALIFIERS: [RegExp, string][] = [
  [/\b(?:more than|over|in excess of|upwards of|above)\s*$/i, "more than"],
  [/\b(?:nearly|almost|close to|just under)\s*$/i, "nearly"],
  [/\b(?:about|around|approximately|roughly|some|an estimated|estimated|approx\.?)\s*$/i, "about"],
  [/\b(?:a total of|in total|totall?ing|totaling)\s*$/i, "a total of"],
  [/\b(?:at least|no fewer than|no less than)\s*$/i, "at least"],
  [/\b(?:up to|as many as|as much as)\s*$/i, "up to"],
  [/\b(?:less than|fewer than|under|below)\s*$/i, "less than"],
];

/** Substances (src/lexicon/drugs.json), so that "drugs" in a question reaches "70 kilograms of methamphetamine". */
export const DRUG_NAMES: ReadonlySet<string> = new Set(DRUGS.substances);

/** Substances named by one word that is no class of drugs nor an everyday word ("cocaine", not "ice"). */
export const ONE_SUBSTANCE: ReadonlySet<string> = new Set(
  DRUGS.substances.filter((name) => !DRUGS.notOneSubstance.includes(name)),
);
