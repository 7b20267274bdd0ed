import { GRAMMAR } from "../../lexicon/language.js";
import { stem } from "../../text/stem.js";
import type { ReportIndex } from "../reportIndex.js";
import { concept } from "../vocabulary.js";

/** The stems of the one-word head verbs ("heads", "led", "runs", "ran"): one post, many verbs. */
const HEAD_STEMS: ReadonlySet<string> = new Set(
  GRAMMAR.headVerbs.filter((verb) => !verb.includes(" ")).map(stem),
);

/**
 * "Who was running the ring?" of "the gang was led by Tomas Reyes": a who-question asking who
 * heads something may be answered by any verb of heading, in any form, passive too. Where one of
 * the question's words is a head verb, every head verb's stem names the event asked about.
 */
export function headVerbStems(asked: readonly string[]): string[] {
  return asked.some((word) => HEAD_STEMS.has(stem(word))) ? [...HEAD_STEMS] : [];
}

/**
 * "Who was running the ring?" in a report that writes only "led by": the question's head verb is
 * known where the report uses any head verb, so the question is not turned away for its wording.
 */
export function otherHeadVerbUsed(word: string, index: ReportIndex): boolean {
  if (headVerbStems([word]).length === 0) return false;
  return GRAMMAR.headVerbs.some(
    (verb) => !verb.includes(" ") && index.vocabulary.has(concept(verb)),
  );
}
