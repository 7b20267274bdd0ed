import { SPEECH_VERB } from "./spans/person.js";

/** "said on Thursday", "announced on Monday", "said Friday": a speech verb right before a date. */
const BEFORE_DATE = /\s+(?:on\s+|last\s+)?$/;

/**
 * "Police arrested 90 people during the week of action, the agency said on Thursday": the date
 * right after a verb of speech dates the saying, not the event the sentence is about. Whether the
 * date at `at` in the sentence is such a date.
 */
export function datesTheSaying(text: string, at: number): boolean {
  if (at <= 0) return false;
  const before = text.slice(0, at);
  const gap = BEFORE_DATE.exec(before);
  if (!gap) return false;
  const head = before.slice(0, gap.index);
  return [...head.matchAll(SPEECH_VERB)].some((m) => m.index + m[0].length === head.length);
}
