/**
 * The question-language data files, checked with zod once, when this module is first imported.
 * A malformed file fails at start-up with one line naming it.
 */
import { z } from "zod";
import { checked } from "./checked.js";
import grammarJson from "./grammar.json" with { type: "json" };
import synonymsJson from "./synonyms.json" with { type: "json" };
import { VERBS } from "./verbs.js";
import wordnetJson from "./wordnet.json" with { type: "json" };

const Words = z.array(z.string().min(1)).min(1);

const Synonyms = z.object({
  $comment: z.string().optional(),
  /** Each group folds onto its first word. */
  groups: z.array(Words),
  /** A whole chat token ("n", "ppl") and the words it stands for ("and", "people"). */
  shorthand: z.record(z.string().min(1), z.string().min(1)),
  /** A question's wording ("what weight of") and the wording the engine reads ("how much"). */
  phrases: z.record(z.string().min(1), z.string().min(1)),
});

const Grammar = z.object({
  $comment: z.string().optional(),
  questionStopWords: Words,
  genericQuestionWords: Words,
  auxiliaries: Words,
  prepositions: Words,
  determiners: Words,
  fillerModifiers: Words,
  /** How a report says who spoke: "said", "told", "pointed out". */
  speechVerbs: Words,
  /** With disclosedNouns, how a question asks who put figures out: "gave the numbers". */
  disclosureVerbs: Words,
  /** What a speaker puts out: "numbers", "figures", "stats". */
  disclosedNouns: Words,
  /** After "which"/"what", nouns that ask for a person: "which official". */
  personNouns: Words,
  /** After "which"/"what", a part in a case that asks for a person, no title: "which defendant". */
  partyNouns: Words,
  /** Verbs asking who holds a body's top post: "who heads the harbour police". */
  headVerbs: Words,
  /** The titles of a body's top post: "Director", "Chief", "Commissioner". */
  headTitles: Words,
  /** After "which"/"what", nouns asking for a role: "what position". */
  roleNouns: Words,
  /** After "which"/"what", nouns asking for a named drive: "which campaign". */
  operationNouns: Words,
  /** Kinds of document a report may be: "this briefing" is the report itself. */
  documentNouns: Words,
  /** Words a report names something with: "the operation, codenamed KESTREL". */
  namingWords: Words,
  /** Capitalised words a name starts with: "Project Tidewater", "Strike Force Alder". */
  nameHeads: Words,
  /** Nouns that make the capitalised word before them a body of people: "Oakfield police". */
  bodyNouns: Words,
  /** After "which"/"what", nouns asking for a means: "what method". */
  methodNouns: Words,
  /** Adverbs that end the noun a figure counts: "120 agents already deployed". */
  trailingAdverbs: Words,
  /**
   * Everyday verbs' forms outside the report verbs' list and unmarked by "-ed"/"-ing" ("gets",
   * "took", "began"): they end a counted noun, and are never the thing a question names.
   */
  verbForms: Words,
  /** The two halves of a whole ("men", "women"): a question about one is not the other's figure. */
  contrasts: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  /** After "which"/"what", words naming the kind of place ranked, and that kind ("any" for any). */
  placeKinds: z.record(z.string().min(1), z.enum(["province", "state", "country", "city", "any"])),
  /** List-row labels that name the whole, not one of the things ranked: "Total: 1,146". */
  wholeLabels: Words,
  /** With operationNouns, words naming the report's whole effort: "the headline figures". */
  wholeReportWords: Words,
  /** Nouns for how much of a thing: "the size of the grant" asks about the grant, not a size. */
  dimensionWords: Words,
  /** How a report says a term was asked for, not imposed: "asked for", "sought", "recommended". */
  requestVerbs: Words,
  /** How a question asks what someone was given: "how much does Maine get" asks money. */
  receivingVerbs: Words,
  /** Words joining two clauses or predicates: "opened 40 files and charged 12 people". */
  coordinators: Words,
  /** Words opening a list of a figure's parts: "3,600 members, including 1,412 in Texas, were …". */
  inclusionWords: Words,
});

const WordNet = z.object({
  $comment: z.string().optional(),
  /** A domain word and the WordNet lemmas that share one of its first senses with it. */
  synonyms: z.record(z.string().min(1), Words),
  /** A common word's stem, then the words that share its usual sense: "physician doctor medico". */
  neighbours: z.array(z.string().regex(/^[a-z]+(?: [a-z]+)+$/)),
});

const synonyms = checked(Synonyms, synonymsJson, "synonyms.json");
/**
 * A group word written "=plane" stands for itself and its plural only: its stem ("plan") is
 * another word, which must not fold into the group.
 */
const EXACT_MARK = "=";
/** The verbs' question synonyms (verbs.json) come first, then the other groups. */
export const SYNONYMS = {
  ...synonyms,
  groups: [
    ...VERBS.filter((v) => v.synonyms.length > 0).map((v) => [v.lemma, ...v.synonyms]),
    ...synonyms.groups.map((group) => group.map((word) => word.replace(EXACT_MARK, ""))),
  ],
};
/** Group words matched as whole words, never by their stem. */
export const EXACT_SYNONYMS: ReadonlySet<string> = new Set(
  synonyms.groups.flat().flatMap((word) => (word.startsWith(EXACT_MARK) ? [word.slice(1)] : [])),
);
export const GRAMMAR = checked(Grammar, grammarJson, "grammar.json");
export const WORDNET = checked(WordNet, wordnetJson, "wordnet.json");
