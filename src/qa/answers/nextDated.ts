import type { ReportIndex, SentenceDoc } from "../reportIndex.js";
import { dateRange } from "./spans/date.js";

/** How many sentences past the one about the event its dates may be given. */
const NEXT_SENTENCES = 2;

/**
 * "A week-long crackdown …, the agency said on Thursday. Officers closed 90 lines between 10 and
 * 16 March.": where the sentence about the event dates only its saying, the span of dates the
 * next sentences give is when the event ran.
 */
export function rangeAfter(
  doc: SentenceDoc,
  index: ReportIndex,
): { doc: SentenceDoc; range: string } | null {
  const at = index.sentences.indexOf(doc);
  if (at < 0) return null;
  for (const next of index.sentences.slice(at + 1, at + 1 + NEXT_SENTENCES)) {
    if (next.paragraph > doc.paragraph + 1) break;
    const range = dateRange(next.text);
    if (range) return { doc: next, range };
  }
  return null;
}
