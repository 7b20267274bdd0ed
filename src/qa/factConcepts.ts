import type { Fact } from "../facts/schema.js";
import { concept } from "./vocabulary.js";

/** Where a fact's own words use a concept: bits of `FactConcepts.ownFlags`. */
export const OWN = { core: 1, near: 2, head: 4, verb: 8, subject: 16 } as const;

/** What a figure is, as scoring reads it: bits of `FactConcepts.factFlags`. */
export const FACT = {
  /** A mass or volume (`Fact.base`). */
  measured: 1,
  /** National in scope. */
  national: 2,
  /** Before the report's first section heading. */
  unsectioned: 4,
} as const;

/**
 * Every fact's concepts by where it uses them, in flat typed arrays by fact id, concepts as
 * numbers. A question's shortlist reads where each of several hundred facts uses each concept
 * asked; in a very large report the facts' own Sets lie scattered over a heap of hundreds of
 * megabytes, and a look-up in each costs more than the scoring it feeds. Here a fact's concepts sit
 * side by side, and facts next to each other in the report next to each other in memory.
 */
export interface FactConcepts {
  /** Concept → its number. */
  ids: Map<string, number>;
  /** A fact's own concepts, with their OWN bits: entries ownStart[f] up to ownStart[f + 1]. */
  ownStart: Uint32Array;
  ownConcept: Uint32Array;
  ownFlags: Uint8Array;
  /** The shared set of a fact's sentence concepts, and of its paragraph's. */
  sentenceSet: Uint32Array;
  paragraphSet: Uint32Array;
  /** Shared sets, each ascending: entries setStart[s] up to setStart[s + 1]. */
  setStart: Uint32Array;
  setConcept: Uint32Array;
  /**
   * Each fact's paragraph number, FACT bits and unit, so the shortlist of a very large report scores
   * hundreds of facts without reading their docs, scattered over the heap.
   */
  paragraph: Uint32Array;
  factFlags: Uint8Array;
  unit: (string | null)[];
}

function factFlagsOf(fact: Fact): number {
  return (
    (fact.base ? FACT.measured : 0) |
    (fact.scope === "national" ? FACT.national : 0) |
    (fact.section === null ? FACT.unsectioned : 0)
  );
}

/** What of a fact doc these arrays hold (FactDoc's fields of the same names). */
export interface ConceptSets {
  fact: Fact;
  core: ReadonlySet<string>;
  near: ReadonlySet<string>;
  heads: ReadonlySet<string>;
  subject: ReadonlySet<string>;
  leadVerbs: readonly string[];
  context: ReadonlySet<string>;
  paragraph: ReadonlySet<string>;
}

/** The verbs a fact states: its own, then those just before it. */
function verbsOf(doc: ConceptSets): string[] {
  return doc.fact.action !== null
    ? [concept(doc.fact.action), ...doc.leadVerbs]
    : [...doc.leadVerbs];
}

export function factConceptsOf(docs: readonly ConceptSets[]): FactConcepts {
  const ids = new Map<string, number>();
  const idOf = (c: string) => {
    let id = ids.get(c);
    if (id === undefined) {
      id = ids.size;
      ids.set(c, id);
    }
    return id;
  };
  const ownStart = new Uint32Array(docs.length + 1);
  const ownConcept: number[] = [];
  const ownFlags: number[] = [];
  // A sentence's and a paragraph's concepts are one Set shared by their facts: stored once.
  const sets = new Map<ReadonlySet<string>, number>();
  const setStart = [0];
  const setConcept: number[] = [];
  const setOf = (set: ReadonlySet<string>) => {
    let at = sets.get(set);
    if (at === undefined) {
      at = sets.size;
      sets.set(set, at);
      for (const id of [...set].map(idOf).sort((a, b) => a - b)) setConcept.push(id);
      setStart.push(setConcept.length);
    }
    return at;
  };
  const sentenceSet = new Uint32Array(docs.length);
  const paragraphSet = new Uint32Array(docs.length);
  const paragraph = new Uint32Array(docs.length);
  const factFlags = new Uint8Array(docs.length);
  // A fact's own bits by concept, gathered across its Sets and cleared after it.
  const bits: number[] = [];
  docs.forEach((doc, f) => {
    const mine: number[] = [];
    const mark = (concepts: Iterable<string>, flag: number) => {
      for (const c of concepts) {
        const id = idOf(c);
        while (bits.length <= id) bits.push(0);
        if (bits[id] === 0) mine.push(id);
        bits[id] = (bits[id] as number) | flag;
      }
    };
    mark(doc.core, OWN.core);
    mark(doc.near, OWN.near);
    mark(doc.heads, OWN.head);
    mark(doc.subject, OWN.subject);
    mark(verbsOf(doc), OWN.verb);
    for (const id of mine) {
      ownConcept.push(id);
      ownFlags.push(bits[id] as number);
      bits[id] = 0;
    }
    ownStart[f + 1] = ownConcept.length;
    paragraph[f] = doc.fact.paragraph;
    factFlags[f] = factFlagsOf(doc.fact);
    sentenceSet[f] = setOf(doc.context);
    paragraphSet[f] = setOf(doc.paragraph);
  });
  return {
    ids,
    ownStart,
    ownConcept: Uint32Array.from(ownConcept),
    ownFlags: Uint8Array.from(ownFlags),
    sentenceSet,
    paragraphSet,
    setStart: Uint32Array.from(setStart),
    setConcept: Uint32Array.from(setConcept),
    paragraph,
    factFlags,
    unit: docs.map((doc) => doc.fact.unit),
  };
}

/** Concepts as numbers, -1 for one no fact uses. */
export function conceptIds(concepts: FactConcepts, asked: readonly string[]): Int32Array {
  return Int32Array.from(asked, (c) => concepts.ids.get(c) ?? -1);
}

/** Sets `flags[i]` to the OWN bits with which fact `fact` uses concept `asked[i]` (0: not its own). */
export function ownFlagsOf(
  concepts: FactConcepts,
  fact: number,
  asked: Int32Array,
  flags: Uint8Array,
): void {
  flags.fill(0);
  const end = concepts.ownStart[fact + 1] as number;
  for (let k = concepts.ownStart[fact] as number; k < end; k++) {
    const id = concepts.ownConcept[k] as number;
    for (let i = 0; i < asked.length; i++)
      if (asked[i] === id) flags[i] = concepts.ownFlags[k] as number;
  }
}

function inSet(concepts: FactConcepts, set: number, id: number): boolean {
  let low = concepts.setStart[set] as number;
  let high = concepts.setStart[set + 1] as number;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = concepts.setConcept[mid] as number;
    if (at === id) return true;
    if (at < id) low = mid + 1;
    else high = mid;
  }
  return false;
}

/** Whether fact `fact`'s sentence uses concept `id`. */
export function inSentence(concepts: FactConcepts, fact: number, id: number): boolean {
  return id >= 0 && inSet(concepts, concepts.sentenceSet[fact] as number, id);
}

/** Whether fact `fact`'s paragraph uses concept `id`. */
export function inParagraph(concepts: FactConcepts, fact: number, id: number): boolean {
  return id >= 0 && inSet(concepts, concepts.paragraphSet[fact] as number, id);
}
