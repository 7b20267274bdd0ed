export const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
/** A month in full or shortened ("Oct", "Sept."), as news copy writes it. */
const MONTH = String.raw`(?:${MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)`;
const DAY_NUMBER = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const DAY = String.raw`${MONTH}(?:\s+${DAY_NUMBER})?(?:,?\s+\d{4})?`;
/** A day that names its day of the month: "October 19", not a month alone. */
const DATED_DAY = String.raw`${MONTH}\s+${DAY_NUMBER}(?:,?\s+\d{4})?`;
/**
 * "from March to October 2031", "between May 1 and June 30", "October 19 through October 25,
 * 2025", "May 2-8, 2026", "between 10 and 16 March": when something ran, start to end.
 */
const RANGE = new RegExp(
  [
    String.raw`\b(?:[Ff]rom\s+${DAY}\s+(?:to|until|through)|[Bb]etween\s+${DAY}\s+and)\s+${DAY}(?![\w])`,
    String.raw`\b${DATED_DAY}\s+(?:through|to|until)\s+${DATED_DAY}(?![\w])`,
    String.raw`\b${MONTH}\s+\d{1,2}\s*[-–—]\s*\d{1,2}(?:,?\s+\d{4})?(?![\w])`,
    // Day before month, as British copy writes it: "between 10 and 16 March", "10–16 March 2026".
    String.raw`\b(?:[Bb]etween\s+${DAY_NUMBER}\s+and|${DAY_NUMBER}\s*[-–—])\s*${DAY_NUMBER}\s+${MONTH}(?:\s+\d{4})?(?![\w])`,
  ].join("|"),
);

/** The span of dates a sentence gives, start to end, if any. */
export function dateRange(text: string): string | null {
  return RANGE.exec(text)?.[0] ?? null;
}
