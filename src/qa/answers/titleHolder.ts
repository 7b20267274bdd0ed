import { abbreviates } from "../../facts/acronyms.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { escapeForPattern } from "../../text/matches.js";
import { preparedOf } from "../prepared.js";
import type { ReportIndex, SentenceDoc } from "../reportIndex.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import { STOP_WORDS } from "../vocabulary.js";
import { citedSentence } from "./sentence.js";
import { personRuns } from "./spans/person.js";
import { type Asked, holderIn, titleSpans } from "./spans/title.js";

/**
 * "Who is the police chief of Eastmark?", "who was the judge in the case", "who's the harbour
 * minister quoted in the story": a title, a body; a participle saying where the holder appears
 * ("quoted", "named") is no part of the title.
 */
const ASKS_HOLDER =
  /^who(?:\s+(?:is|was|are|were)|['’]s)\s+(?:the\s+|a\s+)?(.+?)(?:\s+(?:quoted|cited|mentioned|named|interviewed))?(?:\s+(?:of|at|for|in|on)\s+(?:the\s+)?(.+?))?\s*[?.!]*$/i;
/** "Who heads the Coastal Smuggling Unit?": the body's top post, whatever the report calls it. */
const ASKS_HEAD = new RegExp(
  String.raw`^who\s+(?:${GRAMMAR.headVerbs.map(escapeForPattern).join("|")})\s+(?:the\s+)?(.+?)\s*[?.!]*$`,
  "i",
);
/** "CEO": a title asked by its acronym, which a report may spell out ("Chief Executive Officer"). */
const ACRONYM = /^\p{Lu}{2,5}$/u;
const TITLE_NOUNS: ReadonlySet<string> = new Set([...GRAMMAR.personNouns, ...GRAMMAR.headTitles]);

function askedTitle(question: string): Asked | null {
  const text = question.trim();
  const head = ASKS_HEAD.exec(text);
  if (head) return { titles: GRAMMAR.headTitles, acronym: null, body: head[1] ?? null };
  const holder = ASKS_HOLDER.exec(text);
  const title = holder?.[1];
  const parts = title?.split(/\s+/) ?? [];
  if (!holder || !title || parts.length > TITLE_WORDS) return null;
  if (ACRONYM.test(title)) return { titles: [], acronym: title, body: holder[2] ?? null };
  const last = parts[parts.length - 1]?.toLowerCase() ?? "";
  if (!TITLE_NOUNS.has(last)) return null;
  return { titles: titleEndings(parts), acronym: null, body: holder[2] ?? null };
}

/** The most words a title asked may run to, a place or body before it ("kansas city police chief"). */
const TITLE_WORDS = 5;

/**
 * "kansas city police chief" → itself, "city police chief", "police chief": the title and its
 * shorter endings, longest first, since a place or body may stand before the title proper. A
 * title of several words never comes down to its last word alone ("chief" of anything).
 */
function titleEndings(parts: readonly string[]): string[] {
  const shortest = parts.length > 1 ? 2 : 1;
  const endings: string[] = [];
  for (let from = 0; parts.length - from >= shortest; from++)
    endings.push(parts.slice(from).join(" "));
  return endings;
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
  const said = asked.titles === GRAMMAR.headTitles ? headSaidOf(query, asked.body, index) : null;
  if (said) return said;
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

/** "Mara Quill, who heads the harbour unit": the report's own words for heading a body. */
const HEADS = new RegExp(
  String.raw`(?:,\s*who\s+|\s)(?:${GRAMMAR.headVerbs.map(escapeForPattern).join("|")})\s+(?:the\s+)?`,
  "gi",
);

/** How many of the body's first words the report's "who heads …" must give as asked. */
const BODY_WORDS_SAID = 2;

/**
 * "Who heads the harbour smuggling unit in Kelby?" of "Colonel Mara Quill, who heads the harbour
 * smuggling unit, said …": the person the report itself says heads the body asked, by the body's
 * first words, before any holder of a head title elsewhere ("Director Ann Lee").
 */
function headSaidOf(query: Query, body: string | null, index: ReportIndex): Answer | null {
  const wanted = bodyWords(body ?? "").slice(0, BODY_WORDS_SAID);
  if (wanted.length === 0) return null;
  const { otherNames } = preparedOf(index).entities;
  for (const doc of index.sentences) {
    for (const match of doc.text.matchAll(HEADS)) {
      const at = match.index ?? 0;
      const after = bodyWords(doc.text.slice(at + match[0].length)).slice(0, wanted.length);
      if (after.join(" ") !== wanted.join(" ")) continue;
      const person = personRuns(doc.text.slice(0, at), otherNames).at(-1);
      if (person) return citedSentence(query.question, doc, person, 0.7);
    }
  }
  return null;
}
