/** Dates and years: kept on facts as context, never counted as figures. */

import { matchesOf } from "../text/matches.js";

/** A month's name, full or cut short ("Sept."), for building date patterns. */
export const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const MONTH_OR_DAY = new RegExp(`^(?:${MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$`, "i");

const MONTH_SPAN = new RegExp(
  `\\b(${MONTH})\\s*(?:-|–|—|\\bto\\b|\\bthrough\\b|\\bthru\\b|\\band\\b|\\buntil\\b)\\s*(${MONTH})(?![a-z])`,
  "gi",
);
const MONTH_STARTS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];

/** "March", "Sept." → 3, 9; 0 for a word that is no month. */
export function monthNumber(name: string): number {
  return MONTH_STARTS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}
/** First and last month (1–12) of the quarters and halves a span of months can name. */
const SPAN_NAMES: ReadonlyMap<string, string> = new Map([
  ["1-3", "first quarter"],
  ["4-6", "second quarter"],
  ["7-9", "third quarter"],
  ["10-12", "fourth quarter"],
  ["1-6", "first half"],
  ["7-12", "second half"],
]);

/** "The first six months", "the first 3 months": a span of months counted from January. */
const FIRST_MONTHS = /\bfirst\s+(three|six|3|6)\s+months\b/gi;
const MONTH_COUNTS: ReadonlyMap<string, number> = new Map([
  ["three", 3],
  ["3", 3],
  ["six", 6],
  ["6", 6],
]);

/**
 * "Between January and March", "January–June", "jan-mar", "the first six months": the quarter or half a span of months
 * is, in the words a question uses for it ("first quarter", "first half"), so either wording finds
 * the other.
 */
export function monthSpanPeriods(text: string): string[] {
  const spans = matchesOf(MONTH_SPAN, text).flatMap((match) => {
    const name = SPAN_NAMES.get(`${monthNumber(match[1] ?? "")}-${monthNumber(match[2] ?? "")}`);
    return name ? [name] : [];
  });
  const counted = matchesOf(FIRST_MONTHS, text).flatMap((match) => {
    const name = SPAN_NAMES.get(`1-${MONTH_COUNTS.get((match[1] ?? "").toLowerCase())}`);
    return name ? [name] : [];
  });
  return [...spans, ...counted];
}

/** "January", "Sept.", "Tuesday": a word that names a month or a day of the week. */
export function isMonthOrDay(word: string): boolean {
  return MONTH_OR_DAY.test(word);
}

const DATE_PATTERNS = [
  `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`,
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?\\b`,
  `\\b${MONTH}\\s+\\d{4}\\b`,
  "\\b(?:FY|fiscal year|financial year)\\s?'?\\d{2,4}(?:[-/]\\d{2,4})?\\b",
  "\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\b",
  "\\b\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}\\b",
  "\\b(?:19|20)\\d{2}(?:\\s?[-–/]\\s?(?:19|20)?\\d{2})?\\b",
  "\\b\\d{1,2}:\\d{2}(?:\\s?[ap]\\.?m\\.?)?",
  "\\b\\d{1,2}\\s?[ap]\\.m\\.",
];
const DATE_REGEX = new RegExp(DATE_PATTERNS.join("|"), "gi");

export interface DateSpan {
  text: string;
  start: number;
  end: number;
}

export function findDates(text: string): DateSpan[] {
  const spans: DateSpan[] = [];
  for (const match of matchesOf(DATE_REGEX, text)) {
    spans.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

export function insideAny(spans: DateSpan[], start: number, end: number): boolean {
  return spans.some((span) => start >= span.start && end <= span.end);
}

/** "2023", "FY23", "FY 2023", "fiscal year '23": the four-digit years a text names. */
const YEAR_FORMS =
  /\b(?:fy|fiscal year|financial year)\s?'?(\d{4}|\d{2})\b|(?<![\d$.]|\d,)((?:19|20)\d{2})(?!\d|,\d)/gi;

export function yearsIn(text: string): string[] {
  const years = new Set<string>();
  for (const match of matchesOf(YEAR_FORMS, text)) {
    const written = match[1] ?? match[2] ?? "";
    years.add(written.length === 2 ? `20${written}` : written);
  }
  return [...years];
}

/** "up from the FY2021 level", "than in 2017", "compared with 2022": a baseline, not the figure's year. */
const BASELINE_YEAR =
  /\b(?:from|than|compared (?:with|to)|since|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?(?:(?:fy|fiscal year)\s?'?\d{2,4}|(?:19|20)\d{2})\b/gi;

/**
 * "up 31% from the 2,407 logged in the first half of 2027", "than the 64 counted in 2026": a
 * baseline's own figure, then the year it is of. A range ("from 12 to 40 in 2025") is no baseline.
 */
const BASELINE_FIGURE_YEAR =
  /\b(?:from|than|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?[$€£]?\d[\d,.]*%?(?:\s+(?!to\b|and\b)[a-z]+){0,7}?\s+(?:19|20)\d{2}\b/gi;

/**
 * "… 712 kilograms, up 40% from the 508 kilograms taken in the second quarter of 2029": the clause
 * after a change's "from", or after "than" or "compared with", is the baseline's, years and all.
 */
const BASELINE_CLAUSE =
  /\b(?:(?:up|down|rose|fell|increased|decreased|climbed|dropped|declined|jumped|grew)\b[^,;.]{0,24}?\bfrom|than|compared (?:with|to)|versus|vs\.)\s+(?:the|a|an|some|about)?\s*(?![$€£]?\d[\d,.]*%?\s+(?:to|and)\s+[$€£]?\d)[$€£]?\d[^,;]*?(?=[,;]|\.(?:\s|$)|$)/gi;

/** The years a figure's words date it to, baselines it is compared with left out. */
export function ownYearsIn(text: string): string[] {
  return yearsIn(
    text
      .replace(BASELINE_FIGURE_YEAR, " ")
      .replace(BASELINE_YEAR, " ")
      .replace(BASELINE_CLAUSE, " "),
  );
}

const FULL_DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d{2})\\b`,
  "i",
);
/** "… down 12% from the 57 logged between Feb. 1 and July 31, 2028": a baseline's date follows. */
const BASELINE_BEFORE = /\b(?:from|than|compared (?:with|to)|versus|vs\.?)\b[^;]*$/i;

/** The year of a text's first full date that is no baseline's, or null. */
function datelineIn(text: string): number | null {
  for (const match of text.matchAll(new RegExp(FULL_DATE.source, "gi"))) {
    const sentence =
      text
        .slice(0, match.index)
        .split(/[.!?]\s+(?=[A-Z])/)
        .pop() ?? "";
    if (!BASELINE_BEFORE.test(sentence)) return Number(match[1] ?? match[2]);
  }
  return null;
}

/** How far into a report its dateline is looked for. */
const DATELINE_PARAGRAPHS = 4;

/**
 * The year a report speaks from: its dateline's ("Published March 3, 2026"), else the latest year
 * its opening paragraphs name; null when they name none. "Last year" in it is the year before.
 */
export function reportYear(paragraphs: readonly { text: string }[]): number | null {
  const opening = paragraphs.slice(0, DATELINE_PARAGRAPHS).map((p) => p.text);
  for (const text of opening) {
    const dated = datelineIn(text);
    if (dated !== null) return dated;
  }
  const years = opening.flatMap((text) => yearsIn(text)).map(Number);
  return years.length > 0 ? Math.max(...years) : null;
}

const openingCache = new WeakMap<readonly { text: string }[], ReadonlySet<string>>();

/**
 * The years a report's opening (title, dateline, lead) names, and the year it speaks from: the
 * period its undated figures are for. Worked out once per report.
 */
export function openingYears(paragraphs: readonly { text: string }[]): ReadonlySet<string> {
  let years = openingCache.get(paragraphs);
  if (!years) {
    const named = new Set(paragraphs.slice(0, DATELINE_PARAGRAPHS).flatMap((p) => yearsIn(p.text)));
    const year = reportYear(paragraphs);
    if (year !== null) named.add(String(year));
    years = named;
    openingCache.set(paragraphs, years);
  }
  return years;
}

const openingSpansCache = new WeakMap<readonly { text: string }[], readonly string[]>();

/**
 * The quarter or half a report's opening speaks of ("first quarter", "Between January and June"),
 * in a question's words: the period its undated figures are for, as `openingYears` is their year.
 */
export function openingSpans(paragraphs: readonly { text: string }[]): readonly string[] {
  let spans = openingSpansCache.get(paragraphs);
  if (!spans) {
    const text = paragraphs
      .slice(0, DATELINE_PARAGRAPHS)
      .map((p) => p.text)
      .join("\n");
    const named = [...SPAN_NAMES.values()].filter((name) =>
      new RegExp(String.raw`\b${name}\b`, "i").test(text),
    );
    spans = [...new Set([...named, ...monthSpanPeriods(text)])];
    openingSpansCache.set(paragraphs, spans);
  }
  return spans;
}

const RELATIVE_YEAR: readonly [RegExp, number][] = [
  [/^(?:so far )?this year$|\bof this year$/i, 0],
  // "the first half of last year": a span of the year before.
  [/^(?:last year|a year earlier|the previous year)$|\bof last year$/i, -1],
];

/** "last year" in a report of 2026 covers 2025: the period with its year, for the year filters. */
export function withYear(period: string | null, year: number | null): string | null {
  if (!period || year === null) return period;
  const offset = RELATIVE_YEAR.find(([pattern]) => pattern.test(period))?.[1];
  return offset === undefined ? period : `${period} (${year + offset})`;
}

/**
 * The kind of span a period is, so a question asking one kind is not answered with a figure for
 * another: "the third quarter" or "between July and September" (a quarter), "the first half" (a
 * half), "since January", "fiscal year to date" or "the first nine months" (the year so far, a
 * running total), "in May" (a month).
 */
export type SpanKind = "quarter" | "half" | "to-date" | "month";

const QUARTER_WORDS =
  /\b(?:(?:first|second|third|fourth|last|this|that|same|current|previous|1st|2nd|3rd|4th)[\s-]+quarter|quarterly|q[1-4])\b/i;
const HALF_WORDS = /\b(?:(?:first|second|1st|2nd)\s+half|mid-?year|half-year(?:ly)?)\b/i;
const TO_DATE_WORDS = new RegExp(
  String.raw`\b(?:since\s+(?:the\s+(?:start|beginning)\b|${MONTH}(?![a-z]))|so\s+far\b|to\s+date\b|year[\s-]+to[\s-]+date\b|ytd\b|through\s+(?:the\s+end\s+of\s+)?${MONTH}(?![a-z])|first\s+(?:two|four|five|seven|eight|nine|ten|eleven|[2457-9]|1[01])\s+months\b)`,
  "i",
);
/** "in May", "during March": a month written with a capital and no day after it. */
const ONE_MONTH =
  /\b(?:[Ii]n|[Dd]uring)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d)/;

/** The kind of span a text names, or null: a quarter or half before a running total before a month. */
export function spanKindOf(text: string): SpanKind | null {
  const spans = monthSpanPeriods(text);
  if (QUARTER_WORDS.test(text) || spans.some((span) => span.endsWith("quarter"))) return "quarter";
  if (HALF_WORDS.test(text) || spans.some((span) => span.endsWith("half"))) return "half";
  if (TO_DATE_WORDS.test(text)) return "to-date";
  return ONE_MONTH.test(text) ? "month" : null;
}
