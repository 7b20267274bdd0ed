/** Unit lexicon: measures written after a number, and the count nouns that act as units. */

export type MeasureKind = "mass" | "volume" | "currency" | "percent" | "length" | "area";

export interface Measure {
  unit: string;
  kind: MeasureKind;
  /** Multiply by this to get the base unit of the kind (kg, L, m, ha); null when not convertible. */
  toBase: number | null;
  /** Characters of the text that the unit words take, including leading space. */
  length: number;
}

const BASE_UNIT: Partial<Record<MeasureKind, string>> = { mass: "kg", volume: "L" };

interface MeasureWord {
  pattern: string;
  unit: string;
  kind: MeasureKind;
  toBase: number | null;
}

const MEASURE_WORDS: MeasureWord[] = [
  {
    pattern: "metric\\s+tons?|metric\\s+tonnes?|tonnes?|tons?|t",
    unit: "t",
    kind: "mass",
    toBase: 1000,
  },
  { pattern: "kilograms?|kilogrammes?|kilos?|kgs?", unit: "kg", kind: "mass", toBase: 1 },
  { pattern: "milligrams?|mg", unit: "mg", kind: "mass", toBase: 1e-6 },
  { pattern: "grams?|grammes?|g", unit: "g", kind: "mass", toBase: 0.001 },
  { pattern: "pounds?(?!\\s+sterling)|lbs?", unit: "lb", kind: "mass", toBase: 0.45359237 },
  { pattern: "ounces?|oz", unit: "oz", kind: "mass", toBase: 0.028349523125 },
  { pattern: "litres?|liters?|l", unit: "L", kind: "volume", toBase: 1 },
  { pattern: "millilitres?|milliliters?|ml", unit: "mL", kind: "volume", toBase: 0.001 },
  { pattern: "gallons?", unit: "gal", kind: "volume", toBase: 3.785411784 },
  {
    pattern: "%|percent|per\\s+cent|percentage\\s+points?",
    unit: "percent",
    kind: "percent",
    toBase: null,
  },
  { pattern: "(?:US\\s+|U\\.S\\.\\s+)?dollars?|usd", unit: "USD", kind: "currency", toBase: null },
  { pattern: "euros?|eur", unit: "EUR", kind: "currency", toBase: null },
  { pattern: "yuan|rmb|renminbi|cny", unit: "CNY", kind: "currency", toBase: null },
  { pattern: "pounds\\s+sterling|gbp", unit: "GBP", kind: "currency", toBase: null },
  { pattern: "pesos?", unit: "MXN", kind: "currency", toBase: null },
  { pattern: "baht", unit: "THB", kind: "currency", toBase: null },
  { pattern: "rupees?", unit: "INR", kind: "currency", toBase: null },
  { pattern: "hectares?|ha", unit: "ha", kind: "area", toBase: 1 },
  { pattern: "acres?", unit: "acre", kind: "area", toBase: 0.40468564224 },
  {
    pattern: "square\\s+kilometres?|square\\s+kilometers?|km2|km²",
    unit: "km2",
    kind: "area",
    toBase: 100,
  },
  { pattern: "kilometres?|kilometers?|km", unit: "km", kind: "length", toBase: 1000 },
  { pattern: "miles?", unit: "mi", kind: "length", toBase: 1609.344 },
  { pattern: "metres?|meters?", unit: "m", kind: "length", toBase: 1 },
];

const MEASURE_PATTERNS = MEASURE_WORDS.map((word) => ({
  ...word,
  regex: new RegExp(`^(?:\\s?-?\\s?)(?:${word.pattern})(?![\\w%])`, "i"),
}));

/** A measure unit right after a number ("4.2 tons", "12%", "$3 million dollars"). */
export function measureAfter(rest: string): Measure | null {
  for (const word of MEASURE_PATTERNS) {
    const match = word.regex.exec(rest);
    if (!match) continue;
    // A bare "t", "g", "l" or "m" only counts when glued to the number or followed by punctuation.
    if (/^\s?-?\s?[tglm]$/i.test(match[0]) && /^\s/.test(rest)) continue;
    return { unit: word.unit, kind: word.kind, toBase: word.toBase, length: match[0].length };
  }
  return null;
}

export function baseOf(value: number, measure: Pick<Measure, "kind" | "toBase">) {
  const unit = BASE_UNIT[measure.kind];
  if (!unit || measure.toBase === null) return null;
  return { value: Number.parseFloat((value * measure.toBase).toPrecision(12)), unit };
}

const COUNT_UNITS = new Map<string, string>(
  Object.entries({
    case: "case",
    crime: "case",
    offence: "case",
    offense: "case",
    incident: "case",
    suspect: "person",
    person: "person",
    people: "person",
    individual: "person",
    addict: "person",
    user: "person",
    trafficker: "person",
    dealer: "person",
    smuggler: "person",
    courier: "person",
    fugitive: "person",
    offender: "person",
    criminal: "person",
    member: "person",
    defendant: "person",
    victim: "person",
    officer: "person",
    arrest: "person",
    target: "person",
    foreigner: "person",
    abuser: "person",
    inmate: "person",
    prisoner: "person",
    patient: "person",
    graduate: "person",
    agent: "person",
    child: "person",
    children: "person",
    minor: "person",
    juvenile: "person",
    youth: "person",
    woman: "person",
    women: "person",
    man: "person",
    men: "person",
    teenager: "person",
    firearm: "firearm",
    aircraft: "aircraft",
    plane: "aircraft",
    airplane: "aircraft",
    gun: "firearm",
    handgun: "firearm",
    pistol: "firearm",
    rifle: "firearm",
    revolver: "firearm",
    weapon: "firearm",
    personality: "person",
    personnel: "person",
    surrenderer: "person",
    worker: "person",
    official: "person",
    kingpin: "person",
    leader: "person",
    passenger: "person",
    arrestee: "person",
    detainee: "person",
    national: "person",
    citizen: "person",
    resident: "person",
    migrant: "person",
    gang: "gang",
    ring: "gang",
    network: "gang",
    syndicate: "gang",
    cartel: "gang",
    group: "gang",
    organization: "gang",
    organisation: "gang",
    pill: "pill",
    tablet: "pill",
    capsule: "pill",
    dose: "dose",
    province: "province",
    region: "region",
    state: "state",
    country: "country",
    nation: "country",
    city: "city",
    county: "county",
    district: "district",
    day: "day",
    week: "week",
    month: "month",
    year: "year",
    hour: "hour",
  }),
);

/** Unit for a counted head noun: "suspects" → person, "cases" → case, "laboratories" → laboratory. */
export function countUnit(headNoun: string): string {
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
