/** Finds numeric expressions in prose: digits, grouped digits, scale words and number words. */
import { UNITS } from "../lexicon/units.js";
import { matchesOf } from "../text/matches.js";

export interface NumberMatch {
  value: number;
  /** Offsets of the number itself (with scale word and currency sign) in the sentence. */
  start: number;
  end: number;
  text: string;
  /** Currency written with the number ("$", "US$", "€", "¥"...), normalised to a code. */
  currency: string | null;
  /** Spelled out ("ten"), which matters for false-positive filtering. */
  isWord: boolean;
}

const SCALES: ReadonlyMap<string, number> = new Map(Object.entries(UNITS.scales));

const UNITS_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
/** The word a small whole number is spelled out as ("2" → "two"), or null. */
export function numberWordOf(value: number): string | null {
  for (const [word, n] of UNITS_WORDS) if (n === value) return word;
  return null;
}

const TENS_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);

const CURRENCIES = UNITS.units.filter((unit) => unit.kind === "currency");

/** Sign or code as written → currency code: "US$" → USD, "€" → EUR, "Rs." → INR. */
const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map(
  CURRENCIES.flatMap((currency) =>
    [...(currency.signs ?? []), currency.unit].map((sign) => [sign.toLowerCase(), currency.unit]),
  ),
);

function escapeSign(sign: string): string {
  return sign.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const WORD_NUMBER_PART = `(?:${[...UNITS_WORDS.keys(), ...TENS_WORDS.keys(), "hundred", "a hundred", "dozen", "a dozen"].join("|")})`;
// "one and a half million", "half a million" (a half alone is no figure: "half of the cases").
const WORD_NUMBER = `half\\s+a|${WORD_NUMBER_PART}(?:[\\s-]+(?:and\\s+)?${WORD_NUMBER_PART})*(?:\\s+and\\s+a\\s+half)?`;
const DIGITS = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?|\.\d+`;
// "4.6 ten thousand" and "2.5 hundred million" are how translations render 万 and 亿.
const SCALE = String.raw`(?:\s?(?:ten thousand|hundred million|thousand|millions?|billions?|trillion|lakhs?|crores?|mln|mn|bn)\b|(?:k|m|bn|b)\b)`;
/** Longest sign first, so "US$" is read before "$"; a sign that is a word needs a word break. */
const CURRENCY = `(?:${[...CURRENCY_SIGNS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((sign) => (/^[a-z]/.test(sign) ? `${escapeSign(sign)}(?![a-z])` : escapeSign(sign)))
  .join("|")})\\s?`;

const NUMBER_PATTERN = new RegExp(
  String.raw`(?<![\w.$€£¥₹₱])(${CURRENCY})?(?:(${DIGITS})|\b(${WORD_NUMBER})\b)(${SCALE})?(?:(?![\w])|(?=(?:kgs?|lbs?|mg|ml|km|g|t)\b))`,
  "gi",
);

/** "one", "twenty", "hundred", "half": a word that starts or continues a written-out number. */
export function isNumberWord(word: string): boolean {
  return UNITS_WORDS.has(word) || TENS_WORDS.has(word) || /^(?:hundred|dozen|half)$/.test(word);
}

/** A small whole number as written, in digits or words ("3", "five"); null for anything else. */
export function smallNumber(text: string): number | null {
  if (/^\d{1,3}$/.test(text)) return Number(text);
  return isNumberWord(text.toLowerCase()) ? wordsToNumber(text) : null;
}

function wordsToNumber(words: string): number | null {
  let total = 0;
  let current = 0;
  for (const raw of words.toLowerCase().split(/[\s-]+/)) {
    if (raw === "and" || raw === "a") continue;
    if (raw === "half") {
      current += 0.5;
      continue;
    }
    const unit = UNITS_WORDS.get(raw) ?? TENS_WORDS.get(raw);
    if (unit !== undefined) current += unit;
    else if (raw === "hundred") current = (current || 1) * 100;
    else if (raw === "dozen") current = (current || 1) * 12;
    else return null;
  }
  total += current;
  return total;
}

function currencyCode(sign: string | undefined): string | null {
  if (!sign) return null;
  return CURRENCY_SIGNS.get(sign.trim().toLowerCase()) ?? null;
}

function scaleOf(raw: string | undefined, hasCurrency: boolean): number | null {
  if (!raw) return 1;
  const word = raw.trim().toLowerCase().replace(/\s+/g, " ");
  // "5m" or "3b" only mean million/billion next to money; otherwise "5 m" is metres.
  if ((word === "m" || word === "b" || word === "k") && !hasCurrency) return null;
  return SCALES.get(word) ?? null;
}

export function findNumbers(sentence: string): NumberMatch[] {
  const matches: NumberMatch[] = [];
  for (const match of matchesOf(NUMBER_PATTERN, sentence)) {
    const [whole, sign, digits, words, scaleWord] = match;
    const currency = currencyCode(sign);
    const base = digits
      ? Number(digits.replace(/[,\s\u00a0\u202f]/g, ""))
      : wordsToNumber(words ?? "");
    if (base === null || !Number.isFinite(base)) continue;
    if (/^half/i.test(words ?? "") && !scaleWord) continue;
    const scale = scaleOf(scaleWord, currency !== null);
    const keepScale = scale !== null;
    const text = keepScale ? whole : whole.slice(0, whole.length - (scaleWord?.length ?? 0));
    matches.push({
      value: roundFloat(base * (scale ?? 1)),
      start: match.index,
      end: match.index + text.length,
      text,
      currency,
      isWord: !digits,
    });
  }
  return matches;
}

/** 4.1 × 1e6 is 4099999.9999999995 in floating point; reports never mean that. */
function roundFloat(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
