import { participleOf } from "../facts/lexicon.js";
import type { Fact } from "../facts/schema.js";
import { PLACE_WORDS } from "../lexicon/gazetteer.js";

const UNIT_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    t: "tons",
    kg: "kilograms",
    g: "grams",
    mg: "milligrams",
    lb: "pounds",
    oz: "ounces",
    L: "litres",
    ha: "hectares",
    percent: "%",
  }),
);

const TAKES_THE: ReadonlySet<string> = new Set(PLACE_WORDS.takesThe);

/** A place as a sentence names it: "the Netherlands", "Spain". */
export function placeName(place: string): string {
  return TAKES_THE.has(place) ? `the ${place}` : place;
}

export function pastParticiple(action: string | null): string | null {
  return action ? participleOf(action) : null;
}

/** "1,320", "4.2 tons", "$1.2 billion", "12%". */
export function formatFigure(fact: Fact): string {
  const number = formatNumber(fact.value);
  if (!fact.unit) return number;
  if (fact.unit === "percent") return `${number}%`;
  if (fact.unit === "USD") return `$${number}`;
  if (/^[A-Z]{3}$/.test(fact.unit)) return `${number} ${fact.unit}`;
  const word = UNIT_WORDS.get(fact.unit);
  if (word) return `${number} ${word}`;
  return fact.subject ? `${number} ${fact.subject}` : `${number} ${fact.unit}`;
}

export function formatNumber(value: number): string {
  if (Math.abs(value) >= 1e9 && value % 1e7 === 0) return `${trim(value / 1e9)} billion`;
  if (Math.abs(value) >= 1e6 && value % 1e4 === 0) return `${trim(value / 1e6)} million`;
  return PRECISE.format(value);
}

/** Made once: `toLocaleString` with options builds a formatter on every call. */
const PRECISE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
const ROUNDED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

function trim(value: number): string {
  return ROUNDED.format(value);
}

/** Figure with its qualifier and what it counts: "more than 2,000 people". */
export function describeFact(fact: Fact): string {
  const person = /^age of (.+)$/.exec(fact.subject)?.[1];
  if (person && fact.unit === "year") return `${person}, aged ${formatNumber(fact.value)}`;
  const figure = formatFigure(fact);
  const qualifier = fact.qualifier && fact.qualifier !== "a total of" ? `${fact.qualifier} ` : "";
  const measured =
    fact.unit && UNIT_WORDS.get(fact.unit) && fact.subject && fact.unit !== "percent"
      ? ` of ${fact.subject}`
      : "";
  const currencyOf =
    fact.unit && /^[A-Z]{3}$/.test(fact.unit) && fact.subject ? ` (${fact.subject})` : "";
  return `${qualifier}${figure}${measured}${currencyOf}`;
}
