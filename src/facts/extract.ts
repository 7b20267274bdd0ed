import {
  checkFigures,
  checkQuotedCharacters,
  REPORT_LIMITS,
  type ReportLimits,
} from "../report/limits.js";
import type { Paragraph, ParsedReport } from "../report/types.js";
import { type Token, tokenize } from "../text/tokenize.js";
import { defaultActionOf, hasOtherVerb, statedActionFor } from "./action.js";
import { type DateSpan, findDates, reportYear, withYear } from "./dates.js";
import { extractEntities } from "./entities.js";
import {
  homePlaces,
  labelOf,
  labelPlaces,
  placesFor,
  placesNear,
  placesWhere,
  unique,
} from "./factPlaces.js";
import { changeDirection, isFigure, qualifierBefore } from "./figureSpans.js";
import { actionLemma, DRUG_NAMES, ONE_SUBSTANCE } from "./lexicon.js";
import { countedByHeading, countedByRow, isBareRowFigure } from "./listRows.js";
import { type PlaceFinder, reportPlaces } from "./localPlaces.js";
import { findNumbers, type NumberMatch } from "./numbers.js";
import { placeByName } from "./places.js";
import { tokenIndexAt } from "./readers/figure.js";
import {
  findPeriods,
  isPeriodFigure,
  leadInPeriod,
  type PeriodSpan,
  periodFor,
} from "./readers/period.js";
import { type Carried, carry, coordinatedWithPrevious, readFigure } from "./reading.js";
import type { Fact, FactTable } from "./schema.js";
import { countUnit, TIME_UNITS } from "./units.js";

const BASELINE_BEFORE =
  /\b(?:from|than|compared (?:with|to)|versus|vs\.?)\s*(?:about|around|roughly|nearly|some)?\s*$/i;

/** A sentence's figures, found before any of them is read, so the limits can be checked first. */
export interface SentenceFigures {
  dates: DateSpan[];
  periods: PeriodSpan[];
  figureSpans: NumberMatch[];
}

const NO_FIGURES: SentenceFigures = { dates: [], periods: [], figureSpans: [] };

function figuresOfParagraph(paragraph: Paragraph): SentenceFigures[] {
  return paragraph.sentences.map(({ text }) => {
    const numbers = findNumbers(text);
    // Dates and periods only sort a sentence's numbers and date its figures.
    if (numbers.length === 0) return NO_FIGURES;
    const dates = findDates(text);
    const periods = findPeriods(text);
    const figureSpans = numbers.filter(
      (match) =>
        isFigure(match, text, dates, paragraph.isHeading) && !isPeriodFigure(match, periods),
    );
    return { dates, periods, figureSpans };
  });
}

/** The dates of a sentence, read already where it holds a number. */
function datesFoundIn(
  report: ParsedReport,
  figures: SentenceFigures[][],
): (text: string) => readonly DateSpan[] {
  const found = new Map<string, DateSpan[]>();
  report.paragraphs.forEach((paragraph, i) => {
    paragraph.sentences.forEach((sentence, j) => {
      const read = figures[i]?.[j];
      if (read && read !== NO_FIGURES) found.set(sentence.text, read.dates);
    });
  });
  return (text) => found.get(text) ?? findDates(text);
}

/** Refuse, before reading any figure, a report whose figures would not build in bounded time. */
function checkLimits(
  report: ParsedReport,
  figures: SentenceFigures[][],
  limits: ReportLimits,
): void {
  checkFigures(
    report.paragraphs.map((paragraph, i) => ({
      paragraph: paragraph.number,
      figures: (figures[i] ?? []).reduce((sum, sentence) => sum + sentence.figureSpans.length, 0),
    })),
    limits,
  );
  // Each figure is read, and later searched, through its whole sentence.
  let quoted = 0;
  report.paragraphs.forEach((paragraph, i) => {
    paragraph.sentences.forEach((sentence, j) => {
      quoted += sentence.text.length * (figures[i]?.[j]?.figureSpans.length ?? 0);
    });
  });
  checkQuotedCharacters(quoted, limits);
}

function factsOfParagraph(
  paragraph: Paragraph,
  figures: SentenceFigures[],
  home: Set<string>,
  leadIn: LeadIn,
  find: PlaceFinder,
  year: number | null,
  named: string,
): Fact[] {
  const facts: Fact[] = [];
  // Half a report's sentences hold no figure: their places and tokens are never needed.
  if (figures.every((sentence) => sentence.figureSpans.length === 0)) return facts;
  const mentionsBySentence = paragraph.sentences.map((sentence) =>
    placesWhere(sentence.text, find),
  );
  const itemLabel = paragraph.isListItem ? labelOf(paragraph.text) : undefined;
  let substance: string | null = null;
  // The one substance the paragraph (or the run of paragraphs before it) last named so far.
  let namedBefore = named;
  paragraph.sentences.forEach((sentence, sentenceIndex) => {
    const { dates, periods, figureSpans } = figures[sentenceIndex] ?? NO_FIGURES;
    const text = sentence.text;
    const tokens = tokenize(text);
    const substances = tokens.filter((token) => ONE_SUBSTANCE.has(token.lower));
    const namedAt = namedBefore;
    namedBefore = substances.at(-1)?.lower ?? namedBefore;
    if (figureSpans.length === 0) return;
    const labelled = labelPlaces(labelOf(text) ?? itemLabel, find);
    const rowPlaces = tableRowPlaces(paragraph, text, find);
    const sentencePlaces = placesFor(paragraph, sentenceIndex, mentionsBySentence, find);
    const listed = leadActionFor(leadIn, figureSpans, text, tokens);
    let previousAction: string | null = listed;
    let previousByNoun = false;
    let previousHead: string | null = null;
    let previousPlaces: string[] | null = null;
    let previous: Carried | null = null;
    for (const match of figureSpans) {
      const reading = readFigure(match, text, tokens);
      if (
        reading.unit &&
        TIME_UNITS.has(reading.unit) &&
        reading.head !== "age" &&
        /\b(?:ago|old|aged?)\b/i.test(text.slice(match.end, match.end + 20))
      ) {
        continue;
      }
      const numberToken = tokenIndexAt(tokens, match.start);
      const near: string[] =
        rowPlaces ??
        placesNear(
          sentencePlaces,
          mentionsBySentence[sentenceIndex] ?? [],
          figureSpans,
          match,
          previousPlaces,
          text,
        );
      previousPlaces = near;
      const allPlaces = countryWhenNationwide(
        unique([...(labelled ?? []), ...near]),
        text.slice(reading.end, figureSpans[figureSpans.indexOf(match) + 1]?.start),
      );
      const localPlaces = allPlaces.filter((place) => !home.has(place));
      const places = localPlaces.length > 0 ? localPlaces : allPlaces;
      const before = text.slice(0, match.start);
      const qualifier = qualifierBefore(before);
      const lead = before.slice(0, qualifier?.start ?? before.length);
      const coordinated = coordinatedWithPrevious(lead, text, figureSpans, match)
        ? previousAction
        : null;
      const stated = statedActionFor(tokens, numberToken, reading.phraseEnd);
      const byNoun = stated ? null : defaultActionOf(reading.head);
      // A verb read only from a noun ("Avalon: 14 arrests, 3.1 tonnes") passes to the next item
      // only if that item counts the same thing or names none ("31 arrests (12 in Avalon, …)").
      const counts = reading.head ?? reading.unit;
      const inherited: string | null =
        coordinated && previousByNoun && counts && counts !== previousHead ? null : coordinated;
      // "… were arrested and 40 children were vaccinated": a verb of its own borrows no other.
      const action: string | null = hasOtherVerb(tokens, reading.phraseEnd)
        ? stated
        : (stated ?? byNoun ?? inherited ?? listed);
      // "… up 3% from 52 pounds in 2024, and 30 pounds of heroin": a change or its baseline is no
      // item of the list; the next item shares the verb of the item before them.
      if (!BASELINE_BEFORE.test(lead) && reading.unit !== "percent") {
        previousAction = action;
        previousByNoun = byNoun !== null || (inherited !== null && previousByNoun);
        previousHead = counts ?? previousHead;
      }
      const change =
        reading.unit === "percent"
          ? changeDirection(text.slice(reading.end, reading.end + 20), before)
          : null;
      const carried = listRowCount(carry(reading, previous), reading.base, leadIn, text, match);
      const { unit } = carried;
      // "… 14 tonnes of cocaine. Another 3 tonnes were found in Oakport.": the paragraph's substance,
      // else the one it, or the paragraph before it, last names ("Officers seized cocaine in three
      // ports. Spain reported 6 tonnes").
      const subject =
        carried.subject === "" && reading.base
          ? (substance ??
            substances.filter((token) => token.end <= match.start).at(-1)?.lower ??
            namedAt)
          : carried.subject;
      if (reading.base && DRUG_NAMES.has(reading.head ?? "")) substance = reading.head;
      previous = { subject, unit, weighed: reading.base !== null };
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
        period: withYear(periodFor(match, text, periods, leadIn.period), year),
      });
    }
  });
  return facts;
}

/** "9.6 tonnes of heroin seized nationally": the figure is the whole country's. */
const NATIONWIDE = /^[^.;]{0,40}?\b(?:nationally|nationwide|countrywide|across the country)\b/i;

/** A figure its clause calls nationwide is for the country alone, not a city its sentence names. */
function countryWhenNationwide(places: string[], after: string): string[] {
  if (!NATIONWIDE.test(after)) return places;
  const countries = places.filter((name) => placeByName(name)?.kind === "country");
  return countries.length > 0 ? countries : places;
}

/**
 * "Total: 3,301 arrests; 89 extraditions to the united states": a table row's places are those its
 * own cells name, never a column header's ("Extraditions to the United States"), and a row naming
 * none (the total) is the whole's. Null for a sentence that is no table row.
 */
function tableRowPlaces(paragraph: Paragraph, text: string, find: PlaceFinder): string[] | null {
  if (!paragraph.rowLabels?.length) return null;
  const label = labelOf(text);
  const own = label ? rowWordsOf(paragraph).get(label) : undefined;
  if (own === undefined) return null;
  return unique(placesWhere(own, find).map((mention) => mention.place.name));
}

/** A table paragraph's rows by label: a paragraph of many rows looks each one up once. */
const rowWords = new WeakMap<Paragraph, Map<string, string>>();

function rowWordsOf(paragraph: Paragraph): Map<string, string> {
  let rows = rowWords.get(paragraph);
  if (!rows) {
    rows = new Map();
    for (const row of paragraph.rowLabels ?? [])
      if (row.own !== undefined && !rows.has(row.name)) rows.set(row.name, row.own);
    rowWords.set(paragraph, rows);
  }
  return rows;
}

/** The last one substance a text names, or "". */
function lastSubstance(text: string): string {
  const named = tokenize(text).filter((token) => ONE_SUBSTANCE.has(token.lower));
  return named.at(-1)?.lower ?? "";
}

/** A one-sentence line under a lead-in ("Burglaries are down 9%.") continues its list. */
function isShortItem(paragraph: Paragraph): boolean {
  return paragraph.sentences.length === 1 && paragraph.text.length <= 120;
}

const CHANGE_LEMMAS = new Set(["increase", "decrease"]);

/** "reported the following seizures:" gives its verbs to the list that follows, last the nearest. */
function leadActions(text: string): string[] {
  return (
    tokenize(text)
      .map((token) => actionLemma(token.lower))
      // "… reported an increase. The breakdown:": a rise or fall is no verb for the list below.
      .filter((lemma): lemma is string => lemma !== null && !CHANGE_LEMMAS.has(lemma))
  );
}

/**
 * The lead-in's verb for an item of its list that states none. "Seizures and arrests by region:"
 * names two: a line's figure takes the one no figure of that line claims by its own noun, so in
 * "North: 30 million tablets; 900 kg of meth; 1,406 arrests" the arrests are arrests and the
 * tablets and kilograms were seized.
 */
function leadActionFor(
  leadIn: LeadIn,
  figureSpans: readonly NumberMatch[],
  text: string,
  tokens: Token[],
): string | null {
  if (leadIn.actions.length < 2) return leadIn.action;
  const claimed = new Set(
    figureSpans.map((match) => defaultActionOf(readFigure(match, text, tokens).head)),
  );
  return leadIn.actions.filter((action) => !claimed.has(action)).at(-1) ?? leadIn.action;
}

/** What a list's lead-in line ("In 2024 officers seized:") gives the items below it. */
interface LeadIn {
  action: string | null;
  /** Every verb the lead-in names, each once: "Seizures and arrests by region:" names two. */
  actions: string[];
  period: string | null;
  /** What the rows below count, from the heading or lead-in ("Arrests by district") or a row. */
  counts: string | null;
}

const NO_LEAD_IN: LeadIn = { action: null, actions: [], period: null, counts: null };

/** "Eastvale: 11" under "Arrests by district": a row's bare figure counts what its list counts. */
function listRowCount(
  carried: Carried,
  base: unknown,
  leadIn: LeadIn,
  text: string,
  match: NumberMatch,
): Carried {
  if (carried.unit !== null || base !== null || !leadIn.counts) return carried;
  if (!isBareRowFigure(text, match.start)) return carried;
  return { subject: leadIn.counts, unit: countUnit(leadIn.counts), weighed: false };
}

/** What a paragraph leaves the list after it: a lead-in's verb, period and count, or a row's. */
function nextLeadIn(paragraph: Paragraph, found: readonly Fact[], leadIn: LeadIn): LeadIn {
  const { text } = paragraph;
  if (text.endsWith(":")) {
    const actions = leadActions(text);
    return {
      action: actions.at(-1) ?? null,
      actions: [...new Set(actions)],
      period: leadInPeriod(text),
      counts: countedByHeading(text),
    };
  }
  const heading = countedByHeading(text);
  if (heading) return { ...NO_LEAD_IN, counts: heading };
  if (!paragraph.isListItem && !isShortItem(paragraph)) return NO_LEAD_IN;
  // "Officers patrolled the river on foot." between rows: the rows below it are another list.
  if (!paragraph.isListItem && labelOf(text) === undefined) return { ...leadIn, counts: null };
  const row = countedByRow(text, found);
  return row && row !== leadIn.counts ? { ...leadIn, counts: row } : leadIn;
}

/**
 * Each sentence's figures, found and counted before anything else is read: a report over the
 * limits is refused before the work of finding its places, which grows with its tables.
 */
export function figuresWithinLimits(
  report: ParsedReport,
  limits: ReportLimits = REPORT_LIMITS,
): SentenceFigures[][] {
  const figures = report.paragraphs.map(figuresOfParagraph);
  checkLimits(report, figures, limits);
  return figures;
}

/** Report → typed fact table: every stated quantity, plus named people, roles, bodies and operations. */
export function extractFacts(
  report: ParsedReport,
  figures: SentenceFigures[][] = figuresWithinLimits(report),
  find: PlaceFinder = reportPlaces(report).find,
  home: Set<string> = homePlaces(report),
): FactTable {
  let leadIn = NO_LEAD_IN;
  const facts: Fact[] = [];
  const year = reportYear(report.paragraphs);
  // The substance weights run on in: named last, in a paragraph or a run of paragraphs of weights.
  let named = "";
  for (const [i, paragraph] of report.paragraphs.entries()) {
    const found = factsOfParagraph(paragraph, figures[i] ?? [], home, leadIn, find, year, named);
    facts.push(...found);
    const weighs = found.some((fact) => fact.base !== null);
    named = lastSubstance(paragraph.text) || (weighs && !paragraph.isHeading ? named : "");
    leadIn = nextLeadIn(paragraph, found, leadIn);
  }
  return {
    facts,
    entities: extractEntities(report, datesFoundIn(report, figures)),
  };
}
