/**
 * The look-ups the answer path reads over a whole report (its entities by sentence, its facts by
 * paragraph, the sentences that count in words, …), built once per report when its index is made,
 * so that the first question pays no more than the next. They are not part of the index's data: a
 * saved or cloned index carries none of them, and `withSearch` builds them again where it answers.
 *
 * Only types are imported from the index, so the index can build these without an import cycle.
 */
import { type Gloss, glossesIn } from "../facts/glosses.js";
import type { Entity, Fact } from "../facts/schema.js";
import { UNITS } from "../lexicon/units.js";
import { ROOT_START } from "../text/stem.js";
import type { ReportIndexData, SentenceDoc } from "./reportIndex.js";
import { concept } from "./vocabulary.js";
import { buildWordIndex, paragraphsWithWords, type WordIndex } from "./wordIndex.js";

export interface SentenceEntities {
  /** "paragraph:sentence" → the entities that sentence names, in the table's order. */
  bySentence: Map<string, Entity[]>;
  /** The sentences that name a date. */
  dated: Set<string>;
  /** The names, lower-cased, of what the report names that is not a person: places, bodies, dates. */
  otherNames: Set<string>;
}

export interface NamedBodies {
  /** The organisations and roles the report names. */
  bodies: Entity[];
  /** Word → the bodies (numbered from 1 in `bodies` order) whose names hold it. */
  bodyWords: WordIndex;
}

export interface HeadCount {
  count: number;
  first: number;
}

export interface Prepared {
  entities: SentenceEntities;
  namedBodies: NamedBodies;
  /** Lower-cased names of the people the report names, by length. */
  personNames: Map<number, Set<string>>;
  /** The concepts of everything the report's figures count. */
  counted: Set<string>;
  /** `measureKey` → the places a one-place local figure of that measure is given for. */
  breakdowns: Map<string, Set<string>>;
  /** Paragraph → its facts, in report order. */
  factsByParagraph: Map<number, Fact[]>;
  /**
   * The concept of a fact's verb → each head noun its facts count: in how many of them, and when
   * it is first met (its place among every fact's heads, in report order).
   */
  headsByAction: Map<string, Map<string, HeadCount>>;
  /** `statementKey` → the positions in the table's facts of those stating it, ascending. */
  factsByStatement: Map<string, number[]>;
  /** Paragraph → the position in `sentences` of its first sentence. */
  firstSentence: Map<number, number>;
  /** Each sentence's text lower-cased, in `sentences` order. */
  lowered: string[];
  /** The sentences that count something in words ("a handful of boats"), in report order. */
  countingInWords: SentenceDoc[];
  /** Word → the `countingInWords` (by position) where it follows a count in words closely enough to be counted. */
  countedInWords: WordIndex;
  /** The report's words grouped by their first `ROOT_START` letters, lower-cased. */
  wordsByStart: Map<string, string[]>;
  /** By paragraph number (position from 1), 1 where it is a reporter's question of a transcript. */
  reportersQuestions: Uint8Array;
  /**
   * The report's own terms and the plain nouns it glosses them with (`glossesIn`), read on the
   * first question that asks a noun the report's figures never count: telling a term from a plain
   * noun needs the English dictionary, which a build should not load.
   */
  glosses: () => readonly Gloss[];
}

/** "dozens", "a handful": longest first, so "hundreds of thousands" is read whole. */
export const VAGUE_COUNTS = [...UNITS.vagueCounts].sort((a, b) => b.length - a.length).join("|");
const VAGUE_COUNT = new RegExp(String.raw`\b(?:${VAGUE_COUNTS})\s`, "i");
const EVERY_VAGUE_COUNT = new RegExp(VAGUE_COUNT.source, "gi");
/**
 * How many words from where a count in words begins its counted noun can stand: the count itself
 * (up to three words), "of", three modifiers and the noun, with room to spare; a count beginning
 * inside another ("thousands" in "hundreds of thousands") reaches no further than this from it.
 */
export const COUNTED_REACH = 12;

/** The words a count in words can count in a sentence: those up to COUNTED_REACH from each count. */
function countedWordsOf(text: string): string {
  const reached: string[] = [];
  for (const match of text.matchAll(EVERY_VAGUE_COUNT))
    reached.push(...text.slice(match.index).split(/\s+/, COUNTED_REACH));
  return reached.join(" ");
}

/** What a figure states: its value, unit and subject; the same figure stated again shares it. */
export function statementKey(fact: Fact): string {
  return `${fact.value}\u0000${fact.unit ?? "\u0001"}\u0000${fact.subject}`;
}

/** What is counted, in what: one line of a breakdown by place. */
export function measureKey(fact: Fact): string {
  return `${fact.subject.toLowerCase()}|${fact.unit}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function entitiesOf(index: ReportIndexData): SentenceEntities {
  const found: SentenceEntities = {
    bySentence: new Map(),
    dated: new Set(),
    otherNames: new Set(index.placeParagraphs.keys()),
  };
  for (const entity of index.table.entities) {
    const key = `${entity.paragraph}:${entity.sentence}`;
    push(found.bySentence, key, entity);
    if (entity.kind === "date") found.dated.add(key);
    if (entity.kind !== "person") found.otherNames.add(entity.name.toLowerCase());
  }
  return found;
}

function namedBodiesOf(entities: readonly Entity[]): NamedBodies {
  const bodies = entities.filter((e) => e.kind === "organization" || e.kind === "role");
  return {
    bodies,
    bodyWords: buildWordIndex(bodies.map((body, i) => ({ number: i + 1, text: body.name }))),
  };
}

function personNamesOf(entities: readonly Entity[]): Map<number, Set<string>> {
  const byLength = new Map<number, Set<string>>();
  for (const entity of entities) {
    if (entity.kind !== "person") continue;
    const name = entity.name.toLowerCase();
    const names = byLength.get(name.length) ?? new Set();
    names.add(name);
    byLength.set(name.length, names);
  }
  return byLength;
}

function breakdownsOf(facts: readonly Fact[]): Map<string, Set<string>> {
  const byMeasure = new Map<string, Set<string>>();
  for (const fact of facts) {
    if (fact.scope !== "local" || fact.places.length !== 1) continue;
    const places = byMeasure.get(measureKey(fact)) ?? new Set();
    places.add(fact.places[0] as string);
    byMeasure.set(measureKey(fact), places);
  }
  return byMeasure;
}

/** Only paragraphs holding every word of a vague count are read. */
function countingInWordsOf(index: ReportIndexData, first: Map<number, number>): SentenceDoc[] {
  const paragraphs = new Set<number>();
  for (const vague of UNITS.vagueCounts)
    for (const p of paragraphsWithWords(index.paragraphWords, vague) ?? []) paragraphs.add(p);
  const found: SentenceDoc[] = [];
  for (const paragraph of [...paragraphs].sort((a, b) => a - b)) {
    for (let i = first.get(paragraph) ?? index.sentences.length; i < index.sentences.length; i++) {
      const sentence = index.sentences[i] as SentenceDoc;
      if (sentence.paragraph !== paragraph) break;
      if (VAGUE_COUNT.test(sentence.text)) found.push(sentence);
    }
  }
  return found;
}

/** "Q: Is the ministry still seeking the …": a transcript's question from the floor. */
const REPORTERS_QUESTION = /^\s*(?:Q|QUESTION)\s*[:.]\s/;

function reportersQuestionsOf(paragraphs: ReportIndexData["report"]["paragraphs"]): Uint8Array {
  const asked = new Uint8Array(paragraphs.length + 1);
  paragraphs.forEach(({ text }, i) => {
    if (REPORTERS_QUESTION.test(text)) asked[i + 1] = 1;
  });
  return asked;
}

function headsByActionOf(docs: ReportIndexData["factDocs"]): Map<string, Map<string, HeadCount>> {
  const byAction = new Map<string, Map<string, HeadCount>>();
  let met = 0;
  for (const doc of docs) {
    if (!doc.fact.action) continue;
    const action = concept(doc.fact.action);
    let heads = byAction.get(action);
    if (!heads) {
      heads = new Map();
      byAction.set(action, heads);
    }
    for (const head of doc.heads) {
      const known = heads.get(head);
      if (known) known.count++;
      else heads.set(head, { count: 1, first: met });
      met++;
    }
  }
  return byAction;
}

function wordsByStartOf(words: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const word of words)
    if (word.length >= ROOT_START) push(groups, word.slice(0, ROOT_START).toLowerCase(), word);
  return groups;
}

function prepare(index: ReportIndexData): Prepared {
  const { entities, facts } = index.table;
  const factsByParagraph = new Map<number, Fact[]>();
  const factsByStatement = new Map<string, number[]>();
  for (const [i, fact] of facts.entries()) {
    push(factsByParagraph, fact.paragraph, fact);
    push(factsByStatement, statementKey(fact), i);
  }
  const firstSentence = new Map<number, number>();
  for (const [i, sentence] of index.sentences.entries())
    if (!firstSentence.has(sentence.paragraph)) firstSentence.set(sentence.paragraph, i);
  const countingInWords = countingInWordsOf(index, firstSentence);
  return {
    entities: entitiesOf(index),
    namedBodies: namedBodiesOf(entities),
    personNames: personNamesOf(entities),
    counted: new Set(index.factDocs.flatMap((doc) => [...doc.subject])),
    breakdowns: breakdownsOf(facts),
    factsByParagraph,
    factsByStatement,
    headsByAction: headsByActionOf(index.factDocs),
    firstSentence,
    lowered: index.sentences.map((doc) => doc.text.toLowerCase()),
    countingInWords,
    countedInWords: buildWordIndex(
      countingInWords.map((sentence, i) => ({ number: i, text: countedWordsOf(sentence.text) })),
    ),
    wordsByStart: wordsByStartOf(index.spelling.counts.keys()),
    reportersQuestions: reportersQuestionsOf(index.report.paragraphs),
    glosses: once(() => index.report.paragraphs.flatMap((paragraph) => glossesIn(paragraph.text))),
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

const preparedCache = new WeakMap<ReportIndexData["table"], Prepared>();

/** The report's prepared look-ups: built with its index, or here on first use for an index made by hand. */
export function preparedOf(index: ReportIndexData): Prepared {
  let found = preparedCache.get(index.table);
  if (!found) {
    found = prepare(index);
    preparedCache.set(index.table, found);
  }
  return found;
}
