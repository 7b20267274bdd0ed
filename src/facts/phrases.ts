import { UNITS } from "../lexicon/units.js";
import type { Token } from "../text/tokenize.js";
import {
  AUXILIARIES,
  actionLemma,
  DETERMINERS,
  FILLER_MODIFIERS,
  PREPOSITIONS,
  TRAILING_ADVERBS,
} from "./lexicon.js";
import { isNumberWord } from "./numbers.js";

const CONJUNCTIONS = new Set(["and", "or", "but", "nor", "while", "whereas", "plus"]);
const STOP_PUNCTUATION = /^[,;:.!?()[\]"“”'’]$/;
/** Frequent verbs that end a counted phrase: "when 11 countries act as one". */
const COMMON_VERBS = new Set([
  "act",
  "acts",
  "work",
  "works",
  "show",
  "shows",
  "make",
  "makes",
  "made",
  "take",
  "takes",
  "come",
  "comes",
  "go",
  "goes",
  "become",
  "becomes",
  "remain",
  "remains",
  "continue",
  "continues",
  "need",
  "needs",
  "face",
  "faces",
  "help",
  "helps",
  "say",
  "says",
  "tell",
  "tells",
  "use",
  "uses",
  "stand",
  "stands",
  "join",
  "joins",
  "share",
  "shares",
  "operate",
  "operates",
  "move",
  "moves",
  "run",
  "runs",
  "live",
  "lives",
  "die",
  "died",
  "account",
  "accounts",
  "represent",
  "represents",
]);

/** Nouns that name a container of what is counted, so "of" continues the phrase: "cases of drug trafficking". */
const OF_CONTINUES = new Set([
  "seizure",
  "seizures",
  "haul",
  "hauls",
  "case",
  "cases",
  "type",
  "types",
  "kind",
  "kinds",
  "batch",
  "batches",
  "shipment",
  "shipments",
  "consignment",
  "consignments",
  "package",
  "packages",
  "parcel",
  "parcels",
  "dose",
  "doses",
  "member",
  "members",
  "count",
  "counts",
  "ring",
  "rings",
  "network",
  "networks",
]);

export interface NounPhrase {
  /** Cleaned phrase, e.g. "forged passport cases". */
  text: string;
  head: string;
  /** Index of the first token after the phrase. */
  next: number;
  /** Read back through a copula or total-verb ("seizures of cannabis reached 310 kg"). */
  linked?: boolean;
}

/** Verbs that equate what comes before them with the figure after them. */
const COPULA = /^(?:was|were|is|are|reached|totall?ed|totals|totall?ing|amounted|stood)$/;

/** Plural nouns made from verbs count things: "870 arrests", "64 seizures". */
const NOMINAL_ACTIONS =
  /^(?:arrests?|seizures?|raids?|inspections?|interdictions?|interceptions?|investigations?|prosecutions?|convictions?|busts?|operations?|checks?|hauls?)$/;
const QUALIFIER_WORDS = new Set([
  "nearly",
  "almost",
  "about",
  "around",
  "approximately",
  "over",
  "more",
  "some",
  "roughly",
  "another",
  "further",
  "at",
  "up",
]);

/** "the budget for 2024 was €8.4m": words between a measured thing and its figure. */
const REPORTING =
  /^(?:said|says|reported|reports|recorded|records|registered|logged|told|announced|estimated|added|noted|stated)$/;
const LINKING =
  /^(?:was|were|is|are|accounted|alone|represented|totall?ed|totals|totall?ing|reached|stood|at|amounted|to|for|in|of|about|around|nearly|approximately|roughly|almost|some|estimated|over|worth|valued|by|rose|fell|increased|decreased|dropped|declined|grew|jumped|climbed|up|down|more|less|fewer|than|least|just|under|\d{4})$/;

function isPhraseBreak(token: Token): boolean {
  if (!token.isWord) return STOP_PUNCTUATION.test(token.text) || /^\d/.test(token.text);
  const lower = token.lower;
  return AUXILIARIES.has(lower) || PREPOSITIONS.has(lower) || actionLemma(lower) !== null;
}

function isModifierBefore(next: Token | undefined): boolean {
  return next?.isWord === true && !isPhraseBreak(next) && !DETERMINERS.has(next.lower);
}

/**
 * "cocaine seizures amounted to 168 kg": what a weight is of, a counted action ("seizures") after
 * it left off.
 */
export function weighedThing(phrase: NounPhrase): NounPhrase {
  const words = phrase.text.split(" ");
  if (words.length < 2 || !NOMINAL_ACTIONS.test(words[words.length - 1] ?? "")) return phrase;
  const kept = words.slice(0, -1);
  return { ...phrase, text: kept.join(" "), head: kept[kept.length - 1] ?? phrase.head };
}

const VAGUE_AMOUNTS: ReadonlySet<string> = new Set(UNITS.vagueAmounts);
/** The words right after "and" a vague amount may open on before its noun: "smaller amounts of". */
const VAGUE_AMOUNT_REACH = 2;

/**
 * "6,340 kg of resin and smaller amounts of pollen": after "and", an amount given without a figure
 * ("smaller amounts of", "traces of") is another thing, which the figure before does not weigh.
 */
function opensVagueAmount(tokens: Token[], from: number): boolean {
  for (let j = from; j < from + VAGUE_AMOUNT_REACH && j < tokens.length; j++) {
    const token = tokens[j];
    if (!token?.isWord) return false;
    if (VAGUE_AMOUNTS.has(token.lower) && tokens[j + 1]?.lower === "of") return true;
  }
  return false;
}

/** Reads the noun phrase starting at `from`: "couriers and dealers", "cases of money laundering". */
export function readNounPhrase(tokens: Token[], from: number, maxWords = 7): NounPhrase | null {
  const words: string[] = [];
  let i = from;
  while (i < tokens.length && words.length < maxWords) {
    const token = tokens[i];
    if (!token) break;
    if (token.text === "(") {
      // "3,000 ecstasy (MDMA) pills": a short aside inside the phrase.
      const close = tokens.findIndex((t, j) => j > i && j <= i + 5 && t.text === ")");
      if (close !== -1 && words.length > 0) {
        i = close + 1;
        continue;
      }
    }
    if (words.length === 0 && /ly$/.test(token.lower) && tokens[i + 1]?.isWord) {
      i++; // "recently seized pills"
      continue;
    }
    // "47 involved a firearm": a past verb before a determiner names no counted thing.
    if (
      words.length === 0 &&
      /ed$/.test(token.lower) &&
      DETERMINERS.has(tokens[i + 1]?.lower ?? "")
    )
      break;
    if (words.length === 0 && /ed$/.test(token.lower) && isModifierBefore(tokens[i + 1])) {
      words.push(token.lower); // "seized drugs", "dried leaves"
      i++;
      continue;
    }
    if (
      token.lower === "of" &&
      words.length > 0 &&
      OF_CONTINUES.has(words[words.length - 1] ?? "")
    ) {
      words.push("of");
      i++;
      continue;
    }
    // "4,310 administrative arrests": a plural one may follow its modifier too.
    if (NOMINAL_ACTIONS.test(token.lower) && (words.length === 0 || /s$/.test(token.lower))) {
      words.push(token.lower);
      i++;
      continue;
    }
    if (CONJUNCTIONS.has(token.lower)) {
      const after = tokens[i + 1];
      const continues =
        words.length > 0 &&
        after?.isWord &&
        !isPhraseBreak(after) &&
        !DETERMINERS.has(after.lower) &&
        !QUALIFIER_WORDS.has(after.lower) &&
        !isNumberWord(after.lower) &&
        !opensVagueAmount(tokens, i + 1);
      if (!continues) break;
      words.push(token.lower);
      i++;
      continue;
    }
    if (isPhraseBreak(token)) break;
    if (!token.isWord) break;
    // "23 vessels out of service": "out of" opens a phrase of its own, as a preposition does.
    if (words.length > 0 && token.lower === "out" && tokens[i + 1]?.lower === "of") break;
    // "4,310 administrative arrests HSI made": an acronym after a plural head opens the next clause.
    if (/^[A-Z]{2,6}$/.test(token.text) && /s$/.test(words[words.length - 1] ?? "")) break;
    // "40 couriers a week", "9 boats this month": a determiner opens the next phrase.
    // "12 of the defendants" reads on: a determiner after "of" is part of the phrase.
    const afterOf = words[words.length - 1] === "of";
    if (words.length > 0 && token.lower !== "of" && DETERMINERS.has(token.lower) && !afterOf) break;
    // "4,200 last year", "40 already": an adverb right after the figure counts nothing.
    if (TRAILING_ADVERBS.has(token.lower) && (words.length > 0 || !/^year/.test(token.lower)))
      break;
    if (words.length > 0 && COMMON_VERBS.has(token.lower)) break;
    if (words.length > 0 && /[^-]ed$/.test(token.lower) && !token.lower.includes("-")) break;
    if (/ing$/.test(token.lower) && /[^s]s$/.test(words[words.length - 1] ?? "")) break;
    words.push(token.lower);
    i++;
  }
  while (
    words.length > 0 &&
    (FILLER_MODIFIERS.has(words[0] ?? "") || DETERMINERS.has(words[0] ?? ""))
  ) {
    words.shift();
  }
  while (words.length > 0 && ["of", "and", "or"].includes(words[words.length - 1] ?? ""))
    words.pop();
  if (words.length === 0) return null;
  const head = headOf(words);
  const list = readListTail(tokens, i);
  if (list) {
    // "150 federal, state and local officers": the last item names what is counted.
    const lastHead = words.includes("of") ? head : (list.text.split(/\s+/).pop() ?? head);
    return { text: `${words.join(" ")}, ${list.text}`, head: lastHead, next: list.next };
  }
  return { text: words.join(" "), head, next: i };
}

/** ", ketamine, cathinone and other drugs": a list continuing the phrase, up to its last item. */
function readListTail(tokens: Token[], from: number): { text: string; next: number } | null {
  if (tokens[from]?.text !== ",") return null;
  const items: string[] = [];
  let current: string[] = [];
  let i = from;
  let closed = false;
  while (i < tokens.length && i < from + 25) {
    const token = tokens[i];
    if (!token) break;
    if (token.text === ",") {
      if (current.length > 0) items.push(current.join(" "));
      current = [];
    } else if (token.lower === "and" || token.lower === "or") {
      if (current.length > 0) items.push(current.join(" "));
      current = [];
      closed = true;
    } else if (token.isWord && !isPhraseBreak(token)) {
      // "14 fishing boats, nine dinghies and …": an item opening on a number is a figure of its own.
      if (current.length === 0 && isNumberWord(token.lower)) return null;
      current.push(token.lower);
    } else break;
    i++;
  }
  if (!closed || current.length === 0 || items.length === 0) return null;
  items.push(current.join(" "));
  const last = items.pop() ?? "";
  return { text: `${items.join(", ")} and ${last}`, next: i };
}

/** The counted noun: the last word before any "of" ("cases of money laundering" → cases), so
 * coordinated modifiers take the noun after them ("fraud and theft cases" → cases). */
function headOf(words: string[]): string {
  const cut = words.findIndex((word, index) => index > 0 && word === "of");
  const main = cut === -1 ? words : words.slice(0, cut);
  return main[main.length - 1] ?? words[0] ?? "";
}

/** The noun phrase that ends right before `end` (exclusive): "seized various drugs 312.5 kg" → "drugs". */
export function readNounPhraseBefore(
  tokens: Token[],
  end: number,
  maxWords = 5,
): NounPhrase | null {
  let i = end - 1;
  let linked = false;
  while (i >= 0 && LINKING.test(tokens[i]?.lower ?? "")) {
    linked ||= COPULA.test(tokens[i]?.lower ?? "");
    i--;
  }
  if (tokens[i]?.text === ":") i--; // "Heroin: 412 kg"
  // "prosecutors said 4 tonnes …": the words before a reporting verb name who speaks, not what is counted.
  if (REPORTING.test(tokens[i]?.lower ?? "")) return null;
  const words: string[] = [];
  while (i >= 0 && words.length < maxWords) {
    const token = tokens[i];
    const nominalHead =
      words.length === 0 && token !== undefined && NOMINAL_ACTIONS.test(token.lower);
    if (!token?.isWord || (isPhraseBreak(token) && !nominalHead) || CONJUNCTIONS.has(token.lower))
      break;
    if (DETERMINERS.has(token.lower) && token.lower !== "of") break;
    words.unshift(token.lower);
    i--;
  }
  while (words.length > 0 && (FILLER_MODIFIERS.has(words[0] ?? "") || words[0] === "of"))
    words.shift();
  if (words.length === 0) return null;
  return { text: words.join(" "), head: words[words.length - 1] ?? "", next: end, linked };
}
