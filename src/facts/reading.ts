// What a figure measures and counts, read from the words around it.

import type { Token } from "../text/tokenize.js";
import { actionLemma, DRUG_NAMES } from "./lexicon.js";
import type { NumberMatch } from "./numbers.js";
import { type NounPhrase, readNounPhrase, readNounPhraseBefore } from "./phrases.js";
import { findPlaces } from "./places.js";
import type { Fact } from "./schema.js";
import { baseOf, countUnit, measureAfter } from "./units.js";

/** What a figure measures, read from the words around it. */
export interface Reading {
  unit: string | null;
  base: Fact["base"];
  subject: string;
  head: string | null;
  /** Token index right after the figure's own words, where a passive verb would follow. */
  phraseEnd: number;
  /** Character offset where the figure's own words end ("4.2 tons", "1,320 drug cases"). */
  end: number;
}

export function tokenIndexAt(tokens: Token[], offset: number): number {
  const index = tokens.findIndex((token) => token.end > offset);
  return index === -1 ? tokens.length : index;
}

/** "seized 5 tons of heroin and Greece 3 tons", "$1.2 billion, including $45 million": one verb for both. */
export function coordinatedWithPrevious(
  lead: string,
  text: string,
  figures: NumberMatch[],
  figure: NumberMatch,
): boolean {
  // ", 4 in Ontario", "including 19 …", "the investigation: 5 in British Columbia" share a verb.
  if (/(?:,|:|\band|\bincluding|\bof which|\bamong them)\s*$/i.test(lead)) return true;
  const previous = figures[figures.indexOf(figure) - 1];
  return (
    previous !== undefined &&
    /\band\b|,/.test(text.slice(previous.end, figure.start)) &&
    !/[;.]/.test(text.slice(previous.end, figure.start))
  );
}

/** What an unnamed count ("9,600 of them") takes from the figure before it. */
export interface Carried {
  subject: string;
  unit: string | null;
}

/** "ordered 9,600 of them … and placed 14 200 under …": an unnamed count is more of the same. */
export function carry(reading: Reading, previous: Carried | null): Carried {
  if (isNamedSubject(reading.subject)) return { subject: reading.subject, unit: reading.unit };
  // "solved 24 of them": a pronoun is no unit either; measures keep their own.
  const measured =
    reading.base !== null || reading.unit === "percent" || /^[A-Z]{3}$/.test(reading.unit ?? "");
  // "34,000 beds; $225 million to cover costs": money is not more of the beds before it.
  const money = (unit: string | null | undefined) => /^[A-Z]{3}$/.test(unit ?? "");
  const otherMeasure = money(reading.unit) && previous !== null && !money(previous.unit);
  return {
    subject: otherMeasure ? reading.subject : (previous?.subject ?? reading.subject),
    unit: measured ? reading.unit : (previous?.unit ?? reading.unit),
  };
}

/** A subject that says what was counted, not an empty one or a place ("Greece 5.3 tonnes"). */
function isNamedSubject(subject: string): boolean {
  if (
    subject.trim() === "" ||
    /^(?:them|these|those|it|they|which|whom|placed|[a-z]+ed)$/i.test(subject.trim())
  ) {
    return false;
  }
  const places = findPlaces(subject.replace(/\b\w/g, (c) => c.toUpperCase()));
  return !(
    places.length > 0 &&
    places.map((m) => m.text.length).reduce((a, b) => a + b, 0) >= subject.length - 2
  );
}

const PEOPLE_VERBS = new Set(["arrest", "prosecute", "rescue", "rehabilitate"]);

const NAME_WORD = "(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*|[A-Z]\\.)";
const AGED_NAME = new RegExp(`(${NAME_WORD}(?:\\s+${NAME_WORD}){1,4}),\\s*$`);

/** "…, Marcus Whitfield, 38": the capitalised name right before ", <number>". */
function ageAfterName(before: string): string | null {
  const name = AGED_NAME.exec(before)?.[1];
  return name && findPlaces(name).length === 0 ? name : null;
}

export function readMeasure(match: NumberMatch, sentence: string, tokens: Token[]): Reading {
  const rest = sentence.slice(match.end);
  const measure = measureAfter(rest);
  const startToken = tokenIndexAt(tokens, match.start);
  if (match.currency || measure?.kind === "currency") {
    const unit = match.currency ?? measure?.unit ?? null;
    const unitEnd = match.end + (measure?.kind === "currency" ? measure.length : 0);
    return {
      ...subjectAround(tokens, startToken, tokenIndexAt(tokens, unitEnd), unit, null),
      end: unitEnd,
    };
  }
  if (measure) {
    const unitEnd = tokenIndexAt(tokens, match.end + measure.length);
    const base = baseOf(match.value, measure);
    const described = rest.startsWith("-") ? readNounPhrase(tokens, unitEnd) : null;
    if (described) {
      // "a 300-pound seizure": the weight describes the noun that follows.
      const end = tokens[described.next - 1]?.end ?? match.end + measure.length;
      return {
        unit: measure.unit,
        base,
        subject: described.text,
        head: described.head,
        phraseEnd: described.next,
        end,
      };
    }
    if (measure.unit === "percent" && tokens[unitEnd]?.lower === "of") {
      // "making up 32.3 per cent of all abusers": the "of" phrase is the whole, not the share; the
      // share is whatever the sentence counted before (carried over, see carry()).
      return {
        unit: "percent",
        base: null,
        subject: "",
        head: null,
        phraseEnd: unitEnd,
        end: match.end + measure.length,
      };
    }
    return {
      ...subjectAround(tokens, startToken, unitEnd, measure.unit, base),
      end: match.end + measure.length,
    };
  }
  const age = /^[-\s]years?[-\s]old\s+/i.exec(rest);
  const aged = age ? readNounPhrase(tokens, tokenIndexAt(tokens, match.end + age[0].length)) : null;
  if (age && aged) {
    const end = tokens[aged.next - 1]?.end ?? match.end + age[0].length;
    return {
      unit: "year",
      base: null,
      subject: `age of ${aged.text}`,
      head: "age",
      phraseEnd: tokenIndexAt(tokens, end),
      end,
    };
  }
  const yearsOld = /^\s+years?\s+old\b/i.exec(rest);
  if (yearsOld) {
    // "The youngest new abuser arrested during the year was 13 years old."
    const who = readNounPhrase(tokens, clauseStart(tokens, startToken));
    const end = match.end + yearsOld[0].length;
    return {
      unit: "year",
      base: null,
      subject: `age of ${who?.text ?? "person"}`,
      head: "age",
      phraseEnd: tokenIndexAt(tokens, end),
      end,
    };
  }
  const duration = /^-(day|week|month|year|hour)s?\b/i.exec(rest);
  if (duration?.[1]) {
    const unit = duration[1].toLowerCase();
    const end = match.end + duration[0].length;
    return {
      unit,
      base: null,
      subject: `${unit}s`,
      head: unit,
      phraseEnd: tokenIndexAt(tokens, end),
      end,
    };
  }
  const compound = /^-([a-z]+)\b/i.exec(rest);
  if (compound?.[1]) {
    // "a 22-count indictment": the figure counts the word it is joined to.
    const word = compound[1].toLowerCase();
    const end = match.end + compound[0].length;
    return {
      unit: countUnit(word),
      base: null,
      subject: `${word}s`,
      head: word,
      phraseEnd: tokenIndexAt(tokens, end),
      end,
    };
  }
  const named = /^,\s*(?:of|from)\b|^,/.test(rest)
    ? ageAfterName(sentence.slice(0, match.start))
    : null;
  if (named && match.value < 120) {
    // "Marcus Whitfield, 38, of Dayton": an age after a name.
    return {
      unit: "year",
      base: null,
      subject: `age of ${named}`,
      head: "age",
      phraseEnd: startToken + 1,
      end: match.end,
    };
  }
  const afterNumber = tokenIndexAt(tokens, match.end);
  // "1,143 were minors": what the figure counts may follow a copula.
  const predicate = /^(?:were|was|are|is)$/.test(tokens[afterNumber]?.lower ?? "")
    ? readNounPhrase(tokens, afterNumber + 1)
    : null;
  const phrase = readNounPhrase(tokens, afterNumber) ?? predicate;
  if (!phrase && /^(?:in|at)$/.test(tokens[afterNumber]?.lower ?? "")) {
    // "5 in British Columbia, 4 in Ontario": more of what the sentence already counts.
    return {
      unit: null,
      base: null,
      subject: "",
      head: null,
      phraseEnd: startToken + 1,
      end: match.end,
    };
  }
  const participle = tokens[afterNumber]?.lower ?? "";
  if (!phrase && PEOPLE_VERBS.has(actionLemma(participle) ?? "")) {
    // "14 charged in federal indictment", "12 arrested": people, by what happened to them.
    return {
      unit: "person",
      base: null,
      subject: "people",
      head: "people",
      phraseEnd: startToken + 1,
      end: match.end,
    };
  }
  if (phrase) {
    const end = tokens[phrase.next - 1]?.end ?? match.end;
    return {
      unit: countUnit(phrase.head),
      base: null,
      subject: phrase.text,
      head: phrase.head,
      phraseEnd: phrase.next,
      end,
    };
  }
  const before = readNounPhraseBefore(tokens, startToken);
  return {
    unit: null,
    base: null,
    subject: before?.text ?? "",
    head: before?.head ?? null,
    phraseEnd: startToken + 1,
    end: match.end,
  };
}

function clauseStart(tokens: Token[], before: number): number {
  for (let i = before - 1; i >= 0; i--) if (/^[,;:]$/.test(tokens[i]?.text ?? "")) return i + 1;
  return 0;
}

/** "$5 million for fiscal year 2025", "for the first time", "for each state": no recipient. */
const NOT_A_PURPOSE =
  /^(?:(?:the\s+)?(?:fiscal|financial|calendar|first|second|last|past|next|year|years|months?|period|time)\b|each|every|fy|\d)/;

/** What money is for: "$3 million for the Harbour Patrol". ("to" leads to too much else.) */
function purposeAfter(tokens: Token[], from: number) {
  if (tokens[from]?.lower !== "for" || NOT_A_PURPOSE.test(tokens[from + 1]?.lower ?? ""))
    return null;
  const phrase = properName(tokens, from + 1) ?? readNounPhrase(tokens, from + 1);
  return phrase && !NOT_A_PURPOSE.test(phrase.text) ? phrase : null;
}

const NAME_JOINERS = /^(?:of|for|on|and|the|&)$/;

/** "the Bureau of Drug Investigation": a capitalised name, read whole, whatever its words are. */
function properName(tokens: Token[], from: number): NounPhrase | null {
  let i = tokens[from]?.lower === "the" ? from + 1 : from;
  const words: string[] = [];
  let end = i;
  while (i < tokens.length && words.length < 10) {
    const token = tokens[i];
    if (!token?.isWord) break;
    if (/^[A-Z]/.test(token.text)) {
      words.push(token.lower);
      end = i + 1;
    } else if (words.length > 0 && NAME_JOINERS.test(token.lower)) words.push(token.lower);
    else break;
    i++;
  }
  const name = words.slice(0, words.length - (i - end));
  if (name.length < 2) return null;
  return { text: name.join(" "), head: name[name.length - 1] ?? "", next: end };
}

/** For measures, what was measured: "4.2 tons of heroin", "drugs 312.5 kg", "$45 million in cash". */
function subjectAround(
  tokens: Token[],
  numberToken: number,
  measureEnd: number,
  unit: string | null,
  base: Fact["base"],
): Omit<Reading, "end"> {
  // "400 grams or more of fentanyl": the threshold words sit between the weight and the drug.
  const threshold =
    tokens[measureEnd]?.lower === "or" &&
    /^(?:more|less)$/.test(tokens[measureEnd + 1]?.lower ?? "");
  const unitEnd = threshold ? measureEnd + 2 : measureEnd;
  const before = readNounPhraseBefore(tokens, numberToken);
  if (before?.linked && base) {
    // "Cocaine seizures in the first two months amounted to 168 kg": the clause's own subject.
    const subject = readNounPhrase(tokens, clauseStart(tokens, numberToken)) ?? before;
    return { unit, base, subject: subject.text, head: subject.head, phraseEnd: unitEnd };
  }
  const purpose = unit !== null && base === null ? purposeAfter(tokens, unitEnd) : null;
  if (purpose)
    return { unit, base, subject: purpose.text, head: purpose.head, phraseEnd: purpose.next };
  const next = tokens[unitEnd];
  // "$45 million in cash" names what the money is; "96 kg in the same period" does not.
  const inNames = next?.lower === "in" && base === null;
  const connector = next?.lower === "of" || inNames || next?.lower === "worth" ? 1 : 0;
  const skipOf = next?.lower === "worth" && tokens[unitEnd + 1]?.lower === "of" ? 1 : 0;
  if (connector) {
    const phrase = readNounPhrase(tokens, unitEnd + connector + skipOf);
    if (phrase)
      return { unit, base, subject: phrase.text, head: phrase.head, phraseEnd: phrase.next };
  }
  if (!before && base) {
    // "the biggest shabu haul …, with 612.8 kilograms", "the largest share of seizures, with 81.6
    // tonnes": the substance, or else the seizures, named earlier in the sentence.
    const earlier = tokens.slice(0, numberToken);
    const substance =
      earlier.filter((token) => DRUG_NAMES.has(token.lower)).pop() ??
      earlier.filter((token) => /^(?:seizures?|hauls?)$/.test(token.lower)).pop();
    if (substance)
      return { unit, base, subject: substance.lower, head: substance.lower, phraseEnd: unitEnd };
  }
  return {
    unit,
    base,
    subject: before?.text ?? "",
    head: before?.head ?? null,
    phraseEnd: unitEnd,
  };
}
