import { GRAMMAR } from "../../lexicon/language.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import type { ReportIndex, SentenceDoc } from "../reportIndex.js";
import { STOP_WORDS } from "../vocabulary.js";

const HEAD_VERBS: ReadonlySet<string> = new Set(
  GRAMMAR.headVerbs.map((verb) => verb.toLowerCase()),
);

/**
 * "the Harbour Police-led Joint Intake Desk": a head verb glued to a body by a hyphen is no title
 * a person's name follows; the name after it is the body led. Whether the title found at `start`
 * is such a verb.
 */
export function gluedHeadVerb(text: string, start: number, title: string): boolean {
  return text.charAt(start - 1) === "-" && HEAD_VERBS.has(title.toLowerCase());
}

/** "Harbour Police-led Joint Intake Desk (JID)": the leading body, the body led. */
const GLUED_LED =
  /((?:\p{Lu}[\p{L}'’]*\s+)*\p{Lu}[\p{L}'’]*)-led\s+((?:\p{Lu}[\p{L}'’]*\s+)*\p{Lu}[\p{L}'’]*)(?:\s+\((\p{Lu}{2,7})\))?/gu;

/** Whether the body a sentence writes (or its acronym) is the one asked, by all its words' stems. */
function sameBody(written: string, acronym: string | undefined, asked: string): boolean {
  const wanted = words(asked).filter((word) => !STOP_WORDS.has(word));
  if (wanted.length === 0) return false;
  const have = new Set(words(written).map(stem));
  if (wanted.every((word) => have.has(stem(word)))) return true;
  return acronym !== undefined && wanted.length === 1 && wanted[0] === acronym.toLowerCase();
}

/**
 * "Who runs the intake desk?" of "the Harbour Police-led Joint Intake Desk": where no person is
 * named as its head, the body glued to "-led" before it runs it.
 */
export function ledByBody(
  body: string,
  index: ReportIndex,
): { doc: SentenceDoc; leader: string } | null {
  for (const doc of index.sentences)
    for (const match of doc.text.matchAll(GLUED_LED)) {
      const [, leader, led, acronym] = match;
      // "The Harbour Police-led …" at a sentence's start: the article is no part of the name.
      const name = leader?.replace(/^(?:\p{L}+\s+)/u, (w) =>
        STOP_WORDS.has(w.trim().toLowerCase()) ? "" : w,
      );
      if (name && led && sameBody(led, acronym, body)) return { doc, leader: name };
    }
  return null;
}
