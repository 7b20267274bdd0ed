import { GRAMMAR } from "../../../lexicon/language.js";
import { escapeForPattern } from "../../../text/matches.js";
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

const REQUEST_WORDS = GRAMMAR.requestVerbs.map(escapeForPattern).join("|");
/** "… asked for a sentence of", "prosecutors sought": the clause before a term asked for. */
const REQUESTED_BEFORE = new RegExp(String.raw`\b(?:${REQUEST_WORDS})\b[^.;,]*$`, "i");
/** "What did prosecutors ask for", "how long did they seek": the question asks what was asked. */
export const ASKS_REQUEST = new RegExp(String.raw`\b(?:${REQUEST_WORDS}|ask|asks)\b`, "i");

/** Whether the words before a figure, in its clause, say it was asked for, not imposed. */
export function requestedBefore(lead: string): boolean {
  return REQUESTED_BEFORE.test(lead);
}

const DURATIONS = new RegExp(DURATION.source, "gi");

/**
 * The words of a sentence that say how long: a span of time (one imposed, not asked for, unless
 * `requested` is asked), else the date it lasts until.
 */
export function durationSpan(text: string, requested = true): string | null {
  for (const match of text.matchAll(DURATIONS))
    if (requested || !requestedBefore(text.slice(0, match.index))) return match[0];
  return UNTIL_DATE.exec(text)?.[0] ?? null;
}
