import { findPlacesInQuestion } from "../../facts/places.js";
import { isAge, personAged } from "../../facts/readers/age.js";
import type { Fact } from "../../facts/schema.js";
import { countUnit, singularize } from "../../facts/units.js";
import { UNITS } from "../../lexicon/units.js";
import type { ReportIndex } from "../reportIndex.js";

/**
 * "Which cutter seized the most", "which defendant got the shortest sentence": the things ranked
 * are named, not counted. A figure belongs to the thing of the kind asked that its sentence names
 * before it: "the cutter Stratton … 57,900 pounds", "Cutter Munro: 39,750 pounds", or, for a kind
 * of person, "Dana Reyes, 41, of Eastport, was sentenced to 37 months".
 */

/** A capitalised name of one to four words: "Stratton", "James Monroe", "Dana Lee Reyes". */
const NAME = String.raw`[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}`;

/** A word of the kind, any case at its start, singular or plural. */
function kindWord(word: string): string {
  const singular = singularize(word.toLowerCase()).replace(/[^\p{L}\d'’-]/gu, "");
  const first = singular.charAt(0);
  return `[${first}${first.toUpperCase()}]${singular.slice(1)}s?`;
}

/**
 * "the cutter Stratton", "Patrol boat Heron": the kind's words, any case, then a capitalised name;
 * the word after the kind asked ("which patrol boat") may belong to it.
 */
function namedAfterKind(kind: string, next: string | undefined): RegExp {
  const more = next && /^\p{L}+$/u.test(next) ? String.raw`(?:\s+${kindWord(next)})?` : "";
  return new RegExp(String.raw`\b${kindWord(kind)}${more}\s+(${NAME})`, "g");
}

/** A name of two to four capitalised words, as a person is named in full. */
const FULL_NAME = /[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}/g;
/** Words that open a capitalised run but name no one: "The", "In", "Officials". */
const NOT_A_PERSON = /^(?:The|A|An|In|On|At|By|For|Of|And|But|U\.S\.|US)\b/;

export interface Holders {
  /** The name of the thing of the kind asked a figure is said of, or null. */
  of(fact: Fact): string | null;
}

/** The last match of a pattern in a text, before a point. */
function lastBefore(pattern: RegExp, text: string, end: number): string | null {
  let found: string | null = null;
  for (const match of text.slice(0, end).matchAll(pattern)) found = match[1] ?? match[0];
  return found;
}

const NO_ONE_AGED: ReadonlyMap<string, string[]> = new Map();
const agedPeople = new WeakMap<ReportIndex, ReadonlyMap<string, string[]>>();

/** Per sentence ("paragraph:sentence"), the people it gives an age, worked out once per report. */
function agedPeopleOf(index: ReportIndex): ReadonlyMap<string, string[]> {
  let aged = agedPeople.get(index);
  if (!aged) {
    const bySentence = new Map<string, string[]>();
    for (const { fact } of index.factDocs) {
      const person = personAged(fact);
      if (!person) continue;
      const key = `${fact.paragraph}:${fact.sentence}`;
      bySentence.set(key, [...(bySentence.get(key) ?? []), person]);
    }
    aged = bySentence;
    agedPeople.set(index, aged);
  }
  return aged;
}

/** The figures' holders for a kind asked ("cutter", "defendant"), read from each one's sentence. */
export function holdersOf(kind: string, next: string | undefined, index: ReportIndex): Holders {
  const isPerson =
    countUnit(kind) === "person" || (next !== undefined && countUnit(next) === "person");
  const afterKind = namedAfterKind(kind, next);
  const agedIn = isPerson ? agedPeopleOf(index) : NO_ONE_AGED;
  const personIn = (fact: Fact, end: number) => {
    const aged = agedIn.get(`${fact.paragraph}:${fact.sentence}`);
    if (aged) return aged[aged.length - 1] ?? null;
    // Where the report gives the people it is about their ages, a name without one is someone
    // else: the judge, a lawyer, a spokesman.
    if (agedIn.size > 0) return null;
    for (const match of fact.quote.slice(0, end).matchAll(FULL_NAME)) {
      const name = match[0];
      if (!NOT_A_PERSON.test(name) && findPlacesInQuestion(name).length === 0) return name;
    }
    return null;
  };
  return {
    of(fact) {
      const at = fact.quote.indexOf(fact.text);
      const end = at < 0 ? fact.quote.length : at;
      return lastBefore(afterKind, fact.quote, end) ?? (isPerson ? personIn(fact, end) : null);
    },
  };
}

/** Days in a span of time ("37 months"), null for a figure that is no span (nor an age). */
export function daysIn(fact: Fact): number | null {
  if (isAge(fact)) return null;
  const days = UNITS.durationDays[fact.unit ?? ""];
  return days === undefined ? null : fact.value * days;
}
