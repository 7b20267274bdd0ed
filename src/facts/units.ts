/** Unit lexicon (src/lexicon/units.json): measures written after a number, and count nouns. */
import { type MeasureKind, UNITS } from "../lexicon/units.js";
import { BoundedMemory } from "../text/memory.js";
import { isPeopleDemonym } from "./places.js";

export type { MeasureKind };

export interface Measure {
  unit: string;
  kind: MeasureKind;
  /** Multiply by this to get the base unit of the kind (kg, L, m, ha); null when not convertible. */
  toBase: number | null;
  /** Characters of the text that the unit words take, including leading space. */
  length: number;
}

const MEASURE_PATTERNS = UNITS.units.map((word) => ({
  ...word,
  regex: new RegExp(`^(?:\\s?-?\\s?)(?:${word.pattern})(?![\\w%])`, "i"),
}));

/**
 * Matches where any one unit's pattern does: most texts after a number, and most question words,
 * name no unit, and one failed match costs less than one per unit.
 */
const ANY_MEASURE = new RegExp(
  `^(?:\\s?-?\\s?)(?:${UNITS.units.map((word) => `(?:${word.pattern})`).join("|")})(?![\\w%])`,
  "i",
);

/** A measure unit right after a number ("6.35 tons", "12%", "$3 million dollars"). */
export function measureAfter(rest: string): Measure | null {
  if (!ANY_MEASURE.test(rest)) return null;
  for (const word of MEASURE_PATTERNS) {
    const match = word.regex.exec(rest);
    if (!match) continue;
    // A bare "t", "g", "l" or "m" only counts when glued to the number or followed by punctuation.
    if (/^\s?-?\s?[tglm]$/i.test(match[0]) && /^\s/.test(rest)) continue;
    return { unit: word.unit, kind: word.kind, toBase: word.toBase, length: match[0].length };
  }
  return null;
}

/** Words looked up already: questions share them, and a look-up tries every unit's pattern. */
const NAMED_MEASURES_KEPT = 20_000;
const namedMeasures = new BoundedMemory<Measure | null>(NAMED_MEASURES_KEPT);

/** The measure a word or phrase names as if written after a number: "tons" → t. */
export function measureNamedBy(words: string): Measure | null {
  return namedMeasures.recall(words, (named) => measureAfter(` ${named}`));
}

export function baseOf(value: number, measure: Pick<Measure, "kind" | "toBase">) {
  const unit = UNITS.baseUnits[measure.kind];
  if (!unit || measure.toBase === null) return null;
  return { value: Number.parseFloat((value * measure.toBase).toPrecision(12)), unit };
}

const COUNT_UNITS: ReadonlyMap<string, string> = new Map(
  Object.entries(UNITS.countNouns).flatMap(([unit, nouns]) => nouns.map((noun) => [noun, unit])),
);

/** Unit for a counted head noun: "suspects" → person, "cases" → case, "laboratories" → laboratory. */
export function countUnit(headNoun: string): string {
  // "5,000 Canadians" counts people.
  if (isPeopleDemonym(headNoun)) return "person";
  const singular = singularize(headNoun.toLowerCase());
  return COUNT_UNITS.get(singular) ?? singular;
}

export function singularize(word: string): string {
  if (word === "people") return "people";
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

export const TIME_UNITS = new Set(["day", "week", "month", "year", "hour"]);

/** What a rate is stated per ("40 a day", "twice a quarter"): the time units, and two that measure no span. */
export const RATE_PERIODS: readonly string[] = [...TIME_UNITS, "night", "quarter"];

/** `RATE_PERIODS` as one alternation for the patterns that read rates. */
export const RATE_PERIOD_PATTERN = `(?:${RATE_PERIODS.join("|")})`;
