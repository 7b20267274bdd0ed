import { monthSpanPeriods, yearsIn } from "../facts/dates.js";
import { actionLemma, DRUG_NAMES } from "../facts/lexicon.js";
import { findPlacesInQuestion, type PlaceMention } from "../facts/places.js";
import {
  countUnit,
  measureAfter,
  measureNamedBy,
  RATE_PERIOD_PATTERN,
  singularize,
  TIME_UNITS,
} from "../facts/units.js";
import { GRAMMAR } from "../lexicon/language.js";
import { words } from "../text/tokenize.js";
import { concept, STOP_WORDS } from "./vocabulary.js";

export const MAX_QUESTION_LENGTH = 1000;

/** What kind of answer is wanted: a figure, or words from a sentence. */
export type Intent = "figure" | "sentence";
/** How the facts found are combined: one, all for a place, the most or least, or side by side. */
export type Op = "lookup" | "list" | "max" | "min" | "compare";

export interface ExpectedUnit {
  /** "mass", "currency", "percent"… when the question asks for a measure. */
  kind: "mass" | "volume" | "currency" | "percent" | "length" | "area" | "amount" | null;
  /** A count unit ("person", "case") or a specific measure unit ("t", "lb"). */
  unit: string | null;
}

/** What is counted or measured. */
export interface Measure {
  /** Content concepts (synonyms folded) in order. */
  concepts: string[];
  /** The noun the question counts or measures ("suspects", "drugs"), as written. */
  target: string | null;
  expected: ExpectedUnit;
  /** "per state", "a day", "on average": the denominator of the rate asked for, "" for an average. */
  per: string | null;
  /**
   * "apart from those fined, how many were jailed": the concepts of the part set aside, which the
   * figure asked for is not. Absent when the question sets nothing aside.
   */
  excluded?: string[];
  /**
   * Concepts of the report's words read for question words it never uses ("imprisoned" for
   * "incarcerated", normalize.ts): weighed below a word as asked. Absent when none were.
   */
  bridged?: string[];
}

/** What the figure must be about. */
export interface Filters {
  /** Canonical place names the question names, in order. */
  places: string[];
  /** Place-like words kept as written, to say what the report lacks. */
  placeWords: string[];
  /** The things a comparison or "which of" question sets side by side ("cocaine", "the DEA"). */
  entities: string[];
  /**
   * The report's proper names the question uses, each with its other spellings ("FBI", "Federal
   * Bureau of Investigation"): a figure must be stated with one of them. Filled in against the report.
   */
  names: string[][];
  /** Years the question names ("in 2023"), which favour figures stated for them. */
  period: { years: string[] };
  /**
   * Places that only name a border ("on the Vietnamese border"), each as typed and as named: a
   * figure must be stated in a sentence that names the border by one of them.
   */
  borders?: string[][];
}

/** A question, understood. Plain JSON data, so a conversation can pass it back as `previous`. */
export interface Query {
  question: string;
  /** Mentions, markup and extra whitespace removed. */
  cleaned: string;
  intent: Intent;
  op: Op;
  wh: "who" | "what" | "when" | "where" | "which" | "why" | "how" | null;
  measure: Measure;
  filters: Filters;
  /** "which province" → "province": the kind of place a superlative ranks; null unless max/min. */
  rankedPlaceKind: string | null;
  /** "which drug was seized most" → "drug": the kind of thing, not place, a superlative ranks. */
  rankedThing: string | null;
  /**
   * "westvale?" answered with one figure ("40 kilograms of heroin seized"): that figure asked as a
   * question ("how much heroin seized"), so that "and oakfield?" after it asks the same. Set once
   * the question is answered; absent otherwise.
   */
  listedAs?: { question: string; measure: string };
}

/** Discord mentions, custom emoji, links and Markdown markup carry no meaning for the question. */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(/<a?:\w+:\d+>/g, " ")
    .replace(/<(?:@[!&]?|#)\d+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[*_~`>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const COMMON_VERBS: ReadonlySet<string> = new Set(GRAMMAR.verbForms);
/** "among", "across", "within": a preposition ends the noun a question counts. */
const PREPOSITIONS: ReadonlySet<string> = new Set(GRAMMAR.prepositions);
/** "What was the daily average of …", "what is the value of …": a figure, not a sentence. */
const ASKS_FOR_FIGURE =
  /\bwhat(?:'s| is| was| were| are)? the (?:\w+ )?(?:total|number|average|amount|value|share|rate|percentage|proportion|figure|count|tally|sum|size|weight|quantity|budget|cost|price)\b/;
/**
 * "By what year …", "under which campaign …": a preposition may lead the question word, and so may
 * a clause set off by a comma ("Besides patrols, what method …").
 */
const WH =
  /^(?:so\s+|and\s+|hey\s+|ok\s+|okay\s+)?(?:[^,?]{3,60},\s*)?(?:(?:by|in|on|at|for|from|since|until|to|over|during|within|across|throughout|under|with|through|against|after|before|about|among|into|between)\s+)?(who|what|when|where|which|why|how)\b/i;
const SUPERLATIVE_MAX =
  /\b(?:most|highest|largest|biggest|greatest|top|leading|maximum|more|longest)\b/i;
const SUPERLATIVE_MIN = /\b(?:least|lowest|smallest|fewest|minimum|shortest)\b/i;
const COMPARISON =
  /\b(?:vs\.?|versus|compared? (?:to|with)|compare|against|or|than)\b|\bdifference between\b/i;
const FIGURES_FOR =
  /(?:'s|’s)?\s+(?:figures|numbers|stats|statistics|results|data)\b|\b(?:figures|numbers|stats|statistics|results|data)\s+(?:for|of|on|in)\b/i;
const PLACE_KINDS: ReadonlyMap<string, string> = new Map(Object.entries(GRAMMAR.placeKinds));

/** "the airport", "the county": a word naming a kind of place, which may stand for a place itself. */
export function namesAKindOfPlace(word: string): boolean {
  return PLACE_KINDS.has(word.toLowerCase());
}

const CURRENCY_WORDS: [RegExp, string][] = [
  [/\b(?:us dollars?|usd|us\$|american dollars?)\b/, "USD"],
  [/\b(?:euros?|eur)\b|€/, "EUR"],
  [/\b(?:yuan|rmb|renminbi)\b/, "CNY"],
  [/\b(?:pesos?)\b/, "MXN"],
  [/\b(?:rupees?|inr)\b/, "INR"],
  [/\b(?:baht)\b/, "THB"],
  [/\b(?:hk\$|hong kong dollars?)\b/, "HKD"],
  [/\b(?:pounds sterling|gbp)\b|£/, "GBP"],
];

/** "How much were the drugs worth in US dollars?": the currency asked for, if one is named. */
function namedCurrency(lower: string): string | null {
  return CURRENCY_WORDS.find(([pattern]) => pattern.test(lower))?.[1] ?? null;
}

const QUANTITY_NOUN_ASKED =
  /\b(?:production|output|consumption)\b(?=\s*(?:$|[?,.]|(?:in|of|for|by|at|during|according|last|this|from|over|per|was|were|is|are)\b))/;

/** The concept the lexicon's money words share ("cash", "payment", "grant"). */
const MONEY = concept("money");
const SEIZE = concept("seize");
const RECEIVING: ReadonlySet<string> = new Set(GRAMMAR.receivingVerbs);

/**
 * "Ohio's share of the grants", "their cut of the funding": what one holder got of a sum of money
 * is itself a sum, not a percentage ("what share of the budget" still asks a percentage).
 */
function ownsSum(lower: string): boolean {
  const held =
    /\b(?:\w+'s?|its|their|his|her)\s+(?:\w+\s+)?(?:share|cut|portion|part)\s+of\s+(.*)$/.exec(
      lower,
    );
  return held !== null && words(held[1] ?? "").some((w) => concept(w) === MONEY);
}

/**
 * "How much does Maine get", "how much did the county receive from it": what a holder was given.
 * Not "how much got seized", where the verb only makes a passive.
 */
function asksWhatWasGiven(lower: string): boolean {
  const split = words(lower);
  return split.some((word, i) => RECEIVING.has(word) && !/(?:ed|en)$/.test(split[i + 1] ?? ""));
}

/** "of over a kilogram", "above 50 kg", "of at least one ton": a threshold, not the unit asked. */
const MASS_THRESHOLD =
  /\b(?:over|above|more than|at least|exceeding|upwards of|under|below|less than)\s+(?:a|an|one|\d[\d,.]*)\s*(?:tons?|tonnes?|kilograms?|kilos?|kg|pounds?|lbs?|grams?|ounces?)\b/g;

/**
 * "How much is the state paying for the scanners?": after "how much", a word the lexicon files
 * with money (its synonyms' "pay", "grant", "award") asks for a sum, not a weight or a count. So
 * does a what-question naming money ("what's Ohio's harbour award this year"), though one asking
 * which money it is ("what grant program …") is answered in words first.
 */
function asksMoneyWord(lower: string): boolean {
  const opening = /^.*?\bhow much\b/.exec(lower)?.[0] ?? /^\s*(?:what|which)\b/.exec(lower)?.[0];
  if (opening === undefined) return false;
  return words(lower.slice(opening.length)).some(
    (word) => !/-/.test(word) && concept(word) === MONEY,
  );
}

function expectedUnit(lower: string, target: string | null): ExpectedUnit {
  if (
    /\bby how much\b|\bhow much (?:more|less|higher|lower|bigger|larger|greater|smaller)\b.*\bthan\b|\b(?:down|up)\s+(?:by|how much)\b|\bhow (?:far|much)\b.*\b(?:down|up)\b|\b(?:rise|rose|risen|increase[ds]?|decrease[ds]?|grow|grew|fall|fell|fallen|drop(?:ped)?|decline[ds]?|go up|went up|go down|went down|change[ds]?)\b/.test(
      lower,
    ) &&
    !/\bhow many\b/.test(lower)
  ) {
    return { kind: "percent", unit: "percent" };
  }
  if (/\bhow old\b|\bage of\b|\bwhat age\b/.test(lower)) return { kind: null, unit: "year" };
  if (/\b(?:penalty|imprisonment|prison|jail|sentenced?)\b/.test(lower))
    return { kind: null, unit: "year" };
  const afterHowMany = /\bhow many\s+(.*)$/.exec(lower)?.[1] ?? "";
  const measure = afterHowMany ? measureAfter(` ${afterHowMany}`) : null;
  if (measure) return { kind: measure.kind, unit: measure.unit };
  // "how many cases of over a kilogram": a weight past a threshold says which things are counted.
  const counted = /\bhow many\b/.test(lower) ? lower.replace(MASS_THRESHOLD, " ") : lower;
  const anywhere = /\b(tons?|tonnes?|kilograms?|kilos?|kg|pounds?|lbs?|grams?|ounces?)\b/.exec(
    counted,
  );
  if (anywhere) return { kind: "mass", unit: measureNamedBy(anywhere[1] ?? "")?.unit ?? null };
  if (ownsSum(lower)) return { kind: "currency", unit: namedCurrency(lower) };
  if (/%|\b(?:percent|percentage|per cent|rate|share|proportion)\b/.test(lower))
    return { kind: "percent", unit: "percent" };
  // "the total weight of drugs seized", "how much did the haul weigh": a mass in no unit named.
  if (/\b(?:weight|weigh(?:s|ed)?)\b/.test(lower)) return { kind: "mass", unit: null };
  // "How many refugees does the budget resettle?" counts refugees, whatever else it names.
  if (/\bhow many\b/.test(lower) && target) return { kind: null, unit: countUnit(target) };
  if (
    // "high-value targets", "low-cost kits": a word inside a compound modifies; it asks no money.
    /(?<!-)\b(?:money|cash|dollars?|usd|euros?|yuan|worth|value|valued|costs?|costing|proceeds|assets|budget|funding|funds|revenue|spending|fines?)\b(?!-)|[$€£]/.test(
      lower,
    ) ||
    asksMoneyWord(lower)
  ) {
    return { kind: "currency", unit: namedCurrency(lower) };
  }
  // "What was global cocaine production in 2024?": a noun naming a quantity, as the noun asked
  // (not "the production campaign"), asks for its amount.
  if (
    (/\b(?:amount|quantity|volume)\b/.test(lower) || QUANTITY_NOUN_ASKED.test(lower)) &&
    !/\bhow many\b/.test(lower)
  ) {
    return { kind: target && DRUG_NAMES.has(target) ? "mass" : "amount", unit: null };
  }
  // "How much cocaine" asks for a weight; a bare "how much" for a weight or money ("how much did
  // the gang swindle").
  if (/\bhow much\b/.test(lower) && !target && asksWhatWasGiven(lower))
    return { kind: "currency", unit: namedCurrency(lower) };
  if (/\bhow much\b/.test(lower)) {
    return { kind: target && DRUG_NAMES.has(target) ? "mass" : "amount", unit: null };
  }
  if (/\bhow (?:many|often)\b/.test(lower) && target)
    return { kind: null, unit: countUnit(target) };
  if (!/\bhow (?:many|often)\b|\bnumber of\b/.test(lower) && namesDrugTaken(lower))
    return { kind: "mass", unit: null };
  return { kind: null, unit: null };
}

/**
 * "Cocaine seized in the north?", "heroin intercepted last year": a drug and the verb that took it,
 * with no count asked, ask its weight, not the number of seizures beside it ("17 interdictions").
 * "Cocaine cases in 2030" names a count of something else.
 */
function namesDrugTaken(lower: string): boolean {
  const split = words(lower);
  return split.some((word, i) => {
    const verb = actionLemma(split[i + 1] ?? "");
    return DRUG_NAMES.has(word) && verb !== null && concept(verb) === SEIZE;
  });
}

const RATE_TIME_WORD = new RegExp(`^${RATE_PERIOD_PATTERN}$`);

/**
 * "The first quarter of 2031", "the first half", "the last six months": a period the question
 * asks about, never the noun it counts ("how many of Avalon's first quarter deaths").
 */
const ASKED_PERIOD =
  /\b(?:the\s+)?(?:first|second|third|fourth|last|past|1st|2nd|3rd|4th)\s+(?:quarter|half|(?:\w+\s+)?months)(?:\s+of)?\b/g;

/** "total arrests on drug charges", "overall deaths in 2024": a plural straight after "total" is counted. */
const TOTAL_PLURAL = /\b(?:total|overall)\s+([a-z]+s\b.*)$/;

/**
 * "Which port caught more skiffs, Arlen or Dunmore?": between places, the plural right after "more"
 * is what is counted, whatever verb the asker puts it with ("caught" is no arrest here).
 */
const MORE_PLURAL = /\b(?:more|fewer|most)\s+([a-z]+s)\b/;

function countedBetweenPlaces(lower: string): string | null {
  const noun = MORE_PLURAL.exec(lower)?.[1];
  // "more pounds", "more years": a unit or a span of time, not the thing counted.
  const unit = noun ? measureNamedBy(noun) !== null || TIME_UNITS.has(singularize(noun)) : true;
  return noun && !unit && !STOP_WORDS.has(noun) ? noun : null;
}

/** The noun after "how many"/"how much", skipping measure words: "how many tons of drugs" → "drugs". */
function targetNoun(lower: string): string | null {
  const after = /\bhow (?:many|much)\s+(.*)$/.exec(lower)?.[1];
  const tail =
    after ??
    /\b(?:number|amount|quantity|total) of\s+(.*)$/.exec(lower)?.[1] ??
    TOTAL_PLURAL.exec(lower)?.[1];
  if (!tail) return null;
  const tokens = words(tail);
  // "how much a year", "how much this year": a rate or a period follows, not a counted noun.
  if (
    /^(?:a|an|per|each|every|this|last|next)$/.test(tokens[0] ?? "") &&
    RATE_TIME_WORD.test(tokens[1] ?? "")
  )
    return null;
  // "How much did the gang swindle?": no counted noun, the question goes straight to its verb.
  if (
    /^(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|being|been)$/.test(
      tokens[0] ?? "",
    )
  )
    return null;
  const measures =
    /^(?:tons?|tonnes?|kilograms?|kilos?|kg|pounds?|lbs?|grams?|ounces?|types?|kinds?|of|in|total|major|different|various|yuan|dollars?|euros?|usd|eur|worth|value|more|less|fewer)$/;
  const noun = tokens.find(
    (word) =>
      !measures.test(word) &&
      !/^(?:were|was|did|do|does|have|has|had|are|is|being|been)$/.test(word),
  );
  // "How much of it came from Chile?": a pronoun points back at the thing, it names none.
  if (!noun || /^(?:it|them|this|that|these|those)$/.test(noun)) return null;
  // "how many drug crime cases": the counted noun is the last of the run of non-verbs.
  const start = tokens.indexOf(noun);
  let end = start;
  // Plural action nouns count things ("how many arrests"), so only other verb forms end the noun.
  const isVerb = (word: string) =>
    (actionLemma(word) !== null && !/s$/.test(word)) || COMMON_VERBS.has(word) || /ed$/.test(word);
  if (isVerb(noun)) return null;
  // A participle before a noun modifies it ("old seized drugs"); any other verb ends the noun.
  const continues = (i: number) => {
    const word = tokens[i] ?? "";
    // "gun and explosive cases": a coordinated modifier runs on to the counted noun.
    if (
      (word === "and" || word === "or") &&
      i + 1 < tokens.length &&
      !STOP_WORDS.has(tokens[i + 1] ?? "")
    ) {
      return true;
    }
    if (STOP_WORDS.has(word) || COMMON_VERBS.has(word)) return false;
    // "deaths among people 25 to 34": a preposition or a number (a range's bound) ends the noun.
    if (PREPOSITIONS.has(word) || /^\d/.test(word)) return false;
    if (!isVerb(word)) return true;
    const next = tokens[i + 1];
    return next !== undefined && !STOP_WORDS.has(next) && !isVerb(next);
  };
  while (end + 1 < tokens.length && continues(end + 1)) end++;
  const counted = tokens[end] ?? noun;
  return /^ones?$/.test(counted)
    ? (nounBefore(lower, lower.length - tail.length) ?? counted)
    : counted;
}

/**
 * "guangxi cases, how many big ones": "ones" stands for the plural noun named before the count
 * is asked, the last one before it.
 */
function nounBefore(lower: string, at: number): string | null {
  const before = words(lower.slice(0, at)).filter(
    (word) => /[^s]s$/.test(word) && word.length > 3 && !STOP_WORDS.has(word),
  );
  return before[before.length - 1] ?? null;
}

export const ASKED_RATE = new RegExp(
  `\\b(?:per|each|every)\\s+([a-z]+)|\\b(?:a|an)\\s+(${RATE_PERIOD_PATTERN})\\b(?!\\s+(?:earlier|ago|before|later))`,
  "i",
);
const RATE_ADVERBS: Readonly<Record<string, string>> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  annually: "year",
  yearly: "year",
};

/** The rate a question asks for: "per state" → "state", "daily" → "day", "on average" → "". */
export function askedRate(lower: string): string | null {
  const match = ASKED_RATE.exec(lower);
  const per = (match?.[1] ?? match?.[2] ?? "").toLowerCase();
  // "per the report", "per the chief": "per" as "according to" asks no rate.
  if (match && !STOP_WORDS.has(per)) return per;
  const adverb = words(lower).find((word) => word in RATE_ADVERBS);
  if (adverb) return RATE_ADVERBS[adverb] ?? "";
  return /\baverage\b/.test(lower) ? "" : null;
}

/** The word naming what is ranked after a place right after "which" ("which kansas city patrol division" → division). */
function scopedKind(lower: string, mention: PlaceMention): string {
  const [, first = "", second = ""] = rankedWords(`which ${lower.slice(mention.end)}`) ?? [];
  return PLACE_KINDS.has(first) ? first : second;
}

/** "the oldest defendant", "the youngest suspect": people ranked by age. */
const AGE_RANK = /\b(?:oldest|eldest|youngest)\b/;

/** "What about meth?", "how about the FBI?": with no previous question, a bare topic to look up. */
const WHAT_ABOUT = /^(?:(?:and|so|ok|okay)\s+)?(?:what|how)\s+about\s+/i;
/** Words that make a list of options a contest: "which is bigger, A or B?". */
const CONTEST =
  /\b(?:more|most|bigger|biggest|larger|largest|higher|highest|greater|greatest|longer|longest|less|least|fewer|fewest|smaller|smallest|lower|lowest|shorter|shortest)\b/i;
/** After "which"/"what", words that are not a kind of thing to rank: verbs, time, measures. */
const NOT_A_THING =
  /^(?:|is|are|was|were|did|do|does|has|have|had|will|would|can|could|year|years|month|day|date|time|period|quarter|amount|number|total|percentage|share|rate|one|kind|type|sort|part|age)$/;
/**
 * "of the provinces named, which seized the most": a "which" followed by its verb ranks the kind
 * the phrase before it names.
 */
const AMONG_BEFORE_WHICH =
  /\b(?:of|among|amongst)\s+(?:all\s+)?(?:the|these|those)\s+([a-z-]+)(?:\s+([a-z]+))?\b[^,]*,\s*(?:which|what)\s+(?:one\s+)?(?:is|was|were|are|had|has|have|did|saw|got|seized|made|recorded|reported)\b/;

/** The one or two words naming what "which" ranks, as `[match, first, second]`. */
export function rankedWords(lower: string): [string, string, string?] | null {
  const among = AMONG_BEFORE_WHICH.exec(lower);
  if (among?.[1]) {
    // "the kinds of case", "the provinces named": the kind word, else "the specific kinds".
    const [, first, second] = among;
    const kind = ranksLabels(first) || PLACE_KINDS.has(first) || !second ? first : second;
    return [among[0], kind];
  }
  const after = /\b(?:which|what)\s+(\w+)(?:\s+(\w+))?/.exec(lower);
  return after ? [after[0], after[1] ?? "", after[2]] : null;
}

/**
 * "which year", "which kind of case", "which age group": what is ranked is the label a list row or a
 * figure's period gives it, not a place and not the thing counted.
 */
const RANKED_LABEL =
  /^(?:years?|months?|quarters?|kinds?|types?|sorts?|category|categories|age|groups?)$/;
/** Whether "which <word>" ranks labels (kinds, age groups, years), never places. */
export function ranksLabels(word: string): boolean {
  return RANKED_LABEL.test(word);
}
const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;

/** Words that open the phrase an option stands in: "arrested in the harbour sweep or …". */
const OPTION_OPENER =
  /\b(?:in|by|at|for|from|during|through|on|of|to|into|than|more|less|fewer)\s+/gi;
/** "… to A or to B": the second option may repeat the opener of the first. */
const REPEATED_OPENER = /^(?:in|by|at|for|from|during|through|on|of|to|into)\s+/i;
/** An option this long is a clause, not a thing to compare. */
const MAX_OPTION_WORDS = 5;

/**
 * "Were more boats stopped in the night patrols or the day patrols?": with no list, the two
 * phrases either side of a single "or", each from the last word that opens a phrase.
 */
function twoOptions(cleaned: string, contestAt: number): string[] {
  const tail = cleaned.slice(contestAt).replace(/[?.!]+\s*$/, "");
  const parts = tail.split(/\s+or\s+/i);
  if (parts.length !== 2) return [];
  const [before = "", after = ""] = parts;
  const opener = [...before.matchAll(OPTION_OPENER)].pop();
  const first = opener ? before.slice((opener.index ?? 0) + opener[0].length) : "";
  const fits = (option: string) =>
    option.length > 0 && option.split(/\s+/).length <= MAX_OPTION_WORDS;
  // "… robberies or assaults with a knife in westvale last year": a too-long last option ends where
  // a place or a period both options share begins.
  const second = after.trim().replace(REPEATED_OPENER, "");
  const options = [first, fits(second) ? second : second.replace(SHARED_FILTER, "")].map((option) =>
    option.trim().replace(LEADING_ARTICLE, ""),
  );
  return options.every(fits) ? options : [];
}

/** A phrase that filters every option, from its opener to the end: "in 2024", "last year". */
const SHARED_FILTER =
  /\s+(?:in|at|during|since|over|across|last|this|so far|to date|per|for the)\s.*$|\s+(?:last|this) (?:year|month|week)$/i;

/**
 * The options a contest sets side by side, after its last colon or comma: "which drug came in the
 * largest amount: cocaine, heroin or meth?" → cocaine, heroin, meth.
 */
/** "was A bigger than B", "did A get more money than B": two options either side of "than". */
const THAN_CONTEST = new RegExp(
  `^(?:was|were|is|are|did|does|do|has|have|had)\\s+(.+?)\\s+(?:${CONTEST.source})(?:\\s+[\\w'-]+){0,4}?\\s+than\\s+(.+?)[?.!]*$`,
  "i",
);
/**
 * "were more boats stopped at the pier than were turned back at sea": what is counted comes
 * first, and the two options are what was done to it on either side of "than", the second
 * opening on its own auxiliary.
 */
const COUNTED_THAN =
  /^(?:was|were|are|did|had|have)\s+(?:more|fewer|less)\s+[\w'-]+\s+(.+?)\s+than\s+(?:(?:was|were|are|is|did|had|have)\s+)?(.+?)[?.!]*$/i;
/**
 * "did the harbour fund or the river fund get more money", "was A or B hit harder": the two
 * options stand between the auxiliary and the verb before the contest word.
 */
const OPTIONS_BEFORE_CONTEST = new RegExp(
  `^(?:was|were|is|are|did|does|do|has|have|had|will|would)\\s+(.+?)\\s+or\\s+(.+?)\\s+[a-z]+\\s+(?:(?:a|an|the)\\s+)?(?:${CONTEST.source})\\b`,
  "i",
);
function optionsBeforeContest(cleaned: string): string[] {
  const match = OPTIONS_BEFORE_CONTEST.exec(cleaned);
  const options = [match?.[1], match?.[2]].map((option) =>
    (option ?? "").trim().replace(LEADING_ARTICLE, ""),
  );
  const fits = (option: string) =>
    /[a-z]{2}/i.test(option) && option.split(/\s+/).length <= MAX_OPTION_WORDS;
  return options.every(fits) ? options : [];
}

/**
 * "harbour sweep or river sweep, which had more arrests": chat names the two options first, the
 * question proper after them, from its "which" or "who".
 */
const OPTIONS_THEN_WHICH = new RegExp(
  `^(.+?)\\s+or\\s+(.+?)\\s*,?\\s+(?:which|who|whose)\\b.*\\b(?:${CONTEST.source})`,
  "i",
);
function optionsThenWhich(cleaned: string): string[] {
  const match = OPTIONS_THEN_WHICH.exec(cleaned);
  const options = [match?.[1], match?.[2]].map((option) =>
    (option ?? "").trim().replace(LEADING_ARTICLE, ""),
  );
  const fits = (option: string) =>
    /[a-z]{2}/i.test(option) &&
    option.split(/\s+/).length <= MAX_OPTION_WORDS &&
    !WH_WORD.test(option) &&
    !CONTEST.test(option);
  return options.every(fits) ? options : [];
}

/** The two named options of a "than" contest; none when either is only a year. */
function thanOptions(cleaned: string): string[] {
  const paired = THAN_CONTEST.exec(cleaned);
  const counted = paired ? null : COUNTED_THAN.exec(cleaned);
  const match = paired ?? counted;
  const [first, second] = [match?.[1], match?.[2]].map((option) => (option ?? "").trim());
  const options = (counted ? sharedOpener(first ?? "", second ?? "") : [first, second]).map(
    (option) => (option ?? "").trim().replace(LEADING_ARTICLE, ""),
  );
  return options.every((option) => /[a-z]{3}/i.test(option)) ? options : [];
}

/**
 * "were more people arrested in the spring sweeps than in the autumn ones": when the second side
 * opens on a preposition the first holds too, the options are what follows it on either side,
 * what was done to them ("arrested") being what is counted.
 */
function sharedOpener(first: string, second: string): [string, string] {
  const opener = REPEATED_OPENER.exec(second)?.[0];
  if (!opener) return [first, second];
  const at = first.toLowerCase().lastIndexOf(` ${opener.toLowerCase()}`);
  if (at < 0) return [first, second];
  return [first.slice(at + opener.length + 1), second.slice(opener.length)];
}

/**
 * "harbour fund vs port fund which got more $$": chat sets two options either side of "vs", the
 * question proper ("which got more") after them. A topic before a colon is no option.
 */
const VERSUS = /\s+(?:vs\.?|versus)\s+/i;
/** After "vs", where the second option ends: the question proper, or a phrase both options share. */
const VERSUS_TAIL =
  /\s+(?:(?:which|who|what|whose|how)\b|(?:for|in|on|during|since|from|last|this|so far|per)\s|[$€£%#]).*$/i;
function versusOptions(cleaned: string): string[] {
  const [topic, rest] = splitAtColon(cleaned.replace(/[?.!]+\s*$/, ""));
  // "A vs B: how old are they?": the options may stand before the colon, the question after it.
  const asked = rest !== null && (VERSUS.test(rest) || !VERSUS.test(topic)) ? rest : topic;
  const parts = asked.split(VERSUS);
  if (parts.length !== 2) return [];
  const tidy = (option: string) =>
    option
      .replace(/[$€£%#]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(LEADING_ARTICLE, "");
  // "harbour fund % biden peak vs …": a measure symbol inside the first part ends what it measures.
  // "which got more, A vs B": a comma opens the first option.
  const first = (parts[0] ?? "").replace(/^.*,/, "");
  const symbol = /[$€£%#]+(?=[^$€£%#]*$)/.exec(first);
  const after = symbol ? first.slice(symbol.index + symbol[0].length) : "";
  const options = [
    tidy(lastPhrase(/\p{L}/u.test(after) ? after : first)),
    // "A vs B, who got more": a comma ends the second option.
    tidy((parts[1] ?? "").replace(/,.*$/, "").replace(VERSUS_TAIL, "")),
  ];
  const fits = (option: string) =>
    /[a-z]{2}/i.test(option) &&
    option.split(/\s+/).length <= MAX_OPTION_WORDS &&
    !WH_WORD.test(option) &&
    !PERIOD_OPTION.test(option);
  return options.every(fits) ? options : [];
}

/** The text before a colon and after it (null with no colon). */
function splitAtColon(text: string): [string, string | null] {
  const at = text.indexOf(":");
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * "how many kilograms were seized at the port vs the airport": a first option too long to be one
 * thing is the phrase after its last opener ("the port").
 */
function lastPhrase(option: string): string {
  if (option.trim().split(/\s+/).length <= MAX_OPTION_WORDS) return option;
  const opener = [...option.matchAll(OPTION_OPENER)].pop();
  return opener ? option.slice((opener.index ?? 0) + opener[0].length) : option;
}

/** "… vs last year", "… vs the same period in 2023": a baseline in time, not a thing to contest. */
const PERIOD_OPTION =
  /^(?:the\s+)?(?:same\s+(?:period|time|months?)|last\b|this\b|previous\b|prior\b|a year\b|year\b|\d{4}\b|fy\s?\d)/i;
const WH_WORD = /^(?:how|what|which|who|when|where|why)\b/i;
/** The words that set two years against each other once a contest word is there. */
const YEAR_CONTEST = /\b(?:than|or|vs\.?|versus)\b/i;

export function contestOptions(cleaned: string): string[] {
  // "did arrests rise more in 2024 than in 2023": two years set against each other.
  const years = yearsIn(cleaned.toLowerCase());
  if (years.length === 2 && CONTEST.test(cleaned) && YEAR_CONTEST.test(cleaned)) return years;
  const paired = thanOptions(cleaned);
  if (paired.length === 2) return paired;
  const versus = versusOptions(cleaned);
  if (versus.length === 2) return versus;
  const before = optionsBeforeContest(cleaned);
  if (before.length === 2) return before;
  const first = optionsThenWhich(cleaned);
  if (first.length === 2) return first;
  const contestAt = cleaned.search(CONTEST);
  if (contestAt < 0 || !/\bor\b/i.test(cleaned)) return [];
  // The list starts at the first colon or comma after the contest word: "largest: A, B or C".
  const start = cleaned.slice(contestAt).search(/[:,]/);
  if (start < 0) return twoOptions(cleaned, contestAt);
  const options = cleaned
    .slice(contestAt + start + 1)
    .replace(/[?.!]+\s*$/, "")
    .split(/\s*,\s*(?:or\s+)?|\s+or\s+/i)
    .map((option) => option.trim().replace(LEADING_ARTICLE, ""))
    .filter((option) => option.length > 0);
  return options.length >= 2 ? options : [];
}

/** A who-, when- or where-question asks for words, whatever figures it names. */
const WORDS_ASKED = /^(?:\S+\s+){0,2}?(?:who|whom|when|where)\b/i;

function opOf(
  lower: string,
  bare: boolean,
  places: string[],
  options: string[],
  isSuperlative: boolean,
  superlative: "max" | "min" | null,
): Op {
  if (options.length >= 2) return "compare";
  if (isSuperlative) return superlative ?? "max";
  // "of westvale, oakfield and riverbend, which fell most": a contest among the places listed.
  if (places.length >= 2 && (COMPARISON.test(lower) || superlative !== null)) return "compare";
  // "Who presented Westvale's figures?" asks for a person: the figures are what was presented.
  if (
    places.length === 1 &&
    FIGURES_FOR.test(lower) &&
    !/\bhow (?:many|much)\b/.test(lower) &&
    !WORDS_ASKED.test(lower)
  )
    return "list";
  // "westvale?", "and oakfield?": a bare place name asks for its figures.
  if (places.length === 1 && bare) return "list";
  return "lookup";
}

function intentOf(lower: string, wh: Query["wh"]): Intent {
  const asksFigure =
    /\bhow (?:many|much)\b|\bnumber of\b|\bamount of\b|\bquantity of\b|\btotal\b/.test(lower) ||
    ASKS_FOR_FIGURE.test(lower);
  return !asksFigure && wh && wh !== "how" ? "sentence" : "figure";
}

/** Finds the places a cleaned question names; against a report it also knows the report's own. */
export type PlaceReader = (cleaned: string) => PlaceMention[];

/**
 * "harbour sweep how many arrested": chat may name the topic first; read as "how many arrested in
 * the harbour sweep", the topic a filter, not the thing counted. A topic of a few words with no
 * verb only: "seizures rose how much" states its own measure.
 */
const TOPIC_FIRST =
  /^((?:[\p{L}\d'’-]+\s+){0,3}[\p{L}\d'’-]+)\s+(how\s+(?:many|much)\b.*?)[?.!]*$/iu;
function topicLast(cleaned: string): string {
  const match = TOPIC_FIRST.exec(cleaned);
  const [, topic = "", asked = ""] = match ?? [];
  if (!match || /\b(?:in|at|on|of|for|during)\b/i.test(asked)) return cleaned;
  const topicWords = words(topic);
  const verbless = topicWords.every(
    (word) => !COMMON_VERBS.has(word) && actionLemma(word) === null && !/(?:ed|ing)$/.test(word),
  );
  if (!verbless || topicWords.some((word) => STOP_WORDS.has(word))) return cleaned;
  return `${asked} in the ${topic}`;
}

/**
 * "apart from those fined,", "other than cocaine", "not counting the 40 charged": a part the
 * question sets aside, up to the next comma or the question's end.
 */
const SET_ASIDE =
  /\b(?:apart from|aside from|except(?:\s+for)?|excluding|other than|besides|not counting|leaving aside|in addition to|on top of)\s+([^,;?]+)/i;

/** "jan-june 2031" asks the first half too: a span of months adds the quarter or half it is. */
function withSpanPeriods(
  concepts: string[],
  text: string,
  conceptsIn: (text: string) => string[],
): string[] {
  const spans = monthSpanPeriods(text);
  if (spans.length === 0) return concepts;
  return [...new Set([...concepts, ...conceptsIn(spans.join(" "))])];
}

/** The question without the part it sets aside, which says what the answer is not. */
export function withoutSetAside(text: string): string {
  return text.replace(SET_ASIDE, " ");
}

/** After a place: "… border", "-Vietnamese border", "'s frontier": the place names a border. */
const BORDER_AFTER = /^(?:'s)?[\s-]*(?:[\p{L}]+\s+)?(?:border|frontier)s?\b/iu;
/** Before a place: "the border with", "the frontier between": the place names a border. */
const BORDER_BEFORE =
  /\b(?:border|frontier)s?\s+(?:with|between)\s+(?:the\s+)?(?:[\p{L}]+\s+and\s+)?$/iu;

/**
 * "How many cases did Guangxi crack on the Sino-Vietnamese border?": a place that only names a
 * border says where, not whose figures are asked; it filters nothing when another place is named.
 */
function actorsOf(mentions: PlaceMention[], cleaned: string): PlaceMention[] {
  const border = (mention: PlaceMention) =>
    BORDER_AFTER.test(cleaned.slice(mention.end)) ||
    BORDER_BEFORE.test(cleaned.slice(0, mention.start));
  const actors = mentions.filter((mention) => !border(mention));
  return actors.length > 0 ? actors : mentions;
}

/** The places of `named` left out of `actors`, as `Filters.borders`; nothing when there are none. */
function bordersOf(named: PlaceMention[], actors: PlaceMention[]): Pick<Filters, "borders"> {
  const borders = named
    .filter((mention) => !actors.includes(mention))
    .map((mention) => [mention.text.toLowerCase(), mention.place.name.toLowerCase()]);
  return borders.length > 0 ? { borders } : {};
}

export function understand(question: string, placesIn: PlaceReader = findPlacesInQuestion): Query {
  const cleaned = topicLast(cleanQuestion(question).replace(WHAT_ABOUT, ""));
  const lower = cleaned
    .toLowerCase()
    .replace(/\b(?:go|goes|went|gone)\s+up\b/g, "increase")
    .replace(/\b(?:go|goes|went|gone)\s+down\b/g, "decrease");
  const named = placesIn(cleaned);
  const mentions = actorsOf(named, cleaned);
  const placeNames = [...new Set(mentions.map((mention) => mention.place.name))];
  const placeSpans = named.map((mention) => [mention.start, mention.end] as const);
  const withoutPlaces = placeSpans
    .slice()
    .reverse()
    .reduce((text, [start, end]) => `${text.slice(0, start)} ${text.slice(end)}`, lower);
  const wh = (WH.exec(lower)?.[1]?.toLowerCase() ?? null) as Query["wh"];
  // "how many Americans": a people named for their country are still what is counted.
  const people = mentions.find(
    (mention) => /\bhow many\s+$/.test(lower.slice(0, mention.start)) && /s$/i.test(mention.text),
  );
  const target = people
    ? people.text.toLowerCase()
    : (targetNoun(withoutPlaces.replace(ASKED_PERIOD, " ")) ??
      (placeNames.length >= 2 ? countedBetweenPlaces(withoutPlaces) : null));
  // "which province", "which customs district": the kind of place is one of the next two words.
  // "which kansas city patrol division", "which mexican state": a place right after "which" is the
  // scope of what is ranked, not one of the things ranked.
  // Only a scope the ranked things can be told to lie in: a country (each place knows its own), or
  // any place above things the gazetteer does not hold ("patrol division"); "which texas city"
  // is left as asked.
  const scope = mentions.filter(
    (mention) =>
      /\b(?:which|what)\s+$/.test(lower.slice(0, mention.start)) &&
      (mention.place.kind === "country" || PLACE_KINDS.get(scopedKind(lower, mention)) === "any"),
  );
  const scoped = scope
    .slice()
    .reverse()
    .reduce((text, { start, end }) => `${text.slice(0, start)}${text.slice(end)}`, lower);
  const afterWhich = rankedWords(scoped.replace(/\bmember states?\b/, "country"));
  const rankedPlaceKind = [afterWhich?.[1], afterWhich?.[2]].find(
    (word) => word && PLACE_KINDS.has(word),
  );
  const superlative = SUPERLATIVE_MIN.test(lower)
    ? "min"
    : SUPERLATIVE_MAX.test(lower)
      ? "max"
      : null;
  const placeKind = rankedPlaceKind ? (PLACE_KINDS.get(rankedPlaceKind) ?? null) : null;
  const isSuperlative =
    superlative !== null &&
    (placeKind !== null || /\bwhere\b/.test(lower) || RANKED_LABEL.test(afterWhich?.[1] ?? "")) &&
    mentions.every((mention) => scope.includes(mention));
  const options = placeNames.length >= 2 ? [] : contestOptions(cleaned);
  const thing = afterWhich?.[1] ?? "";
  const rankedThing =
    superlative !== null &&
    placeKind === null &&
    placeNames.length === 0 &&
    options.length === 0 &&
    !NOT_A_THING.test(thing) &&
    !STOP_WORDS.has(thing)
      ? thing
      : null;
  const contentConcepts = (text: string) =>
    words(text)
      .filter((word) => !STOP_WORDS.has(word) && !/^\d/.test(word))
      .map(concept);
  const setAside = SET_ASIDE.exec(withoutPlaces)?.[1];
  const expected = expectedUnit(lower, target);
  const asked = withSpanPeriods(
    contentConcepts(setAside ? withoutSetAside(withoutPlaces) : withoutPlaces),
    withoutPlaces,
    contentConcepts,
  );
  // "How much does Maine get": money, though no word of it names money.
  const concepts = asked.length === 0 && expected.kind === "currency" ? [MONEY] : asked;
  const excluded = setAside ? contentConcepts(setAside).filter((c) => !concepts.includes(c)) : [];
  // "who is the oldest defendant": people ranked by the ages the report gives them.
  const byAge = AGE_RANK.exec(lower)?.[0];
  const opAsked = opOf(
    lower,
    concepts.length === 0,
    placeNames,
    options,
    isSuperlative || rankedThing !== null,
    superlative,
  );
  const op = byAge && options.length === 0 ? (byAge === "youngest" ? "min" : "max") : opAsked;
  return {
    question,
    cleaned,
    intent: op === "compare" && options.length > 0 ? "figure" : intentOf(lower, wh),
    op,
    wh,
    measure: {
      concepts,
      target,
      expected,
      per: askedRate(withoutPlaces),
      ...(excluded.length > 0 ? { excluded } : {}),
    },
    filters: {
      // The scope of a superlative ("which mexican state") filters no figure: the states are ranked.
      places: isSuperlative
        ? placeNames.filter((name) => !scope.some((mention) => mention.place.name === name))
        : placeNames,
      // A place that only names a border is still a place as typed, never an unknown name.
      placeWords: named.map((mention) => mention.text),
      entities: options,
      names: [],
      ...bordersOf(named, mentions),
      period: { years: yearsIn(lower) },
    },
    rankedPlaceKind:
      !byAge && (op === "max" || op === "min") ? (placeKind ?? (rankedThing ? null : "any")) : null,
    rankedThing: byAge && options.length === 0 ? "age" : rankedThing,
  };
}
