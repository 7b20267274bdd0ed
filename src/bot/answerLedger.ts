import { ExpiringMap } from "./expiringMap.js";

/** What the bot remembers about an answer message it sent. */
export interface AnswerRecord {
  /** The question's text, so a 👎 can be linked to it (never to who voted). */
  question: string;
}

/** A day of answers is plenty for votes; after a restart, older votes still count, unlinked. */
const ANSWER_MEMORY_MS = 24 * 60 * 60 * 1000;
const MAX_ANSWERS = 20_000;

export type AnswerLedger = ExpiringMap<string, AnswerRecord>;

export function createAnswerLedger(now?: () => number): AnswerLedger {
  return new ExpiringMap(ANSWER_MEMORY_MS, MAX_ANSWERS, now);
}
