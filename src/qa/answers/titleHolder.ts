import { abbreviates } from "../../facts/acronyms.js";
import { findPlaces, findPlacesInQuestion } from "../../facts/places.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { escapeForPattern } from "../../text/matches.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import type { ReportIndex, SentenceDoc } from "../reportIndex.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import { STOP_WORDS } from "../vocabulary.js";
import { ledByBody } from "./ledBy.js";
import { citedSentence } from "./sentence.js";
import { type Asked, appositiveHolder, holderIn, titleSpans } from "./spans/title.js";

/** "Who is the police chief of Eastmark?", "who was the judge in the case": a title, a body. */
const ASKS_HOLDER =
  /^who(?:['’]s|\s+(?:is|was|are|were))\s+(?:the\s+|a\s+)?(.+?)(?:\s+(?:of|at|for|in|on|from|with)\s+(?:the\s+)?(.+?))?\s*[?.!]*$/i;
/** "… quoted in the story", "… mentioned in the report": how the asker met the title, not part of it. */
const MET_IN =
  /\s+(?:who\s+(?:is|was)\s+)?(?:quoted|cited|mentioned|named|interviewed|featured|speaking)\b.*$/i;
/** "Who heads the Coastal Smuggling Unit?": the body's top post, whatever the report calls it. */
const ASKS_HEAD = new RegExp(
  String.raw`^who\s+(${GRAMMAR.headVerbs.map(escapeForPattern).join("|")})\s+(?:the\s+)?(.+?)\s*[?.!]*$`,
  "i",
);
/** "CEO": a title asked by its acronym, which a report may spell out ("Chief Executive Officer"). */
const ACRONYM = /^\p{Lu}{2,5}$/u;
const TITLE_NOUNS: ReadonlySet<string> = new Set([...GRAMMAR.personNouns, ...GRAMMAR.headTitles]);
const HEAD_TITLES_AND_VERBS = [...GRAMMAR.headTitles, ...GRAMMAR.headVerbs];

function askedTitle(question: string): Asked | null {
  const text = question.trim().replace(MET_IN, "");
  const head = ASKS_HEAD.exec(text);
  // "Ana Ruiz, who heads the harbour unit": the verb asked gives the post as well as a title does.
  // "Who led the delegation?": "was led by Ana Ruiz" first, then any head's title.
  if (head) {
    const verb = head[1]?.toLowerCase() ?? "";
    return { titles: [verb, ...HEAD_TITLES_AND_VERBS], acronym: null, body: head[2] ?? null };
  }
  const holder = ASKS_HOLDER.exec(text);
  const title = holder?.[1];
  const parts = title?.split(/\s+/) ?? [];
  if (!holder || !title || parts.length > TITLE_WORDS) return null;
  if (ACRONYM.test(title)) return { titles: [], acronym: title, body: holder[2] ?? null };
  const last = parts[parts.length - 1]?.toLowerCase() ?? "";
  if (TITLE_NOUNS.has(last))
    return { titles: titleEndings(parts), acronym: null, body: holder[2] ?? null };
  // "the alleged ringleader", "the gang-leader": a compound whose last part is a title asks it too.
  const noun = compoundTitle(last);
  // "who is the criminologist from Kelby University?": any noun a name is set beside.
  if (!noun)
    return PERSON_LIKE.test(last)
      ? {
          titles: titleEndings(parts),
          acronym: null,
          body: holder[2] ?? null,
          appositiveOnly: true,
        }
      : null;
  const plain = [...parts.slice(0, -1), noun];
  return {
    titles: [...titleEndings(parts), ...titleEndings(plain), noun],
    acronym: null,
    body: holder[2] ?? null,
  };
}

/** "criminologist", "spokesman", "researcher": a noun shaped like one naming a person by what they do. */
const PERSON_LIKE = /(?:ist|er|or|ian|man|woman|person|ant|ent)$/;

/** The fewest letters before a title noun for a word to be a compound of it ("ring" + "leader"). */
const COMPOUND_LEAD = 3;

/** "ringleader" → "leader", "gang-leader" → "leader": the title noun a compound word ends in. */
function compoundTitle(word: string): string | null {
  for (const noun of TITLE_NOUNS) {
    if (noun.includes(" ") || !word.endsWith(noun)) continue;
    if (word.length - noun.length >= COMPOUND_LEAD) return noun;
  }
  return null;
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

/**
 * A body asked with a place in it ("mexico's delegation"): the places, which a text may name by
 * their demonym ("the Mexican delegation"), and the body's other words.
 */
function bodyParts(body: string): { places: string[]; rest: string[] } {
  const mentions = findPlacesInQuestion(body);
  const placeWords = new Set(mentions.flatMap((m) => bodyWords(body.slice(m.start, m.end))));
  return {
    places: mentions.map((m) => m.place.name),
    rest: bodyWords(body).filter((word) => !placeWords.has(word)),
  };
}

/** Whether a text names each place, by any of its names or its demonym. */
function namesPlaces(text: string, places: readonly string[]): boolean[] {
  const named = new Set(findPlaces(text).map((m) => m.place.name));
  return places.map((place) => named.has(place));
}

/** How many of the body's words a sentence uses, by stem ("narcotics" for "narcotic"), places by demonym too. */
function sharedBodyWords(sentence: string, body: string): number {
  const used = new Set(words(sentence).map(stem));
  const { places, rest } = bodyParts(body);
  return (
    rest.filter((word) => used.has(stem(word))).length +
    namesPlaces(sentence, places).filter(Boolean).length
  );
}

/** Whether a paragraph names the body: all its words (a place by its demonym too), or an acronym of it ("CSU"). */
function namesBody(paragraph: string, body: string): boolean {
  const lower = paragraph.toLowerCase();
  const { places, rest } = bodyParts(body);
  if (
    places.length + rest.length > 0 &&
    rest.every((word) => new RegExp(`\\b${escapeForPattern(word)}\\b`).test(lower)) &&
    namesPlaces(paragraph, places).every(Boolean)
  )
    return true;
  return [...paragraph.matchAll(/\b\p{Lu}{2,6}\b/gu)].some((m) => abbreviates(m[0], body));
}

/** "Its alleged leader", "their chief": a possessive pronoun right before the title. */
const POSSESSIVE_BEFORE = /\b(?:its|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/**
 * "The court sentenced 14 members of the Harbour clan. ¶ Its alleged leader, Ana Ruiz, …": a title
 * a possessive pronoun gives opens the paragraph pointing back at the body the paragraph before it
 * names. Whether the title span at `start` of a paragraph's first sentence does so for the body.
 */
function pointsBackToBody(
  doc: SentenceDoc,
  spans: [number, number][],
  body: string,
  index: ReportIndex,
): boolean {
  if (doc.sentence !== 0 || doc.paragraph < 2) return false;
  const before = index.report.paragraphs[doc.paragraph - 2]?.text ?? "";
  return (
    spans.some(([start]) => POSSESSIVE_BEFORE.test(doc.text.slice(0, start))) &&
    namesBody(before, body)
  );
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
  let fallback: { doc: SentenceDoc; person: string; shared: number } | null = null;
  // "The Norwegian delegation was led by …. The Danish delegation was led by …": a sentence naming
  // the body itself beats an earlier one whose paragraph names it.
  let inParagraph: { doc: SentenceDoc; person: string } | null = null;
  for (const doc of index.sentences) {
    const spans = titleSpans(doc.text, asked);
    if (spans.length === 0) continue;
    const person = asked.appositiveOnly
      ? appositiveHolder(doc.text, spans)
      : holderIn(doc.text, spans);
    if (!person) continue;
    if (body && (namesBody(doc.text, body) || pointsBackToBody(doc, spans, body, index)))
      return citedSentence(query.question, doc, person, 0.7);
    if (
      body &&
      !inParagraph &&
      namesBody(index.report.paragraphs[doc.paragraph - 1]?.text ?? doc.text, body)
    ) {
      inParagraph = { doc, person };
      continue;
    }
    // "who heads the harbour drug unit in <country>": the holder whose sentence names most of the body.
    const shared = body ? sharedBodyWords(doc.text, body) : 0;
    if (!fallback || shared > fallback.shared) fallback = { doc, person, shared };
  }
  if (inParagraph) return citedSentence(query.question, inParagraph.doc, inParagraph.person, 0.7);
  if (fallback && !bodyNamed)
    return citedSentence(query.question, fallback.doc, fallback.person, 0.6);
  const led = body && asked.acronym === null ? ledByBody(body, index) : null;
  return led ? citedSentence(query.question, led.doc, led.leader, 0.6) : null;
}
