import { actionLemma, participleOf } from "../facts/lexicon.js";
import type { Fact } from "../facts/schema.js";
import { PLACE_WORDS } from "../lexicon/gazetteer.js";
import { GRAMMAR } from "../lexicon/language.js";

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
  return groupedDecimal(value, PRECISE_DIGITS) ?? precise().format(value);
}

const PRECISE_DIGITS = 6;
const ROUNDED_DIGITS = 3;

/**
 * "12,655.25": what en-US Intl.NumberFormat writes for a number whose shortest decimal form has at
 * most `maxFraction` decimals and no exponent (Intl starts from that same shortest form, so there
 * is nothing to round); null for anything else, which Intl formats. Most figures take this path,
 * and a one-question CLI then never pays the ~20 ms ICU spends making its first formatter.
 */
export function groupedDecimal(value: number, maxFraction: number): string | null {
  if (!Number.isFinite(value) || Object.is(value, -0)) return null;
  const text = String(value);
  if (text.includes("e")) return null;
  const negative = value < 0;
  const digits = negative ? text.slice(1) : text;
  const dot = digits.indexOf(".");
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const fraction = dot < 0 ? "" : digits.slice(dot + 1);
  if (fraction.length > maxFraction) return null;
  const grouped = whole.replace(/\B(?=(?:\d{3})+$)/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction === "" ? "" : `.${fraction}`}`;
}

/** Made once, on first use: `toLocaleString` with options builds a formatter on every call. */
let preciseFormat: Intl.NumberFormat | null = null;
let roundedFormat: Intl.NumberFormat | null = null;
function precise(): Intl.NumberFormat {
  preciseFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: PRECISE_DIGITS });
  return preciseFormat;
}
function rounded(): Intl.NumberFormat {
  roundedFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: ROUNDED_DIGITS });
  return roundedFormat;
}

function trim(value: number): string {
  return groupedDecimal(value, ROUNDED_DIGITS) ?? rounded().format(value);
}

/** Figure with its qualifier and what it counts: "more than 2,000 people". */
const VERB_FORMS: ReadonlySet<string> = new Set(GRAMMAR.verbForms);

/**
 * Whether the words read as what a sum is for name a thing, worth showing beside it: not a verb
 * ("Maine awarded $4 million", "will receive $2 million"), an adverb ("$9 million separately") or
 * a scrap of one or two letters.
 */
export function namesAThing(subject: string): boolean {
  const split = subject.split(/\s+/).filter(Boolean);
  const last = split.at(-1) ?? "";
  if (last.length <= 2 || /ed$/.test(last) || VERB_FORMS.has(last)) return false;
  if (split.length > 1) return true;
  return !/ly$/.test(last) && (actionLemma(last) === null || /s$/.test(last));
}

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
    fact.unit && /^[A-Z]{3}$/.test(fact.unit) && namesAThing(fact.subject)
      ? ` (${fact.subject})`
      : "";
  return `${qualifier}${figure}${measured}${currencyOf}`;
}
