/**
 * Follow-ups in a conversation. A question that leans on the one before it is rewritten into one
 * that stands alone, so the rest of the engine never needs the conversation:
 * - a new filter only ("and ontario?", "what about 2021?", "and meth?") keeps the previous
 *   measure: the previous question, its place, year or counted thing swapped for the new one;
 * - a new measure that points back ("how many suspects in those", "how much did they seize")
 *   keeps the previous filter: the pointer is replaced by what it points at.
 * A question that stands on its own is left alone.
 */

import { yearsIn } from "../facts/dates.js";
import { AUXILIARIES, actionLemma } from "../facts/lexicon.js";
import { words } from "../text/tokenize.js";
import { isGenericNoun } from "./coverage.js";
import { ASKED_RATE, type Query } from "./understand.js";
import { STOP_WORDS } from "./vocabulary.js";

export interface FollowUp {
  /** The follow-up asked as a question of its own. */
  question: string;
  /** What it kept from the previous question: its measure ("cases") or its filter ("Ontario"). */
  kept: string;
}

const LEAD_IN =
  /^(?:(?:and|also|so|ok|okay|then)\s+)?(?:(?:what|how)\s+about|what\s+of|same\s+for)\s+|^(?:and|also|plus)\s+/i;
const POINTER_PHRASE =
  /\b(?:in|of|from|for|during|by|among)\s+(?:those|these|them|that|it)\b|\bthere\b/i;
const SUBJECT_POINTER = /\b(?:they|them|their|those|these)\b/i;
const COUNT_OF_THAT =
  /^how\s+(?:many|much)\s+(?:was|were|is|are)\s+(?:that|those|these|they|it)\b/i;
/** "how many cases was that": the count, in a new unit, of what the previous question asked. */
const UNITS_OF_THAT =
  /^how\s+(many|much)\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:was|were|is|are)\s+(?:that|those|these|they|it)\b/iu;
/** Where a question's filter starts: its first prepositional phrase after the measure. */
const FILTER_PHRASE = /\b(?:in|during|under|at|across|within|through|for|on)\s+[^?]+/i;

function measureOf(previous: Query): string {
  return previous.measure.target ?? firstNoun(previous) ?? previous.measure.concepts[0] ?? "that";
}

/**
 * What the previous question counted, with what it said of it: "how many drug making cases were
 * cracked" → "drug making cases cracked".
 */
function countedPhrase(previous: Query): string | null {
  const after = /\bhow\s+(?:many|much)\s+(.+)$/i.exec(previous.cleaned)?.[1];
  if (!after) return previous.measure.target;
  return after
    .split(/\s+/)
    .filter((word) => !AUXILIARIES.has(word.toLowerCase()))
    .join(" ")
    .replace(/[?.!\s]+$/, "");
}

/** The previous question's filter as a phrase to carry: its place, else its first prepositional phrase. */
function filterPhrase(previous: Query): string | null {
  const [place] = previous.filters.placeWords;
  if (place) return `in ${place}`;
  const afterMeasure = previous.cleaned.slice(
    Math.max(0, previous.cleaned.toLowerCase().indexOf(previous.measure.target ?? "\u0000")),
  );
  return FILTER_PHRASE.exec(afterMeasure)?.[0]?.replace(/[?.!\s]+$/, "") ?? null;
}

/** Content words of `text` beyond places, years and grammar. */
function contentWords(text: string, current: Query): string[] {
  const places = current.filters.placeWords.join(" ").toLowerCase();
  return words(text).filter(
    (word) =>
      !STOP_WORDS.has(word) &&
      !/^\d/.test(word) &&
      yearsIn(word).length === 0 &&
      !places.includes(word),
  );
}

function replacePlaces(previous: Query, current: Query): string {
  const [first, ...rest] = previous.filters.placeWords;
  let text = previous.cleaned;
  const added = current.filters.placeWords.join(" and ");
  if (!first) return `${text.replace(/[?.!\s]+$/, "")} in ${added}`;
  text = text.replace(first, added);
  for (const word of rest) text = text.replace(word, "");
  return text;
}

function replaceYears(text: string, previous: Query, current: Query): string {
  const years = current.filters.period.years;
  const [first, ...rest] = previous.filters.period.years;
  if (!first) return `${text.replace(/[?.!\s]+$/, "")} in ${years.join(" and ")}`;
  let out = text.replace(first, years.join(" and "));
  for (const year of rest) out = out.replace(year, "");
  return out;
}

/**
 * The thing a previous question without a counted noun was about: "how much are burglaries down"
 * → "burglaries", "by how much are illegal border crossings down" → "illegal border crossings":
 * the run of content words after "how much" and the grammar words that follow it, up to a verb or
 * the next grammar word.
 */
function firstNoun(previous: Query): string | null {
  const after = /\bhow\s+(?:many|much)\s+(.*)$/i.exec(previous.cleaned)?.[1];
  if (!after) return null;
  const tokens = words(after);
  let start = 0;
  while (start < tokens.length && STOP_WORDS.has(tokens[start] ?? "")) start++;
  const run: string[] = [];
  for (const word of tokens.slice(start)) {
    if (STOP_WORDS.has(word) || actionLemma(word) !== null || /ed$/.test(word)) break;
    run.push(word);
  }
  return run.length > 0 ? run.join(" ") : null;
}

/** "and per town?" after "how much per state": the previous question asked per the new thing. */
function swapRate(rest: string, previous: Query, current: Query): FollowUp | null {
  const asked = ASKED_RATE.exec(rest)?.[0];
  const before = ASKED_RATE.exec(previous.cleaned)?.[0];
  if (!asked || !current.measure.per) return null;
  const question = before
    ? previous.cleaned.replace(before, asked)
    : `${previous.cleaned.replace(/[?.!\s]+$/, "")} ${asked}`;
  return { question, kept: measureOf(previous) };
}

/**
 * "how old is Rowan Pike?" then "and ada?": the name the previous question used, swapped for the
 * report's name used now. The typed name is found in the previous question whatever its punctuation.
 */
function swapName(
  content: string[],
  previous: Query,
  isReportName: (word: string) => boolean,
): FollowUp | null {
  const [named] = previous.filters.names;
  const typed = named?.[0];
  if (!typed || content.length === 0 || !content.every(isReportName)) return null;
  const pattern = new RegExp(
    `\\b${words(typed).map(escapeRegExp).join(String.raw`\W+`)}\\b\\.?`,
    "i",
  );
  if (!pattern.test(previous.cleaned)) return null;
  return {
    question: previous.cleaned.replace(pattern, content.join(" ")),
    kept: measureOf(previous),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Content words a bare follow-up ("and meth?") may have, and one led in by "what about". */
const MAX_BARE_THING = 2;
const MAX_LED_IN_THING = 5;

/** "and ontario?", "in 2021?", "and meth?": the previous question with its filter or thing swapped. */
function newFilter(
  rest: string,
  previous: Query,
  current: Query,
  ledIn: boolean,
  isReportName: (word: string) => boolean,
): FollowUp | null {
  const hasPlaces = current.filters.places.length > 0;
  const hasYears = current.filters.period.years.length > 0;
  const content = contentWords(rest, current);
  if (current.measure.target && !hasPlaces && !hasYears) return null;
  // "westvale robberies 2025", "oakfield death rate": a place or year with a thing of its own,
  // typed with no lead-in, is a terse question of its own, not a new filter on the last one.
  if (!ledIn && (hasPlaces || hasYears) && content.some((word) => !isGenericNoun(word))) {
    return null;
  }
  const person = hasPlaces || hasYears ? null : swapName(content, previous, isReportName);
  if (person) return person;
  const thing = thingAsked(rest);
  if (ledIn && thing && !hasPlaces && !hasYears && content.length <= MAX_LED_IN_THING) {
    const swapped = swapTopic(previous, thing);
    if (swapped) return { question: swapped, kept: measureOf(previous) };
  }
  // "what about the harbour task force members?" names a longer thing than a bare "and meth?".
  const verbless = content.every((word) => actionLemma(word) === null);
  const swapsThing =
    ledIn && verbless && previous.measure.target !== null && !hasPlaces && !hasYears;
  const longest = swapsThing ? MAX_LED_IN_THING : MAX_BARE_THING;
  if (content.length > longest) return null;
  const rate = swapRate(rest, previous, current);
  if (rate) return rate;
  // "westvale?" answered with one figure, then "and oakfield?": that figure's measure for the new place.
  if (previous.listedAs && hasPlaces && content.length === 0) {
    const place = current.filters.placeWords.join(" and ");
    return {
      question: `${previous.listedAs.question} in ${place}`,
      kept: previous.listedAs.measure,
    };
  }
  let question = hasPlaces ? replacePlaces(previous, current) : previous.cleaned;
  if (hasYears) question = replaceYears(question, previous, current);
  if (!hasPlaces && !hasYears) {
    const target = previous.measure.target ?? firstNoun(previous);
    if (content.length === 0 || !target) return null;
    question = question.replace(new RegExp(`\\b${target}\\b`, "i"), content.join(" "));
  }
  return { question, kept: measureOf(previous) };
}

/** "the listed cases?" → "the listed cases": the follow-up's words without its punctuation. */
function thingAsked(rest: string): string | null {
  const thing = rest.replace(/[?.!\s]+$/, "").trim();
  return /\p{L}/u.test(thing) ? thing : null;
}

/**
 * "how many arrests in the harbour sweep?" then "what about the border sweep?": when what the
 * previous question counted is a measure (an action such as arrests, or money) rather than a thing,
 * the new words name what it is measured for: its filter phrase, else its opening topic, is swapped.
 */
function swapTopic(previous: Query, thing: string): string | null {
  const target = previous.measure.target;
  if (!target) return null;
  const currency = previous.measure.expected.kind === "currency";
  if (actionLemma(target) === null && !currency) return null;
  const asked = previous.cleaned.replace(/[?.!\s]+$/, "");
  const after = asked.slice(asked.toLowerCase().indexOf(target.toLowerCase()) + target.length);
  const phrase = FILTER_PHRASE.exec(after);
  if (phrase) {
    const opener = phrase[0].split(/\s+/)[0] ?? "in";
    const tail = after.slice((phrase.index ?? 0) + phrase[0].length);
    // The measure's own modifiers ("discretionary money") may belong to the old topic: its head
    // stays, and money is asked by "how much" alone, so a figure is not sought for the word "money".
    const head = currency ? "" : ` ${target}`;
    const kept = asked
      .slice(0, asked.length - after.length)
      .replace(/\b(how\s+(?:many|much))\s+.*$/i, `$1${head}`);
    const rest = after.slice(0, phrase.index ?? 0);
    // "for HHS is proposed": the filter's object ends where a verb phrase begins.
    const verbAt = phrase[0].search(
      /\s(?:is|are|was|were|be|been|being|has|have|had|will|would)\b/i,
    );
    const trailing = verbAt > 0 ? phrase[0].slice(verbAt) : "";
    return `${kept}${rest}${opener} ${thing}${trailing}${tail}`;
  }
  // "harbour ops how many arrests": a topic before the question words.
  const opening = /^(.+?)\s+(how\s+(?:many|much)\b.*)$/i.exec(asked);
  if (opening?.[2]) return `${thing} ${opening[2]}`;
  return `${asked} in ${thing}`;
}

/** "how much was seized in those", "how many did they arrest": the pointer made explicit. */
function newMeasure(rest: string, previous: Query): FollowUp | null {
  const units = UNITS_OF_THAT.exec(rest);
  const asked = countedPhrase(previous);
  if (units && asked) {
    // "how much heroin came from the labs" then "how many cases was that": how many cases of it.
    return { question: `how ${units[1]} ${units[2]} of ${asked}`, kept: measureOf(previous) };
  }
  if (COUNT_OF_THAT.test(rest)) {
    const counted = previous.cleaned.replace(/^(?:which|what)\b/i, "how many");
    return counted === previous.cleaned ? null : { question: counted, kept: measureOf(previous) };
  }
  const counted = countedPhrase(previous);
  const filter = filterPhrase(previous);
  const pointer = POINTER_PHRASE.exec(rest);
  if (pointer) {
    const isPlace = /^there$/i.test(pointer[0]);
    const meant = isPlace ? filter : counted ? `in the ${counted}` : filter;
    if (!meant) return null;
    return { question: rest.replace(pointer[0], meant), kept: meant.replace(/^in (?:the )?/i, "") };
  }
  if (SUBJECT_POINTER.test(rest) && filter) {
    return {
      question: `${rest.replace(/[?.!\s]+$/, "")} ${filter}`,
      kept: filter.replace(/^in (?:the )?/i, ""),
    };
  }
  return null;
}

const PART_OF = /\bof\s+(?:it|that|those|them|these)\b/i;

/** "how much of it was meth": the previous question asked of one kind of what it counted. */
function partOf(rest: string, previous: Query, current: Query): FollowUp | null {
  const target = previous.measure.target;
  if (!PART_OF.test(rest) || !target) return null;
  const kind = contentWords(rest.replace(PART_OF, " "), current);
  if (kind.length === 0) return null;
  const question = previous.cleaned.replace(new RegExp(`\\b${target}\\b`, "i"), kind.join(" "));
  return { question, kept: measureOf(previous) };
}

/**
 * "did westvale seize more than eastport": a question with a verb of the report's kind says what it
 * asks; with no lead-in and nothing pointing back, it is no new filter on the previous question.
 */
function hasOwnVerb(text: string): boolean {
  return words(text).some((word) => actionLemma(word) !== null);
}

/**
 * The follow-up rewritten to stand alone, or null when the question stands on its own.
 * `read` understands a text the way the answer path does (places the report names included);
 * `isReportName` says whether a word is one of the report's own names ("tanisha").
 */
export function followUp(
  text: string,
  previous: Query | null | undefined,
  read: (text: string) => Query,
  isReportName: (word: string) => boolean = () => false,
): FollowUp | null {
  if (!previous) return null;
  const leadIn = LEAD_IN.exec(text);
  const rest = leadIn ? text.slice(leadIn[0].length) : text;
  const current = read(rest);
  const pointsBack =
    POINTER_PHRASE.test(rest) ||
    SUBJECT_POINTER.test(rest) ||
    COUNT_OF_THAT.test(rest) ||
    UNITS_OF_THAT.test(rest);
  if (!leadIn && !pointsBack && (current.measure.target || current.wh || hasOwnVerb(rest))) {
    return null;
  }
  // "and kg seized?": a unit asked names a new measure as well as "how many" does.
  const { expected } = current.measure;
  const asksNewThing =
    current.measure.target !== null ||
    /\bhow\s+(?:many|much)\b/i.test(rest) ||
    (leadIn !== null && (expected.kind !== null || expected.unit !== null));
  if (
    !asksNewThing ||
    (!pointsBack &&
      current.filters.places.length + current.filters.period.years.length > 0 &&
      !current.measure.target)
  ) {
    return newFilter(rest, previous, current, leadIn !== null, isReportName);
  }
  if (pointsBack) return partOf(rest, previous, current) ?? newMeasure(rest, previous);
  // "and how many suspects?": a new measure under the previous filter.
  const filter = filterPhrase(previous);
  if (!filter || current.filters.places.length > 0) return null;
  return {
    question: `${rest.replace(/[?.!\s]+$/, "")} ${filter}`,
    kept: filter.replace(/^in (?:the )?/i, ""),
  };
}
