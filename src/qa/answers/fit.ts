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

/** "How much of the budget …": an amount is money, a weight or a share, never a count or a time. */
function amountWhenAsked(query: Query, fact: Fact): boolean {
  if (query.measure.expected.kind !== "amount") return true;
  return CURRENCY.test(fact.unit ?? "") || fact.base !== null || fact.unit === "percent";
}

/** "How much of the $5 billion …": the question states the whole it asks a part of. */
const PART_OF_STATED = /\bhow (?:much|many) of (?:the |this |that |its |their )?\$?\d/i;

/** A part of a stated whole is stated beside it: a figure in a paragraph without the whole is not. */
function besideStatedWhole(query: Query, fact: Fact, index: ReportIndex): boolean {
  if (!PART_OF_STATED.test(query.cleaned)) return true;
  const whole = new Set(findNumbers(query.cleaned).map((number) => number.value));
  return index.table.facts.some(
    (other) => other.paragraph === fact.paragraph && whole.has(other.value),
  );
}

export function canAnswer(query: Query, scored: ScoredFact, index: ReportIndex): boolean {
  return (
    amountWhenAsked(query, scored.fact) &&
    moneyWhenAsked(query, scored.fact) &&
    besideStatedWhole(query, scored.fact, index) &&
    notStated(query, scored.fact) &&
    rightYear(query, scored, index)
  );
}
