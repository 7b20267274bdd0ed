export const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
const DAY = String.raw`(?:${MONTHS})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?`;
/** "from March to October 2031", "between May 1 and June 30": when something ran, start to end. */
const RANGE = new RegExp(
  String.raw`\b(?:from\s+${DAY}\s+(?:to|until|through)|between\s+${DAY}\s+and)\s+${DAY}\b`,
);

/** The span of dates a sentence gives, start to end, if any. */
export function dateRange(text: string): string | null {
  return RANGE.exec(text)?.[0] ?? null;
}
