// Which reader reads a figure, and what a figure shares with the one before it.

import type { Token } from "../text/tokenize.js";
import type { NumberMatch } from "./numbers.js";
import { readNounPhrase } from "./phrases.js";
import { findPlaces } from "./places.js";
import { readAgeAdjective, readAgeAfterName, readYearsOld } from "./readers/age.js";
import {
  readBracketedCount,
  readCountedNoun,
  readCountIn,
  readNounBefore,
  readPeopleByVerb,
} from "./readers/counted.js";
import { type Figure, type Reader, type Reading, tokenIndexAt } from "./readers/figure.js";
import { readDuration, readJoinedCount } from "./readers/joined.js";
import { readMeasure } from "./readers/measure.js";
import { readMoney } from "./readers/money.js";
import { readNumberOf } from "./readers/numberOf.js";
import { readRatio } from "./readers/ratio.js";
import { readShare } from "./readers/share.js";
import { countUnit } from "./units.js";
import { tail } from "./window.js";

/** "seized 5 tons of heroin and Greece 3 tons", "$1.2 billion, including $45 million": one verb for both. */
export function coordinatedWithPrevious(
  lead: string,
  text: string,
  figures: NumberMatch[],
  figure: NumberMatch,
): boolean {
  // ", 3 in Manitoba", "including 47 …", "the operation: 7 in Alberta" share a verb.
  // "Chile (25)": a figure in brackets after a name shares the verb of the list it is in.
  if (/(?:,|:|\(|\band|\bincluding|\bof which|\bamong them)\s*$/i.test(tail(lead))) return true;
  const previous = figures[figures.indexOf(figure) - 1];
  return (
    previous !== undefined &&
    /\band\b|,/.test(text.slice(previous.end, figure.start)) &&
    !/[;.]/.test(text.slice(previous.end, figure.start))
  );
}

/** What an unnamed count ("300 of them") takes from the figure before it. */
export interface Carried {
  subject: string;
  unit: string | null;
  /** Whether it is a weight or volume. */
  weighed: boolean;
}

/** "questioned 300 of them … and charged 45 …": an unnamed count is more of the same. */
export function carry(reading: Reading, previous: Carried | null): Carried {
  if (isNamedSubject(reading.subject))
    return { subject: reading.subject, unit: reading.unit, weighed: reading.base !== null };
  // "solved 12 of them": a pronoun is no unit either; measures keep their own.
  const measured =
    reading.base !== null || reading.unit === "percent" || /^[A-Z]{3}$/.test(reading.unit ?? "");
  // "3,000 cells; $20 million to cover costs": money is not more of the beds before it.
  const money = (unit: string | null | undefined) => /^[A-Z]{3}$/.test(unit ?? "");
  // "3.1 tonnes in 12 crates, while Eastport seized 1.4 tonnes": a weight is not more containers.
  const otherMeasure =
    previous !== null &&
    ((money(reading.unit) && !money(previous.unit)) ||
      (reading.base !== null && !previous.weighed));
  // "down from 74 (-22%), of which 47 involved …": a bare count is no percentage; English repeats the sign.
  const carriedUnit = previous?.unit === "percent" ? null : previous?.unit;
  return {
    subject: otherMeasure ? reading.subject : (previous?.subject ?? reading.subject),
    unit: measured ? reading.unit : (carriedUnit ?? reading.unit),
    weighed: reading.base !== null,
  };
}

/** Words that point back to a thing named before: "they", "it", "these". */
const POINTING_BACK = /\b(?:they|them|it|these|those)\b/gi;

/** "Since it went on sale, kiosks sold 40,000 cards": a sentence that points back. */
export function pointsBack(sentence: string): boolean {
  POINTING_BACK.lastIndex = 0;
  return POINTING_BACK.test(sentence);
}

/**
 * "In Ashby they are down 16 percent", "Corvale is up 27 percent": a subject of places and words
 * that point back names nothing counted; the sentences before say what the figure is of.
 */
export function namesCountedThing(subject: string): boolean {
  return isNamedSubject(subject.replace(POINTING_BACK, " ").replace(/\s+/g, " ").trim());
}

/** A subject that says what was counted, not an empty one or a place ("Portugal 2 tonnes"). */
function isNamedSubject(subject: string): boolean {
  if (
    subject.trim() === "" ||
    /^(?:them|these|those|it|they|which|whom|placed|[a-z]+ed)$/i.test(subject.trim())
  ) {
    return false;
  }
  // "5,000 Americans": people named for their country are what is counted, not a place.
  const places = findPlaces(subject.replace(/\b\w/g, (c) => c.toUpperCase())).filter(
    (m) => !(/s$/i.test(m.text) && m.text.toLowerCase() !== m.place.name.toLowerCase()),
  );
  return !(
    places.length > 0 &&
    places.map((m) => m.text.length).reduce((a, b) => a + b, 0) >= subject.length - 2
  );
}

/** "More than 4,700", "$3.8 billion": the words a figure that opens its line may start with. */
const OPENING =
  /^\W*(?:(?:more|fewer|less) than|over|nearly|almost|about|roughly|some|approximately|up to)?\s*\W*$/i;

/**
 * "412,600: Administrative arrests made in FY 2026", "$2.1 billion: Funding for new boats": a line
 * that opens on its figure and a colon names what the figure counts after the colon.
 */
function labelledAfter(reading: Reading, { match, sentence, tokens }: Figure): Reading | null {
  if (!OPENING.test(sentence.slice(0, match.start))) return null;
  const colon = /^\s*:\s*/.exec(sentence.slice(reading.end));
  if (!colon) return null;
  const phrase = readNounPhrase(tokens, tokenIndexAt(tokens, reading.end + colon[0].length));
  if (!phrase) return null;
  return {
    ...reading,
    unit: reading.unit ?? countUnit(phrase.head),
    subject: phrase.text,
    head: phrase.head,
    phraseEnd: phrase.next,
  };
}

/** The readers, most specific shape first; the last always reads something. */
const READERS: readonly Reader[] = [
  readMoney,
  readMeasure,
  readAgeAdjective,
  readYearsOld,
  readDuration,
  readJoinedCount,
  readAgeAfterName,
  readRatio,
  readShare,
  readCountedNoun,
  readBracketedCount,
  readCountIn,
  readPeopleByVerb,
  readNumberOf,
  readNounBefore,
];

/** What a figure measures and counts: the reading of the first reader its shape fits. */
export function readFigure(match: NumberMatch, sentence: string, tokens: Token[]): Reading {
  const figure: Figure = {
    match,
    sentence,
    tokens,
    rest: sentence.slice(match.end),
    at: tokenIndexAt(tokens, match.start),
    after: tokenIndexAt(tokens, match.end),
  };
  for (const reader of READERS) {
    const reading = reader(figure);
    if (reading) return labelledAfter(reading, figure) ?? reading;
  }
  throw new Error("factdesk: readNounBefore reads every figure");
}
