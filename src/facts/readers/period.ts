// The span of time a figure covers: "in FY 2031", "the first half of 2030", "since 2027".

import { matchesOf } from "../../text/matches.js";
import type { NumberMatch } from "../numbers.js";

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const NUMBER_WORD =
  "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred)";
const SPAN_UNIT = "(?:days?|weeks?|months?|quarters?|years?)";
const YEAR = "(?:19|20)\\d{2}";
const FISCAL = `(?:FY|fiscal year)\\s?'?(?:${YEAR}|\\d{2})(?![\\d-])`;

/** Phrases that name a reporting period, most specific first. */
const PERIOD_PATTERNS = [
  `\\b(?:first|second|third|fourth|last|past|next|previous|preceding)\\s+(?:half|quarter|${NUMBER_WORD}\\s+${SPAN_UNIT})(?:\\s+of\\s+(?:${FISCAL}|${YEAR}|last year|this year))?`,
  `\\b${NUMBER_WORD}-(?:day|week|month|year)\\s+period(?:\\s+(?:ending|ended)\\s+(?:in\\s+)?${MONTH}(?:\\s+${YEAR})?)?`,
  // "the 12 months ending in May 2030", "the 6 months to August 2029": a rolling span.
  `\\b(?<=the\\s)${NUMBER_WORD}\\s+${SPAN_UNIT}\\s+(?:ending|ended|leading up to|up to|to|through)\\s+(?:in\\s+)?${MONTH}(?:\\s+${YEAR})?`,
  `\\b${MONTH}(?:\\s+${YEAR})?\\s+(?:to|through|until|and)\\s+${MONTH}(?:\\s+${YEAR})?`,
  `\\bsince\\s+(?:${MONTH}\\s+)?${YEAR}`,
  // "Since January", "since the start of the fiscal year in October", "fiscal year to date": the
  // year so far, a running total.
  `\\bsince\\s+(?:the\\s+(?:start|beginning)\\s+of\\s+(?:the\\s+)?(?:fiscal\\s+|calendar\\s+)?year(?:\\s+in\\s+${MONTH})?|${MONTH}(?:\\s+\\d{1,2})?)\\b`,
  "\\b(?:(?:fiscal|calendar)\\s+)?year[\\s-]+to[\\s-]+date\\b",
  `\\b${FISCAL}`,
  `\\b(?:calendar\\s+year\\s+)?${YEAR}\\b`,
  "\\b(?:so far this year|this year|last year|a year earlier|the previous year)\\b",
];
const PERIOD = new RegExp(PERIOD_PATTERNS.map((p) => `(${p})`).join("|"), "gi");

export interface PeriodSpan {
  text: string;
  start: number;
  end: number;
  /** "from 52 cases in 2024": where the baseline figure this period dates starts; it dates no other. */
  baselineAt?: number;
}

/**
 * "up 7% from 1,340 cases in 2029", "down 18% from 2,215 a year earlier", "down from 41 at the same
 * point last year": the period of a baseline figure, which dates that figure only.
 */
const BASELINE_FIGURE_BEFORE =
  /\b(?:from|than|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+|some\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+)?([$€£]?\d[\d,.]*(?:\s+(?!to\b|and\b)[a-z]+){0,4})\s+(?:(?:in|during)\s+(?:the\s+)?)?$/i;

/** "up 6% compared with 2022": the period compared against, not the one the figure covers. */
const REFERENCE_BEFORE =
  /\b(?:compared (?:with|to)|than|vs\.?|versus|(?:up|down|increases?|decreases?|rises?|drops?|falls?|declines?|jumps?|cuts?|reductions?) from)\s+(?:the\s+)?(?:same period (?:(?:of|in)\s+)?)?$/i;

export function findPeriods(text: string): PeriodSpan[] {
  const spans = matchesOf(PERIOD, text).filter(
    (match) => !REFERENCE_BEFORE.test(text.slice(0, match.index)),
  );
  return spans.map((match) => {
    const before = text.slice(Math.max(0, match.index - 80), match.index);
    const baseline = BASELINE_FIGURE_BEFORE.exec(before);
    const span: PeriodSpan = {
      text: normalisePeriod(match[0]),
      start: match.index,
      end: match.index + match[0].length,
    };
    if (baseline?.[1]) {
      span.baselineAt =
        match.index - before.length + baseline.index + baseline[0].indexOf(baseline[1]);
    }
    return span;
  });
}

/** "FY31" and "fiscal year 2031" name the same year as a question's "2031". */
function normalisePeriod(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(
      /\b(FY|fiscal year)\s?'?(\d{2})\b(?!\d)/gi,
      (_, fy: string, yy: string) => `${fy} 20${yy}`,
    );
}

/** "the first 30 days", "a six-month period", "the past four years": a period, not a figure. */
export function isPeriodFigure(match: NumberMatch, periods: PeriodSpan[]): boolean {
  return periods.some(
    (period) =>
      match.start >= period.start &&
      match.end <= period.end &&
      !/^(?:19|20)\d{2}$/.test(match.text) &&
      !/^(?:FY|fiscal)/i.test(period.text),
  );
}

/**
 * The period nearest a figure in its own clause, else the sentence's first, else the lead-in's:
 * "Arrests rose 12% in 2024, after 300 in 2023" gives each figure its own year.
 */
export function periodFor(
  figure: NumberMatch,
  sentence: string,
  periods: PeriodSpan[],
  leadIn: string | null,
): string | null {
  const own = periods.filter(
    (p) =>
      !(figure.start >= p.start && figure.end <= p.end) &&
      (p.baselineAt === undefined || p.baselineAt === figure.start),
  );
  const clauseOf = (offset: number) =>
    sentence
      .slice(0, offset)
      .split(/[;—–]|,\s(?:after|while|compared|following|(?:up|down)(?:\s+\w+ly)?\s+from)\b/)
      .length;
  const clause = clauseOf(figure.start);
  // "… on the basis of last year's drive, deepen the campaign …, and cracked 1,121 cases": a
  // period far back in a long clause frames another verb.
  const sameClause = own.filter(
    (p) => clauseOf(p.start) === clause && distance(p, figure) <= PERIOD_REACH,
  );
  // "rose to 12.8 tonnes in 2031, 18.9 tonnes in 2032": the year the figure's own phrase goes on
  // to name is its own, however near the year of the item before it.
  const following = sameClause.find((p) =>
    OWN_PERIOD_AFTER.test(sentence.slice(figure.end, p.start)),
  );
  if (following) return following.text;
  const nearest = sameClause.sort((a, b) => distance(a, figure) - distance(b, figure))[0];
  if (nearest) return nearest.text;
  // "In FY 2031, agents seized 35 kg; they also arrested 9": a period opening the sentence frames it.
  const opening = own[0];
  if (opening && opening.start < figure.start && opening.start < 12) return opening.text;
  return own.length === 0 ? leadIn : null;
}

/** "18.9 tonnes in", "412 deaths during the": a figure's own phrase running on into its period. */
const OWN_PERIOD_AFTER = /^(?:\s+[a-z][a-z-]*){0,3}\s+(?:in|during)\s+(?:the\s+)?$/i;

/** A period this many characters or more from a figure in its clause is another verb's. */
const PERIOD_REACH = 150;

function distance(period: PeriodSpan, figure: NumberMatch): number {
  return period.end <= figure.start ? figure.start - period.end : period.start - figure.end;
}

/** "In the first half of 2024 compared with last year:" gives its period to the list below it. */
export function leadInPeriod(text: string): string | null {
  return findPeriods(text)[0]?.text ?? null;
}
