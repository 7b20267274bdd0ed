import { abbreviates } from "../../facts/acronyms.js";
import { GRAMMAR } from "../../lexicon/language.js";
import type { ReportIndex, SentenceDoc } from "../reportIndex.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import { STOP_WORDS } from "../vocabulary.js";
import { citedSentence, escapeForPattern } from "./sentence.js";
import { personRuns } from "./spans/person.js";

/** "Who is the police chief of Eastmark?", "who was the judge in the case": a title, a body. */
const ASKS_HOLDER =
  /^who\s+(?:is|was|are|were)\s+(?:the\s+|a\s+)?(.+?)(?:\s+(?:of|at|for|in|on)\s+(?:the\s+)?(.+?))?\s*[?.!]*$/i;
/** "Who heads the Coastal Smuggling Unit?": the body's top post, whatever the report calls it. */
const ASKS_HEAD = new RegExp(
  String.raw`^who\s+(?:${GRAMMAR.headVerbs.map(escapeForPattern).join("|")})\s+(?:the\s+)?(.+?)\s*[?.!]*$`,
  "i",
);
/** "CEO": a title asked by its acronym, which a report may spell out ("Chief Executive Officer"). */
const ACRONYM = /^\p{Lu}{2,5}$/u;
const TITLE_NOUNS: ReadonlySet<string> = new Set([...GRAMMAR.personNouns, ...GRAMMAR.headTitles]);
/** The capitalised words straight after a title: ranks and the name ("Police General Ana Ruiz"). */
const CAPITALISED_AFTER = /^\s+((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*)/u;
const CAPITALISED_WORD = /\p{Lu}[\p{L}'’-]*/gu;

interface Asked {
  /** The title's patterns, or the acronym a spelled-out title must abbreviate. */
  titles: string[];
  acronym: string | null;
  body: string | null;
}

function askedTitle(question: string): Asked | null {
  const text = question.trim();
  const head = ASKS_HEAD.exec(text);
  if (head) return { titles: GRAMMAR.headTitles, acronym: null, body: head[1] ?? null };
  const holder = ASKS_HOLDER.exec(text);
  const title = holder?.[1];
  if (!holder || !title || title.split(/\s+/).length > 3) return null;
  if (ACRONYM.test(title)) return { titles: [], acronym: title, body: holder[2] ?? null };
  const last = title.split(/\s+/).pop()?.toLowerCase() ?? "";
  if (!TITLE_NOUNS.has(last)) return null;
  return { titles: [title], acronym: null, body: holder[2] ?? null };
}

/** Where a sentence gives the title: its own words, or capitalised words spelling its acronym. */
function titleSpans(text: string, asked: Asked): [number, number][] {
  const spans: [number, number][] = [];
  for (const title of asked.titles) {
    for (const m of text.matchAll(new RegExp(String.raw`\b${escapeForPattern(title)}\b`, "gi"))) {
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

/**
 * The person holding the title in a sentence: the name right after it ("Circuit Judge Tomas
 * Brandvik", "Unit Director Senior Superintendent Alma Ferreira"), or the name an appositive gives
 * it to ("Pavel Ostrin, commissioner of the harbour police"). A title with no name beside it ("a
 * county judge on Tuesday sentenced …") names no one.
 */
function holderIn(text: string, spans: [number, number][]): string | null {
  for (const [, end] of spans) {
    const run = CAPITALISED_AFTER.exec(text.slice(end))?.[1];
    const person = run ? personRuns(run, new Set()).pop() : undefined;
    if (person) return person;
  }
  for (const person of personRuns(text, new Set())) {
    const after = text.indexOf(person) + person.length;
    const tail = /^,\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,3}?/u.exec(text.slice(after));
    if (!tail) continue;
    const at = after + tail[0].length;
    if (spans.some(([start]) => start === at)) return person;
  }
  return null;
}

/** The content words a body is asked by ("coastal", "smuggling", "unit"). */
function bodyWords(body: string): string[] {
  return body
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** Whether a paragraph names the body: all its words, or an acronym of it ("CSU"). */
function namesBody(paragraph: string, body: string): boolean {
  const lower = paragraph.toLowerCase();
  const wanted = bodyWords(body);
  if (
    wanted.length > 0 &&
    wanted.every((word) => new RegExp(`\\b${escapeForPattern(word)}\\b`).test(lower))
  )
    return true;
  return [...paragraph.matchAll(/\b\p{Lu}{2,6}\b/gu)].some((m) => abbreviates(m[0], body));
}

/**
 * "Who is the CEO of the Port Authority?", "who heads the Coastal Smuggling Unit?": the person a
 * sentence gives that title, in a paragraph naming the body where the question names one by a
 * capitalised name. Null where no sentence gives the title a name.
 */
export function titleHolderAnswer(query: Query, index: ReportIndex): Answer | null {
  const asked = askedTitle(query.question);
  if (!asked) return null;
  const body = asked.body;
  const bodyNamed = body !== null && /\p{Lu}/u.test(body) && bodyWords(body).length > 0;
  let fallback: { doc: SentenceDoc; person: string } | null = null;
  for (const doc of index.sentences) {
    const spans = titleSpans(doc.text, asked);
    if (spans.length === 0) continue;
    const person = holderIn(doc.text, spans);
    if (!person) continue;
    if (body && namesBody(index.report.paragraphs[doc.paragraph - 1]?.text ?? doc.text, body)) {
      return citedSentence(query.question, doc, person, 0.7);
    }
    fallback ??= { doc, person };
  }
  if (fallback && !bodyNamed)
    return citedSentence(query.question, fallback.doc, fallback.person, 0.6);
  return null;
}
