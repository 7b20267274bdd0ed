/**
 * The close WordNet neighbours of common English words, for wordnet.json's `neighbours`: a question
 * word the report never uses ("jailed") may stand for a neighbour the report does ("imprisoned").
 *
 * Only close ones, so that a word never stands for a thing the report only resembles:
 * - the word is common (its senses were tagged in WordNet's corpora, `MIN_TAGS` times or more) and
 *   its first sense is its usual one (`DOMINANT_SHARE` of those tags), so its meaning is plain;
 * - a neighbour shares that first sense's synset, as one of its own `NEIGHBOUR_SENSES` first senses
 *   ("incarcerate" with "jail"), or, when `KIN` is on, a noun sense is the synset's direct
 *   hypernym or hyponym;
 * - neither is a phrase, a proper noun, a grammar word nor a word WordNet marks as an obscenity or
 *   a slur, anywhere; nor one of the domain groups' words, which fold by their group.
 * Keys are stems (src/text/stem.ts), so "jailed" and "jails" find "jail"; words are in file order.
 */
import { GRAMMAR, SYNONYMS } from "../../src/lexicon/language.js";
import { stem } from "../../src/text/stem.js";
import {
  PARTS,
  type Part,
  readData,
  readIndex,
  readTagCounts,
  type Synset,
} from "./wordnetFiles.js";

const MIN_TAGS = 1;
const DOMINANT_SHARE = 0.6;
const NEIGHBOUR_SENSES = 2;
const KIN = process.argv.includes("--kin");
/** Usage domains whose words are never written: WordNet's marks for offensive words. */
const OFFENSIVE_USAGES = ["obscenity", "vulgarism", "ethnic_slur", "disparagement", "profanity"];

const GRAMMAR_WORDS: ReadonlySet<string> = new Set(
  [
    GRAMMAR.questionStopWords,
    GRAMMAR.genericQuestionWords,
    GRAMMAR.auxiliaries,
    GRAMMAR.prepositions,
    GRAMMAR.determiners,
    GRAMMAR.fillerModifiers,
    GRAMMAR.verbForms,
    GRAMMAR.dimensionWords,
  ].flat(),
);
/** The domain's group words' stems, which fold by their groups: neither a key nor a neighbour. */
const GROUP_STEMS: ReadonlySet<string> = new Set(SYNONYMS.groups.flat().map(stem));

const WORD = /^[a-z]{3,}$/;
/** A question word shorter than this is never respelled (src/text/spelling.ts editBudget). */
const ASKED = /^[a-z]{4,}$/;

interface PartData {
  index: Map<string, string[]>;
  data: Map<string, Synset>;
  tags: Map<string, number>;
}

/** Every lemma of a synset marked with an offensive usage, in any part. */
function offensiveWords(parts: ReadonlyMap<Part, PartData>): Set<string> {
  const noun = parts.get("noun");
  const domains = new Set(OFFENSIVE_USAGES.flatMap((word) => noun?.index.get(word) ?? []));
  const banned = new Set<string>();
  for (const { data } of parts.values())
    for (const synset of data.values())
      if (synset.usages.some((usage) => domains.has(usage)))
        for (const lemma of synset.lemmas) banned.add(lemma.toLowerCase());
  return banned;
}

/** How often the corpora used a word in any sense of this part. */
function tagsOf(word: string, part: PartData): number {
  return (part.index.get(word) ?? []).reduce(
    (sum, offset) => sum + (part.tags.get(`${word} ${offset}`) ?? 0),
    0,
  );
}

/** A word's regular forms a question may write: "comes", "coming" for "come". */
function formsOf(word: string, part: Part): string[] {
  if (part === "noun") return [word, `${word}s`, `${word}es`];
  if (part === "adj") return [word];
  const base = word.endsWith("e") ? word.slice(0, -1) : word;
  return [word, `${word}s`, `${base}ed`, `${base}ing`];
}

/**
 * Stem → how often the corpora used any word of any part written with that stem: "coming" the
 * noun shares its stem with "coming" the verb form, and an entry stands for the stem only when
 * its own senses hold `DOMINANT_SHARE` of these uses (the noun's do not).
 */
function stemUses(parts: ReadonlyMap<Part, PartData>): Map<string, number> {
  const uses = new Map<string, number>();
  for (const [name, part] of parts)
    for (const word of part.index.keys()) {
      if (!WORD.test(word)) continue;
      const tags = tagsOf(word, part);
      for (const key of new Set(formsOf(word, name).map(stem)))
        uses.set(key, (uses.get(key) ?? 0) + tags);
    }
  return uses;
}

/** Whether a word's first sense is common and its usual one: then it means that sense. */
function firstSense(word: string, part: PartData): string | null {
  const senses = part.index.get(word) ?? [];
  const [first] = senses;
  if (!first) return null;
  const tags = senses.map((offset) => part.tags.get(`${word} ${offset}`) ?? 0);
  const total = tags.reduce((a, b) => a + b, 0);
  const own = tags[0] ?? 0;
  return own >= MIN_TAGS && own >= DOMINANT_SHARE * total ? first : null;
}

/** A synset's lemmas that hold it among their own first senses, as lower-case single words. */
function closeLemmas(offset: string, part: PartData, usable: (word: string) => boolean): string[] {
  const synset = part.data.get(offset);
  if (!synset) return [];
  return synset.lemmas.filter(
    (lemma) =>
      WORD.test(lemma) &&
      usable(lemma) &&
      (part.index.get(lemma) ?? []).slice(0, NEIGHBOUR_SENSES).includes(offset),
  );
}

/**
 * One line per common word: its stem, then its close neighbours' words ("jail gaol imprison"), in
 * stem order. Lines, not an object: a bundle then carries some 5,000 strings, not as many arrays.
 */
export function neighbours(): string[] {
  const counts = readTagCounts();
  const parts = new Map<Part, PartData>(
    PARTS.map((part) => [
      part,
      { index: readIndex(part), data: readData(part), tags: counts.get(part) ?? new Map() },
    ]),
  );
  const banned = offensiveWords(parts);
  // A group word's sense is the domain's ("suspect" a person), not always the synset's ("suspect"
  // as "distrust"): the groups have their own synonyms, so a group word is no neighbour either.
  const usable = (word: string) =>
    !GRAMMAR_WORDS.has(word) && !banned.has(word) && !GROUP_STEMS.has(stem(word));
  /** Per key, the one word and part whose first sense the corpora used most, and its neighbours. */
  const found = new Map<string, { tags: number; words: string[] }>();
  for (const [name, part] of parts) {
    for (const word of part.index.keys()) {
      if (!ASKED.test(word) || !usable(word)) continue;
      const sense = firstSense(word, part);
      if (!sense) continue;
      const synset = part.data.get(sense);
      // A proper noun's sense: WordNet writes it capitalised there ("China"), not as typed.
      if (!synset?.lemmas.includes(word)) continue;
      const kin = KIN && name === "noun" ? [...synset.hypernyms, ...synset.hyponyms] : [];
      const key = stem(word);
      const words = [sense, ...kin]
        .flatMap((offset) => closeLemmas(offset, part, usable))
        .filter((other) => stem(other) !== key);
      const tags = part.tags.get(`${word} ${sense}`) ?? 0;
      if (words.length > 0 && tags > (found.get(key)?.tags ?? 0)) found.set(key, { tags, words });
    }
  }
  const uses = stemUses(parts);
  // "taxing" the adjective writes no entry for "tax": its sense holds few of the stem's uses.
  const plain = ([key, { tags }]: [string, { tags: number }]) =>
    tags >= DOMINANT_SHARE * (uses.get(key) ?? 0);
  return [...found]
    .filter(plain)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { words }]) => [key, ...[...new Set(words)].sort()].join(" "));
}
