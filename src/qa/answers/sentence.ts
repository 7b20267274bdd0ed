import { isNumberWord } from "../../facts/numbers.js";
import type { Entity } from "../../facts/schema.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { escapeForPattern } from "../../text/matches.js";
import { BoundedMemory } from "../../text/memory.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import { BestFirst } from "../bestFirst.js";
import { searchBm25 } from "../bm25.js";
import { notFound } from "../compose.js";
import { isHomeName, mentions } from "../names.js";
import { preparedOf, type SentenceEntities } from "../prepared.js";
import { DURATION_UNITS } from "../rank.js";
import {
  factsIn,
  type ReportIndex,
  SEARCH_TEXT,
  type SentenceDoc,
  sentencesIn,
} from "../reportIndex.js";
import type { Answer } from "../schema.js";
import { relatedSuggestions } from "../suggest.js";
import type { Query } from "../understand.js";
import { concept, conceptsOf, STOP_WORDS } from "../vocabulary.js";
import { paragraphsHoldingText } from "../wordIndex.js";
import type { AnswerContext } from "./context.js";
import { eventVerbs } from "./eventVerb.js";
import { askedNames } from "./figure.js";
import { rangeAfter } from "./nextDated.js";
import { datesTheSaying } from "./saidOn.js";
import { dateRange } from "./spans/date.js";
import {
  ASKS_DURATION,
  ASKS_REQUEST,
  DURATION,
  DURATION_FRAME,
  durationSpan,
} from "./spans/duration.js";
import { givenNames } from "./spans/name.js";
import { authorIn, introducesPerson, personRuns, SPEECH_VERB, speakersIn } from "./spans/person.js";
import { locatedRuns, withTown } from "./spans/place.js";
import { holderIn, titleSpans } from "./spans/title.js";
import { asksParty, surnamesIn } from "./surnames.js";

const ENTITY_KIND_FOR: Partial<Record<NonNullable<Query["wh"]>, Entity["kind"][]>> = {
  who: ["person", "organization", "role"],
  when: ["date"],
  where: ["place"],
  which: ["organization", "operation", "place"],
};

const YEAR = /\b(?:19|20)\d{2}\b/;
/** "by what year", "in which month", "what dates": asks for a date though it does not say "when". */
const ASKS_DATE = /\b(?:what|which)\s+(?:years?|months?|days?|dates?)\b/i;
/** "in the past three weeks", "over the last 10 months": a span of time up to the report. */
const ELAPSED = new RegExp(
  String.raw`\b(?:in|over|during|for|within)\s+the\s+(?:past|last|first)\s+${DURATION.source.slice(2)}`,
  "i",
);
/**
 * "How long has it been running", "over what period were …", "over how many months were …": the
 * time elapsed is asked.
 */
const ASKS_ELAPSED =
  /\bhow long\s+(?:has|have|had)\b|\b(?:over|within)\s+how\s+(?:long|many\s+(?:days|weeks|months|years))\b|\b(?:what|which)\s+(?:period|length of time|time ?frame|time span)\b|\bhow long\b.*\b(?:been|so far|running|going|goin|lasted)\b/i;
const WHOLE_REPORT: ReadonlySet<string> = new Set(
  [
    ...GRAMMAR.operationNouns,
    ...GRAMMAR.wholeReportWords,
    ...GRAMMAR.genericQuestionWords,
    // "the nationwide results", "the overall figures": still the whole effort.
    ...GRAMMAR.wholeLabels,
    // "over how many months": the unit the span is asked in.
    ...["days", "weeks", "months", "years"],
  ].map(concept),
);
const elapsedCache = new WeakMap<ReportIndex, SentenceDoc | null>();

/**
 * "How long has the campaign been running?" asked of the report's whole effort: the first span of
 * time up to the report it gives ("In the past two months, police …"), wherever the campaign is
 * named. Null when the question names a part of the effort, or the report gives no such span.
 */
export function elapsedAnswer(query: Query, index: ReportIndex): Answer | null {
  if (!ASKS_ELAPSED.test(query.cleaned)) return null;
  const frame = new Set(conceptsOf(frameWords(query.cleaned, true)));
  // "the results of the Harbour Drive" in a report about the Harbour Drive: its whole effort.
  const home = new Set(
    query.filters.names
      .filter((spellings) => isHomeName(spellings, index.report, index.paragraphWords))
      .flatMap((spellings) => spellings.flatMap(conceptsOf)),
  );
  const named = query.measure.concepts.filter((c) => !frame.has(c) && !home.has(c));
  if (query.filters.places.length > 0 || !named.every((c) => WHOLE_REPORT.has(c))) return null;
  let doc = elapsedCache.get(index);
  if (doc === undefined) {
    doc = index.sentences.find((sentence) => ELAPSED.test(sentence.text)) ?? null;
    elapsedCache.set(index, doc);
  }
  if (!doc) return null;
  const span = DURATION.exec(doc.text)?.[0] ?? "";
  return citedSentence(query.question, doc, span, 0.6);
}

/** A run of capitalised words, "of"/"and" inside it: a name the report uses. */
const NAME_RUN = /[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|for|the|de|del)\s+)*[A-Z][\w'’.-]*)*/g;

/** "What is the drive called", "what slogan guided them": the answer is a name the report quotes. */
const ASKS_NAME =
  /\b(?:called|name of|what name|slogan|motto|principle|title|dubbed|known as|nicknamed)\b/i;
/** The words that only frame such a question: "called" says nothing of what is named. */
const NAME_FRAME = /\b(?:called|name of|dubbed|known as|nicknamed)\b/gi;
const QUOTED = /["“]([^"“”\n]{3,80})["”]/g;

/**
 * The names a sentence offers for "what was it called": those it quotes that the report does not
 * repeat throughout, then those it gives after a naming word or a name's head ("codenamed
 * KESTREL", "Project Tidewater"), which name something even where the report is about it.
 */
function offeredNames(
  query: Query,
  doc: SentenceDoc,
  index: ReportIndex,
  ownNameParagraphs: number,
): string[] {
  if (!offersNames(query)) return [];
  const asked = query.cleaned.toLowerCase();
  const quoted = [...doc.text.matchAll(QUOTED)]
    .map((match) => match[1]?.trim() ?? "")
    .filter(
      (name) =>
        name.length > 0 && paragraphsHolding(index, name, ownNameParagraphs) < ownNameParagraphs,
    );
  return [...quoted, ...givenNames(doc.text)].filter((name) => !asked.includes(name.toLowerCase()));
}

/** "What is the drive called", "which operation …": a question a sentence may offer names for. */
function offersNames(query: Query): boolean {
  const noun = askedNoun(query);
  return ASKS_NAME.test(query.cleaned) || (noun !== null && OPERATION_NOUNS.has(noun));
}

/**
 * How many paragraphs hold `text` (as `includes` finds it), counted up to `limit`: only those the
 * word index says can hold it are read, so a name repeated through a long report stops the count early.
 */
function paragraphsHolding(index: ReportIndex, text: string, limit: number): number {
  const holds = (p: number) => index.report.paragraphs[p - 1]?.text.includes(text) === true;
  const candidates =
    paragraphsHoldingText(index.paragraphWords, text) ??
    index.report.paragraphs.map((p) => p.number);
  let count = 0;
  for (const p of candidates) if (holds(p) && ++count >= limit) break;
  return count;
}

/** The words of a question that only say what kind of answer it wants ("called", "how long"). */
function frameWords(cleaned: string, duration: boolean): string {
  const name = ASKS_NAME.test(cleaned) ? (cleaned.match(NAME_FRAME) ?? []) : [];
  const time = duration ? (cleaned.match(DURATION_FRAME) ?? []) : [];
  return [...name, ...time].join(" ");
}

/** A sentence is about the places asked where its paragraph names them; the report's home is everywhere. */
function mentionsPlaces(index: ReportIndex, doc: SentenceDoc, places: string[]): boolean {
  return places.every(
    (place) =>
      index.home.has(place) || (index.placeParagraphs.get(place) ?? []).includes(doc.paragraph),
  );
}

/** A sentence answers about a name the question uses only where its paragraph names it. */
function mentionsNames(index: ReportIndex, doc: SentenceDoc, names: string[][]): boolean {
  const text = index.report.paragraphs[doc.paragraph - 1]?.text ?? "";
  return names.every((spellings) => spellings.some((s) => mentions(text, s)));
}

const ABOUT_THE_RELEASE =
  /\b(?:press release|this release|the release|this report|the report|statement|announcement|announced|published|released|issued|dated|posted|put out|results (?:were|was) (?:reported|given|presented))\b/i;

const ASKS_AHEAD = /\b(?:will|are|next|expected|coming|upcoming|due)\b/i;

/** "When was the harbour order signed?": asks when the document itself was signed. */
const ASKS_SIGNED = /\bsign(?:ed)?\b/i;
/** "THE STATE HOUSE, October 14, 2025.": an order's or proclamation's closing signing line. */
const SIGNING_LINE = /^\p{Lu}[\p{Lu}\s.'’-]*,\s+\S[^.]*\d{4}\.?$/u;
/** How many of a document's last paragraphs its signing line may stand among. */
const SIGNING_TAIL = 3;

/**
 * "When was the harbour order signed?": the date of the signing line an order closes with, not a
 * date the order gives another order ("under Order 212 of March 4, 2019"). A question naming a
 * number names some other document, which the sentences answer.
 */
function signingDate(query: Query, index: ReportIndex): Answer | null {
  if (!ASKS_SIGNED.test(query.cleaned) || /\d/.test(query.cleaned)) return null;
  const last = index.report.paragraphs.length;
  const date = index.table.entities.find(
    (e) =>
      e.kind === "date" &&
      e.paragraph > last - SIGNING_TAIL &&
      SIGNING_LINE.test(index.report.paragraphs[e.paragraph - 1]?.text.trim() ?? ""),
  );
  if (!date) return null;
  const text = index.report.paragraphs[date.paragraph - 1]?.text.trim() ?? date.quote;
  return citedSentence(query.question, { paragraph: date.paragraph, text }, date.name, 0.7);
}

/** "this briefing", "the fact sheet": a kind of document, after a word pointing at one. */
const DOCUMENT_ASKED = new RegExp(
  String.raw`\b(this|the|today's|today’s)\s+(${[...GRAMMAR.documentNouns]
    .sort((a, b) => b.length - a.length)
    .map(escapeForPattern)
    .join("|")})\b`,
  "i",
);
/** How many of a document's first paragraphs its heading (title, kind, place) may stand among. */
const HEADING_PARAGRAPHS = 3;

/** A document's heading: its first paragraphs that end with no full stop, as titles do. */
function headingOf(index: ReportIndex): string {
  return index.report.paragraphs
    .slice(0, HEADING_PARAGRAPHS)
    .map((p) => p.text.trim())
    .filter((text) => !/[.!?]["”’)]?$/.test(text))
    .join("\n");
}

/**
 * "When was this briefing held?" asks the document's own date: "this" points at the document
 * being read; "the briefing" does where the document's heading calls it one ("Press Briefing by
 * …"), and otherwise names an event the document tells of.
 */
function asksOwnDate(cleaned: string, index: ReportIndex): boolean {
  const [, pointer = "", noun = ""] = DOCUMENT_ASKED.exec(cleaned) ?? [];
  if (!noun) return false;
  if (pointer.toLowerCase() !== "the") return true;
  return new RegExp(String.raw`\b${escapeForPattern(noun)}\b`, "i").test(headingOf(index));
}

const eitherWord = (list: readonly string[]) =>
  list.map((word) => escapeForPattern(word).replace(/\s+/g, String.raw`\s+`)).join("|");
/** "reported", "released", "presented": a verb putting figures out, as a question words it. */
const DISCLOSURE_VERB = new RegExp(String.raw`\b(?:${eitherWord(GRAMMAR.disclosureVerbs)})\b`, "i");
/** "the results", "these figures": what a report puts out. */
const DISCLOSED_NOUN = new RegExp(String.raw`\b(?:${eitherWord(GRAMMAR.disclosedNouns)})\b`, "i");

/**
 * "On what date were the results reported?", "when did the ministry release the figures?": the
 * figures put out, asked in either order, are the release's own, and so is its date.
 */
function asksRelease(cleaned: string): boolean {
  return DISCLOSURE_VERB.test(cleaned) && DISCLOSED_NOUN.test(cleaned);
}

/** How far into one of the first paragraphs a dateline's date may stand ("ALGECIRAS, Spain, Jan 14 –"). */
const DATELINE_REACH = 60;
/** After a dateline's date: a dash ("Jan 14 –", "Aug 14 (Wire) -"), or the end of its line ("…, May 3."). */
const DATELINE_END = /^\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*)?(?:--|—|–|-\s|[.:]?\s*$)/;

/** A date that opens one of the report's first paragraphs as its dateline. */
function isDateline(date: Entity, index: ReportIndex): boolean {
  if (date.paragraph > HEADING_PARAGRAPHS + 1 || !namesADay(date)) return false;
  const text = index.report.paragraphs[date.paragraph - 1]?.sentences[date.sentence]?.text ?? "";
  const at = text.indexOf(date.name);
  return at >= 0 && at < DATELINE_REACH && DATELINE_END.test(text.slice(at + date.name.length));
}

/** A day-date: "April 15, 2025", "the 14th", not a title's "March 2025". */
function namesADay(date: Entity): boolean {
  return /\b\d{1,2}(?:st|nd|rd|th)?\b/.test(date.name.replace(/\b\d{4}\b/g, ""));
}

/**
 * "…, the agency said on Thursday": where the report's opening has no dated dateline, the day its
 * figures were said is the release's day. The first sentence of the opening paragraphs whose
 * weekday or date follows a verb of speech.
 */
function sayingDay(index: ReportIndex): { doc: SentenceDoc; day: string } | null {
  for (const doc of index.sentences) {
    if (doc.paragraph > HEADING_PARAGRAPHS + 1) break;
    for (const match of doc.text.matchAll(new RegExp(WEEKDAY.source, "gi")))
      if (datesTheSaying(doc.text, match.index)) return { doc, day: match[0] };
  }
  return null;
}

/** "The figures were given at a briefing on May 2": the figures put out, then their verb. */
const FIGURES_PUT_OUT = new RegExp(
  String.raw`${DISCLOSED_NOUN.source}\s+(?:(?:were|was|had been|have been|being)\s+)?(?:${eitherWord(GRAMMAR.disclosureVerbs)})\b`,
  "i",
);

/**
 * "The figures were given at a briefing held on August 30": a sentence that says when the figures
 * were put out dates their release, whatever the dateline says. The date must follow the verb:
 * "closed 40 lines between 3 and 9 May, according to figures released by …" dates the closing.
 */
function statedRelease(index: ReportIndex): { doc: SentenceDoc; day: string } | null {
  const { bySentence } = entitiesOf(index);
  for (const doc of index.sentences) {
    const put = FIGURES_PUT_OUT.exec(doc.text);
    if (!put) continue;
    const after = put.index + put[0].length;
    const date = (bySentence.get(`${doc.paragraph}:${doc.sentence}`) ?? []).find(
      (e) => e.kind === "date" && namesADay(e) && doc.text.indexOf(e.name) >= after,
    );
    if (date) return { doc, day: date.name };
  }
  return null;
}

/** "When was this press release published?": the report's dateline, else the day it was said. */
export function publicationDate(query: Query, index: ReportIndex): Answer | null {
  if (!asksDate(query)) return null;
  const signed = signingDate(query, index);
  if (signed) return signed;
  const release = asksRelease(query.cleaned);
  if (!ABOUT_THE_RELEASE.test(query.cleaned) && !asksOwnDate(query.cleaned, index) && !release)
    return null;
  // "When will next month's figures be released?" asks of a release still to come.
  if (ASKS_AHEAD.test(query.cleaned)) return null;
  // A dateline gives the day ("April 15, 2025"); a title's "March 2025" names the period covered.
  const dates = index.table.entities.filter((e) => e.kind === "date");
  const opening = dates.find((e) => isDateline(e, index));
  const stated = release ? statedRelease(index) : null;
  if (stated) return citedSentence(query.question, stated.doc, stated.day, 0.7);
  const said = opening ? null : sayingDay(index);
  if (said) return citedSentence(query.question, said.doc, said.day, 0.6);
  const date = opening ?? dates.find(namesADay) ?? dates[0];
  if (!date) return null;
  return citedSentence(
    query.question,
    { paragraph: date.paragraph, text: date.quote },
    date.name,
    0.7,
  );
}

/**
 * "its FY24 Harbour Grants programme": a date right before a name the question uses is part of
 * that name, not when anything happened.
 */
function labelsAName(date: string, text: string, asked: Set<string>): boolean {
  const at = text.indexOf(date);
  if (at < 0) return false;
  // Only a name ("FY24 Harbour Grants"): "during their May 3 meeting" dates the meeting asked about.
  const next = /^\s+([A-Z][\w'’-]*)/.exec(text.slice(at + date.length))?.[1];
  const [word] = words(next ?? "");
  return word !== undefined && asked.has(concept(word));
}

/** "Harbour Police Report 2024 Results": a report's title; a year in it names the period covered. */
function isTitle(doc: SentenceDoc): boolean {
  return doc.paragraph === 1 && doc.sentence === 0 && !/[.!?]["”’)]?$/.test(doc.text);
}

/** "this morning", "on Thursday": the sentence speaks of the day it was written. */
const RELEASE_DAY =
  /\b(?:today|this (?:morning|afternoon|evening)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/**
 * "Riverbend, May 5, 2025 -- Police said": a dateline's date dates the release, not the event,
 * unless the sentence tells of the release's own day ("held a briefing on Thursday").
 */
function opensDateline(date: string, text: string): boolean {
  const at = text.indexOf(date);
  const after = text.slice(at + date.length);
  return at >= 0 && at < 40 && /^[\s,)]*(?:--|—|–|-)\s/.test(after) && !RELEASE_DAY.test(after);
}

/** "In July, the board met": a month named alone, capitalised, dates what the sentence says. */
const MONTH_NAME =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** An entity whose every word the question already uses names what is asked, not the answer. */
function alreadyAsked(name: string, asked: string): boolean {
  const used = new Set(words(asked));
  const own = words(name).filter((word) => !STOP_WORDS.has(word) && word.length > 1);
  return asked.includes(name.toLowerCase()) || (own.length > 0 && own.every((w) => used.has(w)));
}

/** "held a briefing on Tuesday": a weekday beside the words asked about says when. */
const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

function asksDate(query: Query): boolean {
  return query.wh === "when" || ASKS_DATE.test(query.cleaned);
}

const PERSON_NOUNS: ReadonlySet<string> = new Set(GRAMMAR.personNouns);
const ROLE_NOUNS: ReadonlySet<string> = new Set(GRAMMAR.roleNouns);
const OPERATION_NOUNS: ReadonlySet<string> = new Set(GRAMMAR.operationNouns);

/**
 * Whether a lower-cased question holds the name of a person the report names: each stretch of the
 * question as long as some name is looked up, rather than every name searched for.
 */
function personsNamedIn(asked: string, index: ReportIndex): boolean {
  const byLength = preparedOf(index).personNames;
  for (const [length, names] of byLength)
    for (let at = 0; at + length <= asked.length; at++)
      if (names.has(asked.slice(at, at + length))) return true;
  return false;
}

/** The kinds of entity that answer the question, the one asked for first. */
function wantedKinds(query: Query, index: ReportIndex): Entity["kind"][] {
  if (asksDate(query)) return ["date"];
  const asked = query.cleaned.toLowerCase();
  const namesPerson = personsNamedIn(asked, index);
  // "Who is Wang Hua?" asks for a role; "Who held the conference?" for a person or body.
  if (query.wh === "who" && namesPerson) return ["role"];
  // "Who is the police chief?": a title the question names is held by a person.
  if (query.wh === "who" && words(asked).some((word) => PERSON_NOUNS.has(word)))
    return ["person", "role", "organization"];
  if (asksParty(query.cleaned)) return ["person"];
  const noun = askedNoun(query);
  if (noun && PERSON_NOUNS.has(noun)) return ["person", "role", "organization"];
  // "Who is the police chief?": a role asked after "who" is held by a person, not a body.
  if (query.wh === "who" && words(asked).some((word) => PERSON_NOUNS.has(word))) {
    return ["person", "role", "organization"];
  }
  // "What position does she hold?": a role; "under which campaign": a named operation.
  if (noun && ROLE_NOUNS.has(noun)) return ["role"];
  if (noun && OPERATION_NOUNS.has(noun)) return ["operation"];
  return (query.wh && ENTITY_KIND_FOR[query.wh]) ?? [];
}

/** What a sentence's words are, read once per sentence text: every question asking of it reuses it. */
const TEXTS_KEPT = 20_000;
/** A word's position, concept, stem and whether it is written in the past ("presented"). */
type WordAt = readonly [number, string, string, boolean];
const wordConcepts = new BoundedMemory<readonly WordAt[]>(TEXTS_KEPT);
const namesWithNext = new BoundedMemory<readonly NameRun[]>(TEXTS_KEPT);

function conceptPositions(text: string): WordAt[] {
  const found: WordAt[] = [];
  for (const match of text.matchAll(/[A-Za-z][\w'’-]*/g)) {
    const [word] = words(match[0]);
    if (word) found.push([match.index ?? 0, concept(word), stem(word), /ed$/.test(word)]);
  }
  return found;
}

/** Where in the sentence the question's own words (concepts, or stems) stand, to find the span nearest them. */
function matchedPositions(text: string, concepts: Set<string>): number[] {
  const positions: number[] = [];
  for (const [at, c, s] of wordConcepts.recall(text, conceptPositions))
    if (concepts.has(c) || concepts.has(s)) positions.push(at);
  return positions;
}

/** The stems of the event's verbs that a sentence writes itself. */
function verbsIn(text: string, verbs: ReturnType<typeof eventVerbs>): string[] {
  if (verbs.size === 0) return [];
  const held = new Set<string>();
  for (const [, , s, past] of wordConcepts.recall(text, conceptPositions)) {
    const verb = verbs.get(s);
    if (verb && (past || !verb.pastOnly)) held.add(s);
  }
  return [...held];
}

/** The words an answer's span stands beside: the event's verb where the sentence has it. */
function anchorConcepts(verbsHeld: string[], overlap: string[]): Set<string> {
  return new Set(verbsHeld.length > 0 ? verbsHeld : overlap);
}

function monthConcepts(question: string): Set<string> {
  return new Set(
    words(question)
      .filter((word) => MONTH.test(word))
      .map(concept),
  );
}

function distance(at: number, positions: readonly number[]): number {
  // A loop, not a list of gaps spread into Math.min: asked for every name of every sentence found.
  if (positions.length === 0) return 0;
  let nearest = Number.POSITIVE_INFINITY;
  for (const p of positions) nearest = Math.min(nearest, Math.abs(p - at));
  return nearest;
}

/** A run of names: where it stands, the stem of its own last word, the concept of the word after it. */
interface NameRun {
  run: string;
  at: number;
  last: string | null;
  next: string | null;
}

/** Each run of names with the stem of its last word and the concept of the word right after it. */
function runsWithNext(text: string): NameRun[] {
  const found: NameRun[] = [];
  for (const match of text.matchAll(NAME_RUN)) {
    const at = match.index ?? 0;
    const after = text.slice(at + match[0].length).trimStart();
    const [next] = words(after);
    const last = words(match[0]).pop();
    found.push({
      run: match[0],
      at,
      last: last ? stem(last) : null,
      next: next ? concept(next) : null,
    });
  }
  return found;
}

/**
 * "Which cartels …?" → "Redhand and Blackwater": the names of the kind asked a sentence gives,
 * right before the noun ("the Redhand and Blackwater cartels") or ending in it ("the Harbour
 * Support Program"), in the sentence's order.
 */
function namesOfKind(noun: string, text: string): NameRun[] {
  const stemmed = concept(noun);
  const own = stem(noun);
  // "Four ministries": a count, not a name, nor is "The defendants" one; "Program" alone names no
  // program. A name ends in the noun itself: "Foreign Terrorist Organizations" names no gang,
  // though the two words are kin.
  return namesWithNext.recall(text, runsWithNext).filter((name) => namesKind(name, stemmed, own));
}

function namesKind({ run, next, last }: NameRun, stemmed: string, own: string): boolean {
  return (
    !isNumberWord(run.toLowerCase()) &&
    !STOP_WORDS.has(run.toLowerCase()) &&
    (next === stemmed || (last === own && /\s/.test(run.trim())))
  );
}

/**
 * The name of the kind asked a sentence gives: the one nearest a figure the question states
 * ("which program gets the $109 million"), else the first.
 */
function nameBeside(noun: string, text: string, anchors: readonly number[] = []): string | null {
  if (anchors.length === 0) {
    // Asked of every sentence a search finds: the first name is read without listing them all.
    const stemmed = concept(noun);
    const own = stem(noun);
    for (const name of namesWithNext.recall(text, runsWithNext))
      if (namesKind(name, stemmed, own)) return name.run;
    return null;
  }
  const found = namesOfKind(noun, text);
  if (anchors.length === 0 || found.length < 2) return found[0]?.run ?? null;
  return (
    [...found].sort((a, b) => distance(a.at, anchors) - distance(b.at, anchors))[0]?.run ?? null
  );
}

/** "$109 million", "40 tonnes": the numbers a question states, not its years. */
const STATED_NUMBER = /(?<![\d.,])\d[\d,.]*(?![\d,.]*\d)/g;

/** Where in a sentence the numbers the question states stand. */
function statedFigureAt(question: string, text: string): number[] {
  const stated = (question.match(STATED_NUMBER) ?? []).filter((n) => !YEAR.test(n));
  return stated.flatMap((number) => {
    const at = text.search(new RegExp(String.raw`(?<![\d.,])${escapeForPattern(number)}(?![\d])`));
    return at >= 0 ? [at] : [];
  });
}

const GENERIC_WORDS: ReadonlySet<string> = new Set(GRAMMAR.genericQuestionWords);
/** "What is the maximum penalty for …", "what was the purpose of …": the thing asked, before its "for"/"of". */
const THING_ASKED =
  /^(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:for|of|on|against|under)\b/;

/** The concepts of the thing a what-question asks for, without the words that only frame it. */
function askedThing(query: Query, frame: ReadonlySet<string>): string[] {
  // "What is the drive against fugitives called?": the naming sentence need not say "drive".
  if (ASKS_NAME.test(query.cleaned)) return [];
  const thing = THING_ASKED.exec(query.cleaned.toLowerCase())?.[1] ?? "";
  const own = words(thing).filter((word) => !STOP_WORDS.has(word) && !GENERIC_WORDS.has(word));
  return conceptsOf(own.join(" ")).filter((c) => !frame.has(c));
}

/** The noun after "which"/"what" when it is not a date word: "which cartels" → "cartels". */
function askedNoun(query: Query): string | null {
  const noun = /\b(?:which|what)\s+([a-z]+)\b/i.exec(query.cleaned)?.[1]?.toLowerCase();
  if (!noun || /^(?:is|are|was|were|did|do|does|has|have|had|will|would|can)$/.test(noun))
    return null;
  return noun;
}

const BARE_DAY = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?$/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/** "on the 14th": a bare day, given with the month the report dates that day in ("May 14th"). */
function fullDate(span: string, index: ReportIndex): string {
  const day = BARE_DAY.exec(span.trim())?.[1];
  if (!day) return span;
  const dated = index.table.entities.find(
    (e) =>
      e.kind === "date" &&
      MONTH.test(e.name) &&
      new RegExp(`\\b${day}(?:st|nd|rd|th)?\\b`).test(e.name),
  );
  return dated ? `${span} (${dated.name})` : span;
}

/** A quoted word is often a term ("nails"); quoted words in a row are a name: those, if any. */
function namesFirst(quoted: string[]): string[] {
  const multiword = quoted.filter((name) => /\s/.test(name));
  return multiword.length > 0 ? multiword : quoted;
}

/** Of some spans of a sentence, the one standing nearest the question's own words. */
function nearest(text: string, spans: string[], positions: number[]): string | null {
  return (
    spans
      .map((span) => ({ span, at: text.indexOf(span) }))
      .sort((a, b) => distance(a.at, positions) - distance(b.at, positions))[0]?.span ?? null
  );
}

/** The words that answer the question, to lead the sentence with. */
function answerSpan(
  query: Query,
  doc: SentenceDoc,
  names: string[],
  positions: number[],
): string | null {
  if (ASKS_DURATION.test(query.cleaned))
    return durationSpan(doc.text, ASKS_REQUEST.test(query.cleaned));
  const noun = askedNoun(query);
  const beside =
    noun && !asksDate(query)
      ? nameBeside(noun, doc.text, statedFigureAt(query.cleaned, doc.text))
      : null;
  if (beside) return beside;
  const range = asksDate(query) ? dateRange(doc.text) : null;
  // "October 19 through October 25": a range holding the date found is the fuller answer.
  if (range && names.some((name) => range.includes(name))) return range;
  const near = nearest(doc.text, range ? [...names, range] : names, positions);
  if (near) return near;
  if (asksDate(query)) {
    const when = YEAR.exec(doc.text) ?? MONTH_NAME.exec(doc.text) ?? WEEKDAY.exec(doc.text);
    return when?.[0] ?? null;
  }
  return null;
}

/** The kinds of entity that are names of something. */
const NAMED_KINDS: ReadonlySet<Entity["kind"]> = new Set(["person", "organization", "operation"]);

/** Whether a sentence names anything at all: a quotation, a given name, a person or a body. */
function holdsAName(doc: SentenceDoc, index: ReportIndex): boolean {
  const { bySentence, otherNames } = entitiesOf(index);
  const entities = bySentence.get(`${doc.paragraph}:${doc.sentence}`) ?? [];
  return (
    entities.some((e) => NAMED_KINDS.has(e.kind)) ||
    new RegExp(QUOTED.source).test(doc.text) ||
    givenNames(doc.text).length > 0 ||
    personRuns(doc.text, otherNames).length > 0
  );
}

/** The entities of each sentence, built with the index (`preparedOf`). */
function entitiesOf(index: ReportIndex): SentenceEntities {
  return preparedOf(index).entities;
}

/** "Who did Westvale team up with?", "who helped the port police": a partner is asked. */
const ASKS_PARTNER =
  /\b(?:team(?:ed)?\s+up|partner(?:ed)?|work(?:ed)?|cooperat(?:e|ed)|collaborat(?:e|ed)|join(?:ed)?\s+forces|joined|teamed)\s+with\b|\bwho\s+helped\b|\bwith\s+whom\b/i;
/** A partner's name: capitalised words, then perhaps the kind of body ("Oakfield police"). */
const PARTNER_NAME = String.raw`((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,4}(?:\s+(?:${GRAMMAR.bodyNouns.join("|")}))?)`;
/**
 * After "together with", a body's whole name, "and" or "of" inside it: "the Maritime Analysis and
 * Operations Centre". Beside a name joined by "and" it would swallow the name listed next.
 */
const PARTNER_FULL_NAME = String.raw`((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:and|of|for)\s+)?\p{Lu}[\p{L}'’-]*){0,7}(?:\s+(?:${GRAMMAR.bodyNouns.join("|")}))?)`;

/**
 * "Who did Westvale team up with?": in the first sentence that names Westvale beside another
 * body ("Westvale and Oakfield police dismantled …", "Westvale, together with the Coast Guard, …",
 * "… in cooperation with Oakfield"), that other body, leading the sentence.
 */
export function partnerAnswer(query: Query, index: ReportIndex): Answer | null {
  if (!ASKS_PARTNER.test(query.cleaned)) return null;
  const [typed] = [...query.filters.placeWords, ...query.filters.names.map(([name]) => name ?? "")];
  if (!typed) return null;
  const lower = typed.toLowerCase();
  const lowered = loweredSentences(index);
  for (const [i, doc] of index.sentences.entries()) {
    const at = lowered[i]?.indexOf(lower) ?? -1;
    if (at < 0) continue;
    const partner = partnerIn(doc.text, doc.text.slice(at, at + typed.length));
    if (!partner) continue;
    return citedSentence(query.question, doc, partner, 0.6);
  }
  return null;
}

/** Each sentence's text lower-cased, in `index.sentences` order, built with the index. */
function loweredSentences(index: ReportIndex): string[] {
  return preparedOf(index).lowered;
}

/** The body a sentence names beside `name` ("Oakfield police" in "Westvale and Oakfield police"). */
function partnerIn(text: string, name: string): string | null {
  const written = escapeForPattern(name);
  const patterns = [
    // "Hunan, Fujian and Anhui": places listed together acted with no one.
    new RegExp(String.raw`(?<!,\s*)\b${written}\s+and\s+${PARTNER_NAME}`, "u"),
    new RegExp(String.raw`(?<!,\s*)${PARTNER_NAME}\s+and\s+${written}\b`, "u"),
    new RegExp(
      String.raw`\b${written}\b[^.;]*?\b(?:together with|with the help of|in cooperation with|jointly with|alongside)\s+${PARTNER_FULL_NAME}`,
      "u",
    ),
  ];
  for (const pattern of patterns) {
    const partner = pattern.exec(text)?.[1]?.replace(/^the\s+/, "");
    if (partner && partner !== name) return partner;
  }
  return null;
}

/** Titles a person holds: "which judge", "what secretary" asks for the one holding it. */
const TITLE_NOUNS: ReadonlySet<string> = new Set(
  [...GRAMMAR.personNouns, ...GRAMMAR.headTitles].filter((title) => !/\s/.test(title)),
);
/** How many paragraphs either side of the answering sentence a title's holder may be named in. */
const HOLDER_REACH = 2;

/** "Which judge …", "what director …": the title asked after "which"/"what", if any. */
function askedTitleNoun(query: Query): string | null {
  if (query.wh !== "which" && query.wh !== "what") return null;
  const noun = askedNoun(query);
  return noun && TITLE_NOUNS.has(noun) ? noun : null;
}

/**
 * "A county judge on Monday sentenced four men." then "Circuit Judge Tomas Brandvik handed
 * down the sentences": the person a sentence near the answering one gives the title to, nearest
 * paragraph first, the answering one's own paragraph before all.
 */
function titleHolderNear(
  title: string,
  doc: SentenceDoc,
  index: ReportIndex,
): { doc: SentenceDoc; person: string } | null {
  const asked = { titles: [title], acronym: null, body: null };
  for (let away = 0; away <= HOLDER_REACH; away++) {
    for (const paragraph of new Set([doc.paragraph + away, doc.paragraph - away])) {
      if (paragraph < 1) continue;
      for (const near of sentencesIn(index, [paragraph])) {
        const spans = titleSpans(near.text, asked);
        const person = spans.length > 0 ? holderIn(near.text, spans) : null;
        if (person) return { doc: near, person };
      }
    }
  }
  return null;
}

/** Who / what / when / which questions: the best sentence by BM25, leading with the span that answers. */
export function sentenceAnswer(query: Query, { index, weights: w }: AnswerContext): Answer {
  const duration = ASKS_DURATION.test(query.cleaned);
  // "How long did she get" is the term imposed; "what did prosecutors ask for" the one asked.
  const requested = ASKS_REQUEST.test(query.cleaned);
  const frame = new Set(conceptsOf(frameWords(query.cleaned, duration)));
  const concepts = [...new Set(query.measure.concepts)].filter((c) => !frame.has(c));
  const searched = frameWords(query.cleaned, duration)
    ? query.cleaned.replace(NAME_FRAME, " ").replace(duration ? DURATION_FRAME : /$^/, " ")
    : query.cleaned;
  const asked = query.cleaned.toLowerCase();
  const wanted = wantedKinds(query, index);
  const askedKind = asksDate(query) ? null : askedNoun(query);
  const { bySentence, dated, otherNames } = entitiesOf(index);
  const hits = searchBm25(index.sentenceSearch, searched, SEARCH_TEXT, {
    postingsRead: w.postingsRead,
  });
  const names = askedNames(query, index, w);
  // A name read off a capitalised question may be a misreading ("Its Director"): only a name some
  // matching sentence's paragraph states narrows the answer to those sentences.
  const namesMentioned = hits.some((hit) =>
    mentionsNames(index, index.sentences[hit.id] as SentenceDoc, names),
  );
  const top = hits[0]?.score ?? 0;
  // "The solicitation … will close on June 22": the answer may stand a sentence after the one
  // naming what is asked about, so the rest of the paragraph lends a share of its score.
  const byParagraph = new Map<number, number>();
  for (const hit of hits) {
    const paragraph = (index.sentences[hit.id] as SentenceDoc).paragraph;
    byParagraph.set(paragraph, (byParagraph.get(paragraph) ?? 0) + hit.score);
  }
  const awayPlaces = query.filters.places.filter((place) => !index.home.has(place));
  // "How long was Ana Ruiz sentenced in the Kelby fraud case?": where no sentence about the person
  // named also names the place, the place only says which case, and does not narrow the answer.
  const placesNarrow =
    !namesMentioned ||
    hits.some((hit) => {
      const doc = index.sentences[hit.id] as SentenceDoc;
      return mentionsNames(index, doc, names) && mentionsPlaces(index, doc, awayPlaces);
    });
  const verbs = eventVerbs(query);
  // "When are the May figures out?": the month asked about names what is dated, not a match.
  const dateWords = asksDate(query) ? monthConcepts(query.cleaned) : new Set<string>();
  // Where some sentence states the event asked about, a name elsewhere did something else.
  // "Which cartels …": where some sentence names cartels ("the Harbour and Delta cartels"), a name
  // of another kind elsewhere ("at the DEA") is no answer.
  const kindNamed =
    askedKind !== null &&
    hits.some((hit) => {
      const named = nameBeside(askedKind, (index.sentences[hit.id] as SentenceDoc).text);
      return named !== null && !asked.includes(named.toLowerCase());
    });
  // "What is the maximum penalty for importing …": a sentence stating a maximum penalty answers,
  // though the one before it says more of the importing.
  const thing = askedThing(query, frame);
  const thingStated =
    thing.length > 0 &&
    hits.some((hit) =>
      thing.every((c) => (index.sentences[hit.id] as SentenceDoc).concepts.has(c)),
    );
  const eventStated = hits.some(
    (hit) => verbsIn((index.sentences[hit.id] as SentenceDoc).text, verbs).length > 0,
  );
  // "Which judge sentenced them?": where some sentence names a judge, the answer is in one.
  const title = askedTitleNoun(query);
  const titleStated =
    title !== null &&
    hits.some((hit) => (index.sentences[hit.id] as SentenceDoc).concepts.has(concept(title)));
  // The tests in order, in one pass: a very large report's search finds thousands of sentences,
  // and a list of them per test is garbage for the collector.
  const keeps = (doc: SentenceDoc): boolean =>
    // "the police chief in Oakport" of Oakport's own paper: its home need not be named again.
    (!placesNarrow || mentionsPlaces(index, doc, awayPlaces)) &&
    (!thingStated || thing.every((c) => doc.concepts.has(c))) &&
    (!titleStated || doc.concepts.has(concept(title ?? ""))) &&
    (!namesMentioned || mentionsNames(index, doc, names)) &&
    (!asksDate(query) ||
      dated.size === 0 ||
      dated.has(`${doc.paragraph}:${doc.sentence}`) ||
      YEAR.test(doc.text) ||
      MONTH_NAME.test(doc.text) ||
      WEEKDAY.test(doc.text));
  const kept: { hit: (typeof hits)[number]; doc: SentenceDoc }[] = [];
  for (const hit of hits) {
    const doc = index.sentences[hit.id] as SentenceDoc;
    if (keeps(doc)) kept.push({ hit, doc });
  }
  // What a sentence's paragraph lends it, as a share of the best match: known before it is scored.
  const relevanceOf = ({ hit, doc }: (typeof kept)[number]) => {
    const rest = (byParagraph.get(doc.paragraph) ?? 0) - hit.score;
    return (hit.score + w.sentenceParagraphContext * rest) / Math.max(top, 1e-9);
  };
  // The most any sentence's bonuses can add, each at its largest (or, on a negative relevance, its
  // least), summed in the order a score sums them: no score passes its sentence's ceiling.
  // A question naming no event's verb gets no verb bonus, and one asking for no name and no kind
  // of thing ("which cartels") no name bonus.
  const nameBonuses = offersNames(query) || askedKind !== null ? [w.sentenceQuotedName, 0] : [0];
  const verbBonuses = verbs.size > 0 ? [w.sentenceEventVerb, 0] : [0];
  const entityBonuses = [w.sentenceEntityFirst, w.sentenceEntityOther, w.sentenceNoEntity, 0];
  const mostFactor =
    1 + Math.max(...entityBonuses) + Math.max(...nameBonuses) + Math.max(...verbBonuses);
  const leastFactor =
    1 + Math.min(...entityBonuses) + Math.min(...nameBonuses) + Math.min(...verbBonuses);
  const ceilings = Float64Array.from(kept, (candidate) => {
    const relevance = relevanceOf(candidate);
    return (
      relevance * (relevance >= 0 ? mostFactor : leastFactor) -
      candidate.doc.paragraph * w.paragraphOrder
    );
  });
  // Scored best first, each sentence only once the ones that could beat it are: the answer reads
  // the head of the ranking, and a very large report's search finds hundreds of sentences.
  const scoreSentence = (candidate: (typeof kept)[number]) => {
    const { doc } = candidate;
    const overlap = concepts.filter((c) => doc.concepts.has(c) && !dateWords.has(c));
    // "said on Thursday" dates the saying, an answer only where the release's date is asked.
    const saidOnly = (at: number) =>
      !ABOUT_THE_RELEASE.test(query.cleaned) && datesTheSaying(doc.text, at);
    const verbsHeld = verbsIn(doc.text, verbs);
    // The answer is an entity the question does not already name, of the kind it asks for.
    const entities = (bySentence.get(`${doc.paragraph}:${doc.sentence}`) ?? [])
      .filter((e) => wanted.includes(e.kind) && !alreadyAsked(e.name, asked))
      .filter((e) => e.kind !== "date" || !labelsAName(e.name, doc.text, new Set(overlap)))
      .filter((e) => e.kind !== "date" || !(isTitle(doc) || opensDateline(e.name, doc.text)))
      .filter((e) => e.kind !== "date" || !saidOnly(doc.text.indexOf(e.name)))
      .sort((a, b) => wanted.indexOf(a.kind) - wanted.indexOf(b.kind));
    const first = entities.filter((e) => e.kind === entities[0]?.kind);
    // "Prosecutors say Owen T. Marsh, 44, led the ring": a who-question's event may be done by
    // someone the table does not list; a name-shaped run beside its verb answers.
    const people =
      first.length === 0 && query.wh === "who" && verbsHeld.length > 0
        ? personRuns(doc.text, otherNames)
        : [];
    // "arrested … in Kelby Wharf": likewise a where-question's place the gazetteer does not know.
    const located =
      first.length === 0 && query.wh === "where" && verbsHeld.length > 0
        ? locatedRuns(doc.text)
        : [];
    const names = first.length > 0 ? first.map((e) => e.name) : [...people, ...located];
    if (names.length === 0 && wanted[0] === "person") names.push(...surnamesIn(doc.text, index));
    // "said at the briefing on Tuesday": the date that answers stands by the words asked about,
    // not at the far end of the sentence, where it dates something else.
    const positions = matchedPositions(doc.text, anchorConcepts(verbsHeld, overlap));
    const within = (at: number) => at >= 0 && distance(at, positions) <= w.sentenceEntityReach;
    const reaches = names.some((name) => within(doc.text.indexOf(name)));
    const weekdayAt = doc.text.search(WEEKDAY);
    const weekdayBeside = asksDate(query) && within(weekdayAt) && !saidOnly(weekdayAt);
    // "How long …": a sentence giving a span of time holds the kind of answer asked for.
    // "Which cartels …": a name right before the noun asked ("the Harbour and Delta cartels").
    const named = askedKind ? nameBeside(askedKind, doc.text) : null;
    const namesKind = named !== null && !asked.includes(named.toLowerCase());
    const entityBonus = duration
      ? durationSpan(doc.text, requested) !== null
        ? w.sentenceEntityFirst
        : w.sentenceNoEntity
      : weekdayBeside || namesKind
        ? w.sentenceEntityFirst
        : names.length > 0
          ? (entities[0]?.kind ?? wanted[0]) === wanted[0] &&
            reaches &&
            (!eventStated || verbsHeld.length > 0) &&
            !kindNamed
            ? w.sentenceEntityFirst
            : w.sentenceEntityOther
          : wanted.length > 0
            ? w.sentenceNoEntity
            : 0;
    const quoted = offeredNames(query, doc, index, w.ownNameParagraphs);
    const nameBonus = quoted.length > 0 || namesKind ? w.sentenceQuotedName : 0;
    // The event's verb counts where the sentence also holds the kind of answer asked for.
    const answers = names.length > 0 || wanted.length === 0 || entityBonus > 0;
    const verbBonus = verbsHeld.length > 0 && answers ? w.sentenceEventVerb : 0;
    const relevance = relevanceOf(candidate);
    const score =
      relevance * (1 + entityBonus + nameBonus + verbBonus) - doc.paragraph * w.paragraphOrder;
    const givesKind = names.length > 0 || weekdayBeside;
    return {
      doc,
      overlap: overlap.length,
      score,
      names,
      quoted,
      verbsHeld,
      givesKind,
      namesKind,
    };
  };
  // Each sentence scored once, whichever of the reads below asks for it first.
  const made: (ReturnType<typeof scoreSentence> | undefined)[] = new Array(kept.length);
  const scoreAt = (i: number) => {
    let item = made[i];
    if (item === undefined) {
      item = scoreSentence(kept[i] as (typeof kept)[number]);
      made[i] = item;
    }
    return item;
  };
  const scored = new BestFirst(ceilings, (i) => {
    const item = scoreAt(i);
    return { item, score: item.score };
  });
  // The best of one paragraph's sentences: the ranking of them all kept to that paragraph, which
  // only its sentences need scoring to know (a stable sort keeps equal scores in report order).
  const bestInParagraph = (
    paragraph: number,
    test: (item: ReturnType<typeof scoreAt>) => boolean,
  ) => {
    const inParagraph: ReturnType<typeof scoreAt>[] = [];
    kept.forEach((candidate, i) => {
      if (candidate.doc.paragraph === paragraph) inParagraph.push(scoreAt(i));
    });
    return inParagraph.sort((a, b) => b.score - a.score).find(test);
  };
  // "When was it launched?", "where were they arrested?": a sentence giving a date (a place) beats
  // one that only names what is asked, and one stating the event asked about beats one dating
  // (placing) something else.
  const dating = asksDate(query) || query.wh === "where";
  const first =
    (dating
      ? (scored.find((x) => x.givesKind && (!eventStated || x.verbsHeld.length > 0)) ??
        scored.find((x) => x.givesKind))
      : undefined) ?? scored.at(0);
  // "Which cartels …": where the best sentence names no cartel, a sentence of its paragraph that
  // names some ("the Harbour and Delta cartels") answers ("These teams will target …").
  const best =
    first && askedKind && !first.namesKind
      ? (bestInParagraph(first.doc.paragraph, (s) => s.namesKind) ?? first)
      : first;
  const speaker = asksSpeaker(query, index) ? speakerFor(best, scored, index, otherNames) : null;
  if (speaker) {
    const cited = introduction(speaker.name, speaker.doc, index);
    return citedSentence(query.question, cited, speaker.name, 0.6);
  }
  const weak =
    !best ||
    best.overlap === 0 ||
    best.overlap < Math.min(2, concepts.length) * w.sentenceMinCoverage;
  if (weak && query.filters.places.length > 0) return aboutPlace(query, index);
  // "What is the name of the one who fled?" of a report that never names them.
  const nameless =
    best !== undefined && ASKS_NAME.test(query.cleaned) && !holdsAName(best.doc, index);
  if (weak || !best || nameless) {
    return notFound(
      query.question,
      "The report does not say.",
      relatedSuggestions(query.cleaned, index),
    );
  }
  const positions = matchedPositions(
    best.doc.text,
    best.verbsHeld.length > 0 ? new Set(best.verbsHeld) : new Set(concepts),
  );
  const span =
    nearest(best.doc.text, namesFirst(best.quoted), positions) ??
    answerSpan(query, best.doc, best.names, positions);
  const coverage = best.overlap / Math.max(1, concepts.length);
  const confidence = Number(Math.min(0.95, 0.3 + 0.6 * coverage).toFixed(3));
  const ran =
    asksDate(query) &&
    !ABOUT_THE_RELEASE.test(query.cleaned) &&
    (!span || datesTheSaying(best.doc.text, best.doc.text.indexOf(span)))
      ? rangeAfter(best.doc, index)
      : null;
  if (ran) return citedSentence(query.question, ran.doc, ran.range, confidence);
  // "Who issued the proclamation?" where the best sentence names no one: a first-person
  // document's author ("I, Mara Quill, Governor …") is who issued it.
  const author =
    query.wh === "who" && !span && !personsNamedIn(asked, index) ? authorOf(index) : null;
  if (author) return citedSentence(query.question, author.doc, author.name, confidence);
  // "A federal judge sentenced them": the judge's name, where a sentence near it gives one.
  const holder =
    title && !(span && personRuns(span, otherNames).length > 0)
      ? titleHolderNear(title, best.doc, index)
      : null;
  if (holder) return citedSentence(query.question, holder.doc, holder.person, confidence);
  const cited = query.wh === "who" && span ? introduction(span, best.doc, index) : best.doc;
  const said = span && query.wh === "where" ? withTown(best.doc.text, span) : span;
  const answered = citedSentence(
    query.question,
    cited,
    said ? fullDate(said, index) : null,
    confidence,
  );
  return duration && span ? { ...answered, facts: spanFigures(span, best.doc, index) } : answered;
}

/** "sentenced to 300 months": the report's figure a span of time is, to carry with the sentence. */
function spanFigures(span: string, doc: SentenceDoc, index: ReportIndex): Answer["facts"] {
  return factsIn(index, [doc.paragraph]).filter(
    (fact) =>
      fact.sentence === doc.sentence &&
      DURATION_UNITS.has(fact.unit ?? "") &&
      span.includes(fact.text),
  );
}

/** The author a first-person document names ("I, Mara Quill, Governor …") and where, if any. */
function authorOf(index: ReportIndex): { name: string; doc: SentenceDoc } | null {
  for (const doc of index.sentences) {
    const name = authorIn(doc.text);
    if (name) return { name, doc };
  }
  return null;
}

/** A verb of speech followed by the occasion, or by nothing: "spoke at", "spoke to reporters". */
const SPOKE_AT = new RegExp(
  String.raw`${SPEECH_VERB.source}\s*(?:$|[?.!]|\b(?:at|during|to|before|on|in)\b)`,
  "i",
);

/**
 * "Who spoke at the briefing?": a who-question asking who spoke on an occasion. "Who said the
 * plan fails?" names what was said, and the sentence saying it answers.
 */
function asksSpeaker(query: Query, index: ReportIndex): boolean {
  return (
    query.wh === "who" &&
    SPOKE_AT.test(query.cleaned) &&
    !personsNamedIn(query.cleaned.toLowerCase(), index)
  );
}

/**
 * "Who spoke at the briefing?" of "The harbour police held a briefing …": the body that held it did
 * not speak; the person the report has speaking does. The best sentence's own person answers where
 * it names one; else the best-matching sentence with someone speaking ("…, said Mara Quill"); else
 * the report's first speaker, who speaks for the occasion the report covers. Null where the report
 * has no one speaking.
 */
function speakerFor(
  best: { doc: SentenceDoc; names: string[] } | undefined,
  scored: Pick<BestFirst<{ doc: SentenceDoc; overlap: number }>, "find">,
  index: ReportIndex,
  otherNames: ReadonlySet<string>,
): { name: string; doc: SentenceDoc } | null {
  if (best) {
    const { bySentence } = entitiesOf(index);
    const people = (bySentence.get(`${best.doc.paragraph}:${best.doc.sentence}`) ?? []).filter(
      (e) => e.kind === "person",
    );
    if (people.length > 0 || speakersIn(best.doc.text, otherNames).length > 0) return null;
  }
  const matched = scored.find(
    (x) => x.overlap > 0 && speakersIn(x.doc.text, otherNames).length > 0,
  );
  const doc =
    matched?.doc ?? index.sentences.find((d) => speakersIn(d.text, otherNames).length > 0);
  const name = doc ? speakersIn(doc.text, otherNames)[0] : undefined;
  return doc && name ? { name, doc } : null;
}

/**
 * "Who announced the arrests?" answered "Mara Quill" from "Quill's team announced …": the earlier
 * sentence that introduces her ("Mara Quill, deputy head of the harbour police, said …") says who
 * she is, so it is the one cited. The answering sentence stays where none comes before it.
 */
function introduction(person: string, doc: SentenceDoc, index: ReportIndex): SentenceDoc {
  for (const other of index.sentences) {
    if (other.paragraph > doc.paragraph) break;
    if (other.paragraph === doc.paragraph && other.sentence >= doc.sentence) break;
    if (introducesPerson(other.text, person)) return other;
  }
  return doc;
}

/** "What happened in Hunan?": the first sentence that names the place, cited. */
function aboutPlace(query: Query, index: ReportIndex): Answer {
  const doc = index.sentences.find((d) => mentionsPlaces(index, d, query.filters.places));
  if (!doc)
    return notFound(
      query.question,
      "The report does not say.",
      relatedSuggestions(query.cleaned, index),
    );
  return citedSentence(query.question, doc, null, 0.4, relatedSuggestions(query.cleaned, index));
}

/** A sentence answer: the span that answers, if one was found, in bold, then the sentence it is in, cited. */
export function citedSentence(
  question: string,
  sentence: { paragraph: number; text: string },
  span: string | null,
  confidence: number,
  suggestions: Answer["suggestions"] = [],
): Answer {
  return {
    question,
    status: "answered",
    text: `${span ? `**${span}** ` : ""}(¶${sentence.paragraph})\n> ${sentence.text}`,
    citations: [sentence.paragraph],
    facts: [],
    confidence,
    suggestions,
  };
}
