import { MONTHS } from "./date.js";

/** "27 months", "three years": a span of time. */
export const DURATION =
  /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)(?:[\s-]+(?:and a half|more))?[\s-]+(?:years?|months?|weeks?|days?|hours?|decades?)\b/i;
/** "How long …", "over what period …": the answer is a span of time ("two months"). */
export const ASKS_DURATION =
  /\bhow long\b|\b(?:what|which)\s+(?:period|length of time|duration|time ?frame|time span)\b|\bhow many (?:days|weeks|months|years) (?:has|have|did|was|were)\b/i;
/** The words that only frame a duration question: "how long" and "period" say nothing of what lasted. */
export const DURATION_FRAME =
  /\b(?:how long|long|period|length of time|duration|time ?frame|time span|going|goin|lasted?|lasting|run|running)\b/gi;

/**
 * "extended through June 30, 2026", "runs until March 2027": how long something lasts, told by the
 * date it lasts to.
 */
const UNTIL_DATE = new RegExp(
  String.raw`\b(?:through|until|till|to the end of)\s+(?:(?:${MONTHS})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\d{4}|(?:the end of\s+)?\d{4})\b`,
);

/** The words of a sentence that say how long: a span of time, else the date it lasts until. */
export function durationSpan(text: string): string | null {
  return DURATION.exec(text)?.[0] ?? UNTIL_DATE.exec(text)?.[0] ?? null;
}
