/**
 * Whether a figure can answer the question at all, whatever it scores. Each check rules a figure
 * out; the ranking decides among those left, and with none left the answer is an honest not_found.
 * Softer evidence (a percentage for "how many", a weight for "how much") stays in the scoring:
 * ruled out outright, it cost more right answers than it saved.
 */
import { ownYearsIn, yearsIn } from "../../facts/dates.js";
import { findNumbers } from "../../facts/numbers.js";
import type { Fact } from "../../facts/schema.js";
import type { ScoredFact } from "../rank.js";
import type { ReportIndex } from "../reportIndex.js";
import type { Query } from "../understand.js";

const CURRENCY = /^[A-Z]{3}$/;

/** "How much did the wall cost": money asked is never answered by miles or people. */
function moneyWhenAsked(query: Query, fact: Fact): boolean {
  return query.measure.expected.kind !== "currency" || CURRENCY.test(fact.unit ?? "");
}

/** "How much of the $5 billion goes to …": a figure the question states is a filter, not the answer. */
function notStated(query: Query, fact: Fact): boolean {
  return !findNumbers(query.cleaned).some((number) => number.value === fact.value);
}

/**
 * A figure for FY 2021 never answers a question about FY 2022: a figure its own words (else its
 * paragraph) date to other years than the one asked is ruled out. An undated figure may stand.
 */
function rightYear(query: Query, { fact, doc }: ScoredFact, index: ReportIndex): boolean {
  const asked = query.filters.period.years;
  if (asked.length === 0) return true;
  const paragraph = index.report.paragraphs[fact.paragraph - 1]?.text ?? "";
  const own = ownYearsIn(`${doc.nearText} ${fact.period ?? ""}`);
  const dated = own.length > 0 ? own : ownYearsIn(paragraph);
  if (dated.length === 0) return true;
  return asked.some((year) => dated.includes(year) || yearsIn(paragraph).includes(year));
}

export function canAnswer(query: Query, scored: ScoredFact, index: ReportIndex): boolean {
  return (
    moneyWhenAsked(query, scored.fact) &&
    notStated(query, scored.fact) &&
    rightYear(query, scored, index)
  );
}
