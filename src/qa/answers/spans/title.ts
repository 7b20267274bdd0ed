import { abbreviates } from "../../../facts/acronyms.js";
import { escapeForPattern } from "../../../text/matches.js";
import { gluedHeadVerb } from "../ledBy.js";
import { personRuns } from "./person.js";

/**
 * The capitalised words straight after a title: ranks and the name ("Police General Ana Ruiz"), or
 * the name it is said to be ("identified the leader as Ana Ruiz", "the director is Ana Ruiz",
 * "the delegation was led by Ana Ruiz").
 */
const CAPITALISED_AFTER =
  /^\s+(?:(?:as|was|is|by)\s+)?((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*)/u;
/**
 * "led by Secretary of Security and Public Protection Ana Ruiz": a title of several words joined by
 * "of"/"and"/"for" before the name. Its first name-shaped run is the holder, not a second holder
 * joined by "and".
 */
const TITLED_AFTER =
  /^\s+(?:(?:as|was|is|by)\s+)?((?:\p{Lu}[\p{L}.'’-]*\s+(?:(?:of|and|for)\s+)?)*\p{Lu}[\p{L}.'’-]*)/u;
/**
 * "Its alleged leader, Ana Ruiz, 41, received …": the name an appositive gives right after the
 * title, closed by a comma or the sentence's end, as a name is set off ("the leader, Mexico City
 * police said" is no name so closed).
 */
const APPOSITIVE_AFTER = /^,\s+((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*)\s*(?:[,;.]|$)/u;
const CAPITALISED_WORD = /\p{Lu}[\p{L}'’-]*/gu;

export interface Asked {
  /** The title's patterns, or the acronym a spelled-out title must abbreviate. */
  titles: string[];
  acronym: string | null;
  body: string | null;
  /**
   * A noun no title list holds ("criminologist"): only a name an appositive gives it ("Ana Ruiz,
   * a criminologist at …") holds it.
   */
  appositiveOnly?: boolean;
}

/** Where a sentence gives the title: its own words, or capitalised words spelling its acronym. */
export function titleSpans(text: string, asked: Asked): [number, number][] {
  const spans: [number, number][] = [];
  for (const title of asked.titles) {
    for (const m of text.matchAll(new RegExp(String.raw`\b${escapeForPattern(title)}\b`, "gi"))) {
      if (gluedHeadVerb(text, m.index, title)) continue;
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  if (asked.acronym) {
    const capitals = [...text.matchAll(CAPITALISED_WORD)];
    for (let from = 0; from < capitals.length; from++) {
      for (let to = from + 1; to < capitals.length && to < from + asked.acronym.length + 2; to++) {
        const start = capitals[from]?.index ?? 0;
        const last = capitals[to];
        if (!last) continue;
        const end = last.index + last[0].length;
        if (abbreviates(asked.acronym, text.slice(start, end))) spans.push([start, end]);
      }
    }
  }
  return spans;
}

/** The comma and up to three words that may stand between a name and the title it is given. */
const APPOSITIVE_LEAD = /^,\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,3}/u;

/**
 * The person holding the title in a sentence: the name right after it ("Circuit Judge Tomas
 * Brandvik", "Unit Director Senior Superintendent Alma Ferreira"), or the name an appositive gives
 * it to ("Pavel Ostrin, commissioner of the harbour police"). A title with no name beside it ("a
 * county judge on Tuesday sentenced …") names no one.
 */
export function holderIn(text: string, spans: [number, number][]): string | null {
  for (const [, end] of spans) {
    const after = text.slice(end);
    const run = CAPITALISED_AFTER.exec(after)?.[1] ?? APPOSITIVE_AFTER.exec(after)?.[1];
    const person = run ? personRuns(run, new Set()).pop() : undefined;
    if (person) return person;
    const titled = TITLED_AFTER.exec(after)?.[1];
    const first = titled ? personRuns(titled, new Set())[0] : undefined;
    if (first) return first;
  }
  return appositiveHolder(text, spans);
}

/**
 * The person an appositive gives the title to, right after the name: "Pavel Ostrin, commissioner
 * of the harbour police", "Ana Ruiz, a criminologist at Kelby University".
 */
export function appositiveHolder(text: string, spans: [number, number][]): string | null {
  for (const person of personRuns(text, new Set())) {
    const after = text.indexOf(person) + person.length;
    const tail = APPOSITIVE_LEAD.exec(text.slice(after));
    if (!tail) continue;
    // "Ana Ruiz, commissioner of …", "Ana Ruiz, the deputy commissioner", "Ana Ruiz, who heads …":
    // the title may start after any of the first few words.
    const starts = [
      tail[0].length,
      ...[...tail[0].matchAll(/\s+/gu)].map((m) => m.index + m[0].length),
    ];
    if (spans.some(([start]) => starts.some((at) => after + at === start))) return person;
  }
  return null;
}
