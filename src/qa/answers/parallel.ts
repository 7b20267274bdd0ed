import type { Fact } from "../../facts/schema.js";
import type { ReportIndex } from "../reportIndex.js";
import { ROW_LABEL } from "./superlative.js";

/**
 * Like is set beside like: "Portugal: 14 arrests, 3.1 tonnes" beside "Ireland: 9 arrests,
 * 2.2 tonnes", not beside a single week's "0.9 tonnes found in Cork" elsewhere. Figures are
 * parallel when they stand in the same sentence, or in rows of one list, in the same unit.
 */

/** Where a figure stands: its list (the first row's paragraph) or its own sentence. */
export function frameOf(fact: Fact, index: ReportIndex): string {
  const isRow = (n: number) => ROW_LABEL.test(index.report.paragraphs[n - 1]?.text ?? "");
  if (!isRow(fact.paragraph)) return `${fact.paragraph}.${fact.sentence}`;
  let first = fact.paragraph;
  while (first > 1 && isRow(first - 1)) first--;
  return `list ${first}`;
}

/** Whether two figures are stated alike: one frame, one unit. */
export function parallel(a: Fact, b: Fact, index: ReportIndex): boolean {
  return a.unit === b.unit && frameOf(a, index) === frameOf(b, index);
}
