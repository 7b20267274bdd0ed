import type { Paragraph, ParsedReport } from "../report/types.js";
import { actionFor } from "./action.js";
import { type DateSpan, findDates, insideAny } from "./dates.js";
import { extractEntities } from "./entities.js";
import { actionLemma, DRUG_NAMES, QUALIFIERS } from "./lexicon.js";
import { type PlaceFinder, reportPlaces } from "./localPlaces.js";
import { findNumbers, type NumberMatch } from "./numbers.js";
import { readNounPhrase, readNounPhraseBefore } from "./phrases.js";
import { findPlaces, type PlaceMention } from "./places.js";
import type { Fact, FactTable } from "./schema.js";
import { type Token, tokenize } from "./tokens.js";
import { baseOf, countUnit, measureAfter, TIME_UNITS } from "./units.js";

/** What a figure measures, read from the words around it. */
interface Reading {
  unit: string | null;
  base: Fact["base"];
  subject: string;
  head: string | null;
  /** Token index right after the figure's own words, where a passive verb would follow. */
  phraseEnd: number;
  /** Character offset where the figure's own words end ("5.19 tons", "8,657 drug crime cases"). */
  end: number;
}

const HYPHEN_ADJECTIVE = /^-(?!day|week|month|year|hour)[a-z]/i;
const LABEL_BEFORE =
  /\b(?:no|nos|article|articles|section|chapter|part|phase|level|grade|class|item|paragraph|page|room|line|route|highway|interstate|flight|unit|edition|version|sections|i)\.?[\s-]*$/i;

function tokenIndexAt(tokens: Token[], offset: number): number {
  const index = tokens.findIndex((token) => token.end > offset);
  return index === -1 ? tokens.length : index;
}

/** "seized 5 tons of heroin and Greece 3 tons", "$1.2 billion, including $45 million": one verb for both. */
function coordinatedWithPrevious(
  lead: string,
  text: string,
  figures: NumberMatch[],
  figure: NumberMatch,
): boolean {
  if (/(?:,|\band|\bincluding|\bof which|\bamong them)\s*$/i.test(lead)) return true;
  const previous = figures[figures.indexOf(figure) - 1];
  return (
    previous !== undefined &&
    /\band\b|,/.test(text.slice(previous.end, figure.start)) &&
    !/[;.]/.test(text.slice(previous.end, figure.start))
  );
}

/** What an unnamed count ("9,600 of them") takes from the figure before it. */
interface Carried {
  subject: string;
  unit: string | null;
}

/** "ordered 9,600 of them … and placed 14 200 under …": an unnamed count is more of the same. */
function carry(reading: Reading, previous: Carried | null): Carried {
  if (isNamedSubject(reading.subject)) return { subject: reading.subject, unit: reading.unit };
  return {
    subject: previous?.subject ?? reading.subject,
    unit: reading.unit ?? previous?.unit ?? null,
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

/** "24 per cent more than", "8.7 percent lower": the direction a percentage moves in. */
function changeDirection(after: string): string | null {
  if (/^\s*(?:more|higher|up|increase|greater|above)\b/i.test(after)) return "increase";
  if (/^\s*(?:less|lower|down|fewer|decrease|below)\b/i.test(after)) return "decrease";
  return null;
}

/** Short quoted spans are names ("double hanging and two unification"), not results. */
function quotedNames(sentence: string): DateSpan[] {
  return [...sentence.matchAll(/["“]([^"”]{1,80})["”]/g)]
    .filter((match) => (match[1] ?? "").split(/\s+/).length <= 8)
    .map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

function isFigure(
  match: NumberMatch,
  sentence: string,
  dates: DateSpan[],
  isHeading: boolean,
): boolean {
  if (insideAny(dates, match.start, match.end) && match.currency === null) return false;
  if (insideAny(quotedNames(sentence), match.start, match.end)) return false;
  const before = sentence.slice(0, match.start);
  const after = sentence.slice(match.end);
  if (/[A-Za-z]-$/.test(before)) return false; // "COVID-19", "G-20"
  if (/\d[-.]$/.test(before) || /^[-.]\d/.test(sentence.slice(match.end))) return false; // "1-877-555-0199"
  if (/[\w.]\($/.test(before)) return false; // "section 400.3(1)"
  if (/\bsections?\s+[\d.()]+\s*(?:,|and|or)\s*$/i.test(before)) return false; // "sections 11.5 and 307.1"
  if (LABEL_BEFORE.test(before)) return false;
  if (isHeading && before.trim() === "") return false; // "3. Blocking smuggling routes"
  if (/^\s*[.)]\s/.test(after) && before.trim() === "") return false; // a list label
  if (!match.isWord) return true;
  const word = match.text.trim();
  if (/^[A-Z]/.test(word) && before.trim() !== "") return false; // "Hundred Days Action"
  if (HYPHEN_ADJECTIVE.test(after)) return false; // "two-pronged", "three-dimensional"
  if (/^\s+of\b/i.test(after)) return false; // "one of the", "two of them"
  if (/^(?:a|one|a dozen)$/i.test(word))
    return /^\s+(?:person|suspect|case|gang|ton|kilogram)/i.test(after);
  return /^[\s-]+[a-z]/i.test(after);
}

/** "more than", "nearly"… right before the number, and where its words start. */
function qualifierBefore(before: string): { label: string; start: number } | null {
  for (const [pattern, label] of QUALIFIERS) {
    const match = pattern.exec(before);
    if (match) return { label, start: match.index };
  }
  return null;
}

function readMeasure(match: NumberMatch, sentence: string, tokens: Token[]): Reading {
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
  const phrase = readNounPhrase(tokens, tokenIndexAt(tokens, match.end));
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

/** For measures, what was measured: "5.19 tons of drugs", "drugs 568.9 kg", "$45 million in cash". */
function subjectAround(
  tokens: Token[],
  numberToken: number,
  unitEnd: number,
  unit: string | null,
  base: Fact["base"],
): Omit<Reading, "end"> {
  const before = readNounPhraseBefore(tokens, numberToken);
  if (before?.linked && base) {
    // "Cocaine seizures in the first two months amounted to 168 kg": the clause's own subject.
    const subject = readNounPhrase(tokens, clauseStart(tokens, numberToken)) ?? before;
    return { unit, base, subject: subject.text, head: subject.head, phraseEnd: unitEnd };
  }
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

/** Sentences that carry their own scope: a table row's label ("Total: …") or a national summing-up. */
const STANDS_ALONE =
  /^(?:[^,:;.]{1,40}:\s|(?:in total|total|overall|nationwide|nationally|across the country|altogether)\b)/i;

/** Places stated in the sentence, else those of the paragraph's opening sentence, else of a short section title. */
function placesFor(
  paragraph: Paragraph,
  sentenceIndex: number,
  mentionsBySentence: PlaceMention[][],
  find: PlaceFinder,
): string[] {
  const own = mentionsBySentence[sentenceIndex] ?? [];
  const sentence = paragraph.sentences[sentenceIndex]?.text ?? "";
  const standsAlone = STANDS_ALONE.test(sentence);
  const inherited =
    own.length > 0 || standsAlone
      ? own
      : (mentionsBySentence.slice(0, sentenceIndex).find((mentions) => mentions.length > 0) ?? []);
  const fromTitle =
    inherited.length === 0 && paragraph.section && paragraph.section.title.split(/\s+/).length <= 4
      ? find(paragraph.section.title)
      : [];
  return unique([...inherited, ...fromTitle].map((mention) => mention.place.name));
}

const DATELINE =
  /^[^.]{0,40}?(?:\(|,)?[^.]{0,30}?\d{4}\)?\s*[-–—]\s|^[A-Z][A-Z .,()]{2,40}\s[-–—]\s/;

/** Places where things happened: "the Sinaloa Cartel" names a gang, not a place. */
/** Places where things happened: not "the Sinaloa Cartel" (a gang) nor "the India-Pakistan border" (a line). */
function placesWhere(text: string, find: PlaceFinder): PlaceMention[] {
  return find(text).filter((mention) => {
    const after = text.slice(mention.end);
    // "BANGKOK (Thailand), 28 May 2025 - …": a dateline says where the release was issued.
    if (mention.start < 40 && DATELINE.test(text.slice(0, mention.start + 60))) return false;
    return (
      !/^\s+(?:cartels?|new generation|gangs?|clans?|syndicates?|brotherhood)\b/i.test(after) &&
      !/^(?:-[\w'’]+)*\s+(?:border|frontier)s?\b/i.test(after)
    );
  });
}

/**
 * "Punjab: 186 kg of heroin …": a line labelled with a place is about that place (and any it names).
 * A table row or sentence carries its own label; a list item's label covers all its sentences.
 */
function labelPlaces(label: string | undefined, find: PlaceFinder): string[] | null {
  if (!label) return null;
  const mentions = find(label);
  return mentions.length > 0 ? [...new Set(mentions.map((m) => m.place.name))] : null;
}

function labelOf(text: string): string | undefined {
  return /^([^:.]{2,40}):\s/.exec(text)?.[1];
}

/**
 * With several places in one sentence, a figure belongs to those named between it and the previous
 * figure ("Italy seized 9.5 tonnes and Greece 5.3 tonnes"); with none there, it shares the previous
 * figure's places ("Shenzhen cracked 1 140 cases and arrested 1 620 suspects"); the first figure
 * with none before it takes those named up to the next figure; otherwise all of them.
 */
function placesNear(
  all: string[],
  mentions: PlaceMention[],
  figures: NumberMatch[],
  figure: NumberMatch,
  previous: string[] | null,
): string[] {
  if (new Set(mentions.map((m) => m.place.name)).size < 2 || figures.length === 1) return all;
  const i = figures.indexOf(figure);
  const from = figures[i - 1]?.end ?? 0;
  const to = figures[i + 1]?.start ?? Number.POSITIVE_INFINITY;
  const before = mentions.filter((m) => m.start >= from && m.end <= figure.start);
  if (before.length === 0 && previous) return previous;
  const chosen =
    before.length > 0 ? before : mentions.filter((m) => m.start >= figure.end && m.end <= to);
  if (chosen.length === 0) return all;
  const countries = mentions.filter((m) => chosen.some((c) => c.place.country === m.place.name));
  return unique([...chosen, ...countries].map((m) => m.place.name));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** The country the report is about: the one named most often, counting its provinces, states and cities. */
/**
 * Where the report is from: the country that holds at least half of the place mentions (counting
 * its provinces, states and cities), and a place that dominates the whole text, such as Hong Kong in a Hong Kong Customs
 * release. Figures placed only there are the report's own totals, not local ones.
 */
export function homePlaces(report: ParsedReport): Set<string> {
  const countries = new Map<string, number>();
  const places = new Map<string, number>();
  let total = 0;
  for (const paragraph of report.paragraphs) {
    for (const mention of findPlaces(paragraph.text)) {
      countries.set(mention.place.country, (countries.get(mention.place.country) ?? 0) + 1);
      places.set(mention.place.name, (places.get(mention.place.name) ?? 0) + 1);
      total++;
    }
  }
  const mostOften = (counts: Map<string, number>) =>
    [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const home = new Set<string>();
  // A multi-country operation (Europol, Interpol) has no home: no country holds half the mentions.
  const country = mostOften(countries);
  if (country && country[1] >= total * 0.5) home.add(country[0]);
  const place = mostOften(places);
  if (place && place[1] >= 3 && place[1] >= total * 0.4) home.add(place[0]);
  return home;
}

function factsOfParagraph(
  paragraph: Paragraph,
  home: Set<string>,
  leadIn: string | null,
  find: PlaceFinder,
): Fact[] {
  const facts: Fact[] = [];
  const mentionsBySentence = paragraph.sentences.map((sentence) =>
    placesWhere(sentence.text, find),
  );
  const itemLabel = paragraph.isListItem ? labelOf(paragraph.text) : undefined;
  paragraph.sentences.forEach((sentence, sentenceIndex) => {
    const text = sentence.text;
    const labelled = labelPlaces(labelOf(text) ?? itemLabel, find);
    const dates = findDates(text);
    const tokens = tokenize(text);
    let previousAction: string | null = leadIn;
    let previousPlaces: string[] | null = null;
    let previous: Carried | null = null;
    const figureSpans = findNumbers(text).filter((match) =>
      isFigure(match, text, dates, paragraph.isHeading),
    );
    for (const match of figureSpans) {
      const reading = readMeasure(match, text, tokens);
      if (
        reading.unit &&
        TIME_UNITS.has(reading.unit) &&
        reading.head !== "age" &&
        /\b(?:ago|old|aged?)\b/i.test(text.slice(match.end, match.end + 20))
      ) {
        continue;
      }
      const numberToken = tokenIndexAt(tokens, match.start);
      const near: string[] = placesNear(
        placesFor(paragraph, sentenceIndex, mentionsBySentence, find),
        mentionsBySentence[sentenceIndex] ?? [],
        figureSpans,
        match,
        previousPlaces,
      );
      previousPlaces = near;
      const allPlaces = unique([...(labelled ?? []), ...near]);
      const localPlaces = allPlaces.filter((place) => !home.has(place));
      const places = localPlaces.length > 0 ? localPlaces : allPlaces;
      const before = text.slice(0, match.start);
      const qualifier = qualifierBefore(before);
      const lead = before.slice(0, qualifier?.start ?? before.length);
      const coordinated = coordinatedWithPrevious(lead, text, figureSpans, match)
        ? previousAction
        : null;
      const action: string | null =
        actionFor(tokens, numberToken, reading.phraseEnd, reading.head) ?? coordinated ?? leadIn;
      previousAction = action;
      const change =
        reading.unit === "percent"
          ? changeDirection(text.slice(reading.end, reading.end + 20))
          : null;
      const { subject, unit } = carry(reading, previous);
      previous = { subject, unit };
      const textStart = qualifier?.start ?? match.start;
      facts.push({
        id: `p${paragraph.number}-${facts.length + 1}`,
        value: match.value,
        text: text
          .slice(textStart, reading.end)
          .trim()
          .replace(/\s+(?:of|and|or)$/, ""),
        unit,
        base: reading.base,
        qualifier: qualifier?.label ?? null,
        subject,
        action: change ?? action,
        places,
        scope: localPlaces.length === 0 ? "national" : "local",
        section: paragraph.section,
        paragraph: paragraph.number,
        sentence: sentenceIndex,
        quote: text,
        dates: dates.map((date) => date.text),
      });
    }
  });
  return facts;
}

/** "reported the following seizures:" gives its verb to the list that follows. */
function lastAction(text: string): string | null {
  const lemmas = tokenize(text)
    .map((token) => actionLemma(token.lower))
    .filter((lemma): lemma is string => lemma !== null);
  return lemmas[lemmas.length - 1] ?? null;
}

/** Report → typed fact table: every stated quantity, plus named people, roles, bodies and operations. */
export function extractFacts(
  report: ParsedReport,
  find: PlaceFinder = reportPlaces(report).find,
  home: Set<string> = homePlaces(report),
): FactTable {
  let leadIn: string | null = null;
  const facts: Fact[] = [];
  for (const paragraph of report.paragraphs) {
    facts.push(...factsOfParagraph(paragraph, home, leadIn, find));
    if (paragraph.text.endsWith(":")) leadIn = lastAction(paragraph.text);
    else if (!paragraph.isListItem) leadIn = null;
  }
  return {
    facts,
    entities: extractEntities(report),
  };
}
