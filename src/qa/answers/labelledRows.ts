import { labelOf } from "../../facts/factPlaces.js";
import { words } from "../../text/tokenize.js";
import { isEarlierFigure, type ScoredFact } from "../rank.js";
import type { Query } from "../understand.js";
import { conceptsOf } from "../vocabulary.js";
import type { Weights } from "../weights.js";

/** A breakdown gives the same thing under at least this many labels ("North: 120", …). */
const LABELLED_ROWS = 3;

/** The label a figure's line opens with ("Upland: 4.2 million tablets; 9,100 arrests"), if any. */
function rowLabel(scored: ScoredFact): string | undefined {
  return labelOf(scored.fact.quote);
}

/** "Upland tablets?", "deaths among people 25 to 34": the question names the row by a word or figure. */
function namesLabel(query: Query, label: string): boolean {
  const asked = new Set(query.measure.concepts);
  const typed = new Set(words(query.cleaned));
  return (
    conceptsOf(label).some((c) => asked.has(c)) ||
    words(label).some((w) => /^\d/.test(w) && typed.has(w))
  );
}

function sameMeasure(a: ScoredFact, b: ScoredFact): boolean {
  return a.fact.unit === b.fact.unit && [...a.doc.heads].some((head) => b.doc.heads.has(head));
}

/**
 * "Total arrests?" where the best figure is one row of "Upland: …; 9,100 arrests", "Lowland: …;
 * 7,300 arrests", … under labels the question never names: the rows are parts, and the report's
 * own unlabelled figure for the thing they count, at least as large as the row and the largest
 * such that scores near it, is the answer.
 */
export function wholeBeforeLabelledRows(
  query: Query,
  ranked: ScoredFact[],
  w: Weights,
): ScoredFact[] {
  const [best] = ranked;
  const label = best && rowLabel(best);
  if (!best || !label || query.filters.places.length > 0) return ranked;
  if (namesLabel(query, label)) return ranked;
  const rows = ranked.filter((r) => rowLabel(r) !== undefined && sameMeasure(r, best));
  if (new Set(rows.map(rowLabel)).size < LABELLED_ROWS) return ranked;
  const wholes = ranked.filter(
    (r) =>
      rowLabel(r) === undefined &&
      r.fact.scope === "national" &&
      r.fact.unit === best.fact.unit &&
      [...best.doc.heads].some((head) => r.doc.core.has(head)) &&
      r.fact.value >= best.fact.value &&
      r.score >= best.score - w.breakdownMargin &&
      r.coreHits + r.nearHits > 0 &&
      !isEarlierFigure(r.doc),
  );
  const whole = wholes.reduce<ScoredFact | undefined>(
    (a, b) => (a && a.fact.value >= b.fact.value ? a : b),
    undefined,
  );
  return whole
    ? [{ ...whole, score: Math.max(whole.score, best.score) }, ...ranked.filter((r) => r !== whole)]
    : ranked;
}
