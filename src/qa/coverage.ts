import { abbreviates } from "../facts/acronyms.js";
import { bodiesInQuestion } from "../facts/bodies.js";
import { yearsIn } from "../facts/dates.js";
import { AUXILIARIES, actionLemma, DETERMINERS, PREPOSITIONS } from "../facts/lexicon.js";
import { pointsBack } from "../facts/reading.js";
import { measureNamedBy } from "../facts/units.js";
import { GRAMMAR } from "../lexicon/language.js";
import { withinEdits } from "../text/editDistance.js";
import { isCommonEnglishWord } from "../text/english.js";
import { escapeForPattern, matchesOf } from "../text/matches.js";
import { memoryPer } from "../text/memory.js";
import { ROOT_START, sharesRoot, stem } from "../text/stem.js";
import { words } from "../text/tokenize.js";
import { otherHeadVerbUsed } from "./answers/headVerbs.js";
import { expandAcronym } from "./names.js";
import { stemsOf } from "./normalize.js";
import { preparedOf, VAGUE_COUNTS } from "./prepared.js";
import {
  givesFigure,
  type ReportIndex,
  type SentenceDoc,
  sentencesWithPrefix,
  UNIT_KINDS,
} from "./reportIndex.js";
import type { Query } from "./understand.js";
import { concept, STOP_WORDS } from "./vocabulary.js";
import { paragraphsWithPrefix, paragraphsWithWords } from "./wordIndex.js";

/** "began", "taken", "gets": verb forms no "-ed" or "-ing" marks. */
const VERB_FORMS: ReadonlySet<string> = new Set(GRAMMAR.verbForms);

/** A verb form: a verb the lexicon knows, an "-ed" or "-ing" form, or an everyday verb's form. */
function isVerbForm(word: string): boolean {
  return actionLemma(word) !== null || /(?:ed|ing)$/.test(word) || VERB_FORMS.has(word);
}

/** Words a question may use that no report needs to contain. */
const GENERIC: ReadonlySet<string> = new Set(GRAMMAR.genericQuestionWords);

/** "What is the size of …": how much of the thing is asked, a word no report need use. */
const DIMENSIONS: ReadonlySet<string> = new Set(GRAMMAR.dimensionWords);

/** A word a question may use that no report needs to contain ("people", "figure"). */
export function isGenericNoun(word: string): boolean {
  return GENERIC.has(word) || STOP_WORDS.has(word);
}

/** A unit word is known when some figure is in that unit ("percentage" for "35 per cent"). */
const MONEY = concept("money");

function namesAUnit(word: string, index: ReportIndex): boolean {
  // "money", "funding": a report of dollar figures names money without the word.
  if (concept(word) === MONEY) return index.retrieval.byUnit.has(UNIT_KINDS.currency);
  const unit =
    measureNamedBy(word)?.unit ??
    (/^(?:percent|share|proportion|rate)/.test(word) ? "percent" : null);
  return unit !== null && index.retrieval.byUnit.has(unit);
}

/**
 * Whether the report uses a word (or its concept). A word one letter off a report's word is known
 * too, as a likely typo, unless `strict`: then an English word ("coast") is not a typo of another
 * ("cost"), which matters where the word names the thing asked about.
 */
function known(word: string, index: ReportIndex, strict = false): boolean {
  return knownWords(index).recall(strict ? `\u0000${word}` : word, () =>
    knownNow(word, index, strict),
  );
}

/** Words looked up already, per report: questions share their words, and a look-up may scan. */
const KNOWN_WORDS_KEPT = 20_000;
const knownWords = memoryPer<ReportIndex, boolean>(KNOWN_WORDS_KEPT);

function knownNow(word: string, index: ReportIndex, strict: boolean): boolean {
  const c = concept(word);
  if (index.vocabulary.has(c) || namesAUnit(word, index)) return true;
  if (expandAcronym(word, index.names)) return true;
  // "cfo" where the report names its "Chief Financial Officer" inside a longer name.
  if (/^[a-z]{2,5}$/.test(word) && !isCommonEnglishWord(word) && spelledInsideName(word, index))
    return true;
  // "hijackers" in a report of "hijacking": another form of a word the report uses.
  if (word.length >= ROOT_START)
    for (const w of wordsStartingLike(word, index)) if (sharesRoot(word, w)) return true;
  if (c.length < 5 || (strict && isCommonEnglishWord(word))) return false;
  for (const v of index.vocabulary) if (withinEdits(c, v, 1)) return true;
  return false;
}

const MID_QUESTION_NAME = /(?<=[a-z,]\s+)([A-Z][a-z]{2,})\b/g;
const ACRONYM = /\b[A-Z]{2,7}\b/g;
const CAPITALISED = /\b[A-Z][a-z][\w'’-]*\b/g;

/**
 * A capitalised word mid-question that the report never uses ("… arrested in Tasmania?") names a place,
 * body or person the report does not cover, even when the gazetteer does not know it.
 */
function unknownName(query: Query, index: ReportIndex): string | null {
  if (query.cleaned === query.cleaned.toUpperCase()) return null;
  const inPlaces = query.filters.placeWords.join(" ").toLowerCase();
  for (const match of matchesOf(MID_QUESTION_NAME, query.cleaned)) {
    const word = match[1] ?? "";
    if (!inPlaces.includes(word.toLowerCase()) && !known(word.toLowerCase(), index)) return word;
  }
  // "How many DEA agents …?" in a report that never names the DEA, nor spells out a name it abbreviates.
  for (const [word] of matchesOf(ACRONYM, query.cleaned)) {
    if (inPlaces.includes(word.toLowerCase()) || expandAcronym(word, index.names)) continue;
    // Typed in capitals, "COO" is an acronym though "coo" is an English word.
    if (spelledInsideName(word, index)) continue;
    if (!index.names.words.has(word.toLowerCase()) && !known(word.toLowerCase(), index))
      return word;
  }
  return null;
}

/**
 * The report's words that open with the same `ROOT_START` letters as `word`, grouped once per
 * report: the only ones `sharesRoot` can match, so a question reads a handful, not the vocabulary.
 */
function wordsStartingLike(word: string, index: ReportIndex): readonly string[] {
  return preparedOf(index).wordsByStart.get(word.slice(0, ROOT_START).toLowerCase()) ?? [];
}

/**
 * Whether the report spells an acronym out inside a longer name: "the CFO" in a report naming
 * "Harbour Board Chief Financial Officer Ann Lee", where no name starts with the acronym's words.
 */
function spelledInsideName(acronym: string, index: ReportIndex): boolean {
  const letters = acronym.toLowerCase();
  return index.names.runs.some((run) => {
    const parts = run.split(/\s+/);
    for (let start = 1; start < parts.length; start++) {
      if (parts[start]?.[0]?.toLowerCase() !== letters[0]) continue;
      for (let end = start + 2; end <= Math.min(parts.length, start + letters.length); end++)
        if (abbreviates(letters, parts.slice(start, end).join(" "))) return true;
    }
    return false;
  });
}

/** A run of capitalised words, hyphenated ones too: "Harbour-Safe Families Grant Program". */
const TITLE_RUN =
  /(?<=\S\s+)(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*)(?:\s+(?:of|for|and|the|on)?\s*[A-Z][a-z]+(?:-[A-Z][a-z]+)*)+/g;

const reportWords = new WeakMap<ReportIndex, string[]>();

/** The report's words, stemmed, in order, worked out once per report. */
function stemmedWords(index: ReportIndex): string[] {
  let found = reportWords.get(index);
  if (!found) {
    found = index.report.paragraphs.flatMap((p) => words(p.text.toLowerCase()).map(stem));
    reportWords.set(index, found);
  }
  return found;
}

/** The same word, or a typo of it one letter off ("Midlnads"). */
function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && withinEdits(a, b, 1));
}

/** Whether the report writes these words one after another. */
function writesRun(index: ReportIndex, run: string[]): boolean {
  const all = stemmedWords(index);
  for (let i = 0; i + run.length <= all.length; i++) {
    if (run.every((word, j) => sameWord(word, all[i + j] ?? ""))) return true;
  }
  return false;
}

/**
 * A title the question gives in capitals mid-sentence ("… to the Harbour-Safe Families Grant
 * Program?") that the report never writes names a programme or body it does not cover, even when
 * each of its words stands somewhere in the report. A word the asker adds ("… Community …") or a
 * typo is forgiven.
 */
function unknownTitle(query: Query, index: ReportIndex): string | null {
  if (query.cleaned === query.cleaned.toUpperCase()) return null;
  const inPlaces = query.filters.placeWords.join(" ").toLowerCase();
  for (const [title] of matchesOf(TITLE_RUN, query.cleaned)) {
    const capitals = title.split(/[\s-]+/).filter((word) => /^[A-Z]/.test(word));
    if (capitals.length < 3 || inPlaces.includes(title.toLowerCase())) continue;
    const run = words(title.toLowerCase()).map(stem);
    const variants = [run, ...run.map((_, i) => run.filter((_, j) => j !== i))];
    if (!variants.some((variant) => writesRun(index, variant))) return title;
  }
  return null;
}

/**
 * What the question asks about that the report never mentions: an unknown place, the counted noun,
 * or most of its content words. Returns a phrase for "The report does not mention …", or null.
 */
/** Nouns naming the kind of words that answer ("what position", "which method"). */
const ANSWER_KINDS: ReadonlySet<string> = new Set([
  ...GRAMMAR.roleNouns,
  ...GRAMMAR.operationNouns,
  ...GRAMMAR.methodNouns,
]);

/** "what position …", "which method …": the noun naming the kind of words that answer, if any. */
function answerKindAsked(query: Query): string | null {
  if (query.intent !== "sentence") return null;
  // "what testing method": the kind noun may follow one modifier.
  const after = /\b(?:what|which)\s+([a-z-]+)(?:\s+([a-z]+))?/i.exec(query.cleaned);
  const noun = [after?.[1], after?.[2]].find(
    (word) => word && ANSWER_KINDS.has(word.toLowerCase()),
  );
  return noun?.toLowerCase() ?? null;
}

/**
 * "… and how much got seized": a question whose words are only verbs and grammar, naming no thing,
 * place or name of its own, so it asks about whatever the question before it named.
 */
export function namesNoThing(query: Query): boolean {
  if (query.filters.places.length > 0 || query.filters.names.length > 0) return false;
  if (query.measure.target && !GENERIC.has(query.measure.target)) return false;
  return words(query.cleaned.toLowerCase()).every(
    (word) => STOP_WORDS.has(word) || GENERIC.has(word) || isVerbForm(word),
  );
}

export function findMissing(query: Query, index: ReportIndex): string | null {
  const unknownPlaces = query.filters.places.filter((place) => !index.placeParagraphs.has(place));
  if (
    unknownPlaces.length > 0 &&
    (query.op !== "compare" || unknownPlaces.length === query.filters.places.length)
  ) {
    return unknownPlaces.join(" or ");
  }
  const name = unknownName(query, index) ?? unknownTitle(query, index);
  if (name) return name;
  const year = unknownYear(query, index);
  if (year) return year;
  // "How many DEA agents …" in a report that never names the Drug Enforcement Administration.
  // A report writing "Cops Hiring Program" names what a question's "COPS" stands for, in its own case.
  const body = bodiesInQuestion(query.cleaned, isCommonEnglishWord).find(
    (named) =>
      !index.bodies.mentions(named) &&
      !named.acronyms.some((acronym) => index.names.words.has(acronym.toLowerCase())),
  );
  if (body) return body.acronyms[0] ?? body.name;
  if (
    query.measure.target &&
    !GENERIC.has(query.measure.target) &&
    !known(query.measure.target, index)
  ) {
    return query.measure.target;
  }
  // "What budget was allocated …": the noun a what/which question opens on is the thing asked.
  // "What was the budget for …" names it after its auxiliary and article.
  const named =
    /^(?:what|which)\s+([a-z]{4,})\s+(?:was|were|is|are|did|does|do|has|have)\b/.exec(
      query.cleaned.toLowerCase(),
    )?.[1] ??
    /^(?:what|which)\s+(?:was|were|is|are)\s+(?:the|its|their)\s+([a-z]{4,})\s+(?:of|for|in|on|to|allocated|given|spent|set)\b/.exec(
      query.cleaned.toLowerCase(),
    )?.[1];
  // "What position does she hold?": a noun naming the kind of words that answer is no thing asked.
  const answerKind = answerKindAsked(query);
  if (
    named &&
    named !== answerKind &&
    !DIMENSIONS.has(named) &&
    !STOP_WORDS.has(named) &&
    !GENERIC.has(named) &&
    !known(named, index)
  )
    return named;
  // "How many traffickers were extradited?" in a report that never extradites anyone. "When was
  // the forum held?" ends on the asker's verb for what the report may put otherwise ("convened").
  const asked = words(query.cleaned.toLowerCase());
  const askersVerb = WHEN_PASSIVE.test(query.cleaned) ? asked.at(-1) : undefined;
  const verb = asked.find(
    (word) =>
      word !== askersVerb &&
      actionLemma(word) !== null &&
      !STOP_WORDS.has(word) &&
      !GENERIC.has(word) &&
      !known(word, index),
  );
  if (verb) return verb;
  const kind =
    unknownKind(query, index) ?? unknownCompound(query, index) ?? unknownOpening(query, index);
  if (kind) return kind;
  const content = words(query.cleaned.toLowerCase()).filter(
    (word) =>
      !(query.wh === "who" && otherHeadVerbUsed(word, index)) &&
      !STOP_WORDS.has(word) &&
      !GENERIC.has(word) &&
      word.length > 2 &&
      !/^\d/.test(word) &&
      word !== answerKind &&
      !query.filters.placeWords.some((p) => p.toLowerCase().includes(word)),
  );
  // "When did the year start?", "what do these figures cover?": the word after a do-question's
  // subject is its verb, which a report may well not use.
  const endsOnVerb = query.intent === "sentence" && DO_QUESTION_ENDING_ON_VERB.test(query.cleaned);
  const verbLast = endsOnVerb ? content.at(-1) : undefined;
  // With the counted noun known, a past participle ("how much heroin was used") is the asker's verb,
  // which the report may put otherwise ("heroin use"); the other words must still be the report's.
  const targetKnown = query.measure.target !== null && known(query.measure.target, index);
  const verbLike = (word: string) =>
    word === verbLast || (targetKnown && (/ed$/.test(word) || VERB_FORMS.has(word)));
  const missing = content.filter((word) => !verbLike(word) && !known(word, index, true));
  if (content.length > 0 && missing.length / content.length >= 0.5) return missing.join(" or ");
  return null;
}

const reportYears = new WeakMap<ReportIndex, Set<string>>();

/** Every year the report names ("FY24" as 2024), and the year it was published. */
function yearsOfReport(index: ReportIndex): Set<string> {
  let years = reportYears.get(index);
  if (!years) {
    years = new Set(index.report.paragraphs.flatMap((p) => yearsIn(p.text)));
    if (index.meta.date) years.add(index.meta.date.slice(0, 4));
    reportYears.set(index, years);
  }
  return years;
}

/** A year the question asks about that the report never names: no figure of it is for that year. */
function unknownYear(query: Query, index: ReportIndex): string | null {
  return query.filters.period.years.find((year) => !yearsOfReport(index).has(year)) ?? null;
}

/** "What year do these figures cover?": a do-question with no preposition after its auxiliary. */
/** "When was the forum held?", "where were they caught?": a passive when/where question. */
const WHEN_PASSIVE = /^(?:when|where)\s+(?:was|were|is|are|will)\b/i;

const DO_QUESTION_ENDING_ON_VERB =
  /^(?:\w+\s+){0,2}(?:do|does|did)\b(?:(?!\b(?:about|of|for|in|on|with|to|from|by|at)\b).)*$/i;

/** A word that could carry what a question asks about, not grammar, a number or a place. */
function isContentWord(word: string, query: Query): boolean {
  return (
    !STOP_WORDS.has(word) &&
    !GENERIC.has(word) &&
    word.length > 2 &&
    !/\d/.test(word) &&
    !query.filters.placeWords.some((p) => p.toLowerCase().includes(word))
  );
}

/** Runs of words between grammar words: "how many red flag laws" → [["red", "flag", "laws"]]. */
function phrases(text: string): string[][] {
  const runs: string[][] = [[]];
  for (const word of words(text)) {
    const breaks = STOP_WORDS.has(word) || PREPOSITIONS.has(word) || /^\d/.test(word);
    if (breaks) runs.push([]);
    else runs[runs.length - 1]?.push(word);
  }
  return runs.filter((run) => run.length >= 2);
}

/**
 * A how-many or how-much question about a kind of thing the report never names: a noun the report
 * uses, with words before it the report never uses, either right after "how many" ("how many tidal
 * floods") or two or more of them anywhere ("how much for quantum radar sets"). Whatever figure
 * ranks best counts some other kind. One unknown word elsewhere is often the asker's paraphrase.
 */
function unknownKind(query: Query, index: ReportIndex): string | null {
  const counted = /^how\s+(?:many|much)\s+(.*)$/i.exec(query.cleaned)?.[1];
  if (counted === undefined) return null;
  for (const [i, run] of phrases(counted).entries()) {
    const head = run[run.length - 1] ?? "";
    const modifiers = run.slice(0, -1);
    const isNoun = head.length > 2 && actionLemma(head) === null && !VERB_FORMS.has(head);
    const headKnown = GENERIC.has(head) || known(head, index);
    const unknownModifiers = modifiers.every(
      (word) => isContentWord(word, query) && !known(word, index, true),
    );
    const countedFirst = i === 0 && counted.toLowerCase().startsWith(run.join(" "));
    const enough = countedFirst || modifiers.length >= 2;
    if (isNoun && headKnown && unknownModifiers && enough) return run.join(" ");
  }
  return null;
}

/**
 * A compound that ends the question whose head noun the report never uses: "… the harbour guard?"
 * in a report about the harbour, read strictly, so a real word one letter off another ("guard",
 * "guards") is not taken for the report's word.
 */
function unknownCompound(query: Query, index: ReportIndex): string | null {
  // Only the compound that ends a figure question: mid-question, "the budget plan to …" is a
  // verb, and "when did the board meet" ends on one.
  if (query.intent !== "figure") return null;
  const asked = words(query.cleaned);
  const last = asked[asked.length - 1];
  // "… jobs would move abroad": after an auxiliary the run is a verb phrase, not a thing; so is
  // the run after an auxiliary and its subject's determiner ("did the night patrols hit"), which
  // ends on the asker's verb.
  const afterAuxiliary = (run: string[]) => {
    const before = asked[asked.length - run.length - 1] ?? "";
    const twoBefore = asked[asked.length - run.length - 2] ?? "";
    return AUXILIARIES.has(before) || (DETERMINERS.has(before) && AUXILIARIES.has(twoBefore));
  };
  const endRuns = phrases(query.cleaned).filter((r) => r[r.length - 1] === last);
  for (const run of endRuns.filter((r) => !afterAuxiliary(r))) {
    const nouns = run.every((word) => isContentWord(word, query) && !isVerbForm(word));
    const head = run[run.length - 1] ?? "";
    // "… the ghost nets?": a kind of a thing the report names, by words it never uses.
    const unknownKindOf = run.slice(0, -1).every((word) => !known(word, index, true));
    if (nouns && (!known(head, index) || unknownKindOf)) return run.join(" ");
  }
  return null;
}

/**
 * Chat puts the thing first: "harbour drones seized #?", "tidal floods count". A compound of
 * nouns opening a figure question, up to its first verb, whose first word the report knows and
 * whose head it never writes names a kind of thing the report does not cover.
 */
function unknownOpening(query: Query, index: ReportIndex): string | null {
  if (query.intent !== "figure" || query.wh !== null) return null;
  const run = openingRun(query);
  const head = run[run.length - 1] ?? "";
  if (run.length < 2 || GENERIC.has(head)) return null;
  // "fentanyl lbs?", "harm reduction money": a unit names how it is measured, not a kind.
  if (concept(head) === MONEY || measureNamedBy(head) || namesAUnit(head, index)) return null;
  // The head's own stem, not its synonym group: "presses" is not the report's "news conference".
  // Another form of its root is the report's word, though ("forfeiture" of "ordered to forfeit").
  if (stemsOf(index.spelling).has(stem(head))) return null;
  return wordsStartingLike(head, index).some((w) => sharesRoot(head, w)) ? null : run.join(" ");
}

/** "How many", "the number of", "# of": the words that open what a question counts. */
const COUNTING = String.raw`(?:how\s+(?:many|much)|(?:number|count|total|#)\s+of)`;

/**
 * The words before the counted noun: "how many harbour gulls", "exact # of harbour gulls" →
 * ["harbour"]; in chat, which puts the thing first ("harbour gulls seen #?"), the nouns before
 * its first verb.
 */
function countedModifiers(query: Query): string[] {
  const target = query.measure.target;
  if (target && GENERIC.has(target)) return objectCompound(query, target).slice(0, -1);
  if (target) {
    // "semi-submersibles": the part before a hyphen is part of the word, no kind of it.
    const before = new RegExp(String.raw`${COUNTING}\s+(.*?)(?<![\w-])${target}\b`, "i");
    return words(before.exec(query.cleaned)?.[1] ?? "");
  }
  if (query.intent !== "figure" || query.wh !== null) return [];
  const counted = new RegExp(String.raw`${COUNTING}\s+(.*)$`, "i").exec(query.cleaned)?.[1];
  const run = counted?.trim() ? nounRun(counted, query) : (countedLast(query) ?? openingRun(query));
  // A name the report gives ("the Harbour Fund (HF)") is often figured a sentence after it.
  const named = new Set(query.filters.names.flat().flatMap((name) => words(name.toLowerCase())));
  return run.length >= 2 ? run.slice(0, -1).filter((word) => !named.has(word)) : [];
}

/**
 * "How many people were given harbour swim lessons?": where the counted noun says nothing of which
 * people, the compound right after the verb does ("harbour swim lessons"), its words before its
 * head naming the kind. Empty where no compound of two words or more follows the verb.
 */
function objectCompound(query: Query, target: string): string[] {
  const after = new RegExp(String.raw`${COUNTING}\s+${target}\s+(.*)$`, "i").exec(
    query.cleaned,
  )?.[1];
  const asked = words((after ?? "").toLowerCase());
  const verbAt = asked.findIndex((word) => !AUXILIARIES.has(word));
  const verb = asked[verbAt];
  // After "were", "have been", the word is the participle whatever it is ("were given").
  if (verb === undefined || !(verbAt > 0 || isVerbForm(verb))) return [];
  const object = asked.slice(verbAt + 1);
  const run = phrases(object.join(" "))[0] ?? [];
  return run.length >= 2 && run[0] === object[0] ? run : [];
}

/**
 * The noun a question counts: its counted noun, else the head of the nouns a chat question opens
 * on ("harbour patrol days?" counts days).
 */
export function countedNoun(query: Query): string | null {
  if (query.measure.target) return query.measure.target;
  if (query.intent !== "figure" || query.wh !== null) return null;
  const run = openingRun(query);
  return run.length >= 2 ? (run[run.length - 1] ?? null) : null;
}

/** "… how many?", "… count?", "… #": chat words that end a question by asking to count. */
const COUNTING_LAST = /^(.*?)\s*(?:how\s+(?:many|much)|count|total|number|#)\s*[?!.]*$/i;

/**
 * "night patrol stops how many": chat puts the counted thing first and the counting words last;
 * the words right before them are the counted noun and its kinds, "-ing" modifiers too ("harbour
 * diving trips count"). Null where the question does not end so or the thing ends on a verb form.
 */
function countedLast(query: Query): string[] | null {
  const before = COUNTING_LAST.exec(query.cleaned)?.[1];
  if (!before) return null;
  const run = phrases(before).at(-1) ?? [];
  const head = run.at(-1);
  if (!head || !before.toLowerCase().trimEnd().endsWith(head) || isVerbForm(head)) return null;
  return run.filter((word) => isContentWord(word, query));
}

/** The nouns a chat question opens on, up to its first verb or grammar word. */
function openingRun(query: Query): string[] {
  return nounRun(query.cleaned, query);
}

/** The nouns a text opens on, up to its first verb or grammar word. */
function nounRun(text: string, query: Query): string[] {
  const run: string[] = [];
  for (const word of words(text.toLowerCase())) {
    const verbLike = isVerbForm(word);
    if (!isContentWord(word, query) || verbLike || PREPOSITIONS.has(word)) break;
    run.push(word);
  }
  return run;
}

export interface UnfiguredName {
  name: string;
  paragraphs: number[];
}

/**
 * A proper name the question uses ("… did Shaoxing solve?") that the report mentions only in
 * sentences without figures: whatever figure ranks best would be about something else.
 */
export function unfiguredName(query: Query, index: ReportIndex): UnfiguredName | null {
  const inPlaces = query.filters.placeWords.join(" ").toLowerCase();
  const { bodies, bodyWords } = preparedOf(index).namedBodies;
  for (const [name] of matchesOf(CAPITALISED, query.cleaned)) {
    if (STOP_WORDS.has(name.toLowerCase()) || inPlaces.includes(name.toLowerCase())) continue;
    const word = new RegExp(`\\b${name}\\b`);
    // Only bodies and paragraphs holding the name's words can match it.
    const named = (paragraphsWithWords(bodyWords, name) ?? []).map((i) => bodies[i - 1]);
    if (named.some((e) => e !== undefined && word.test(e.name))) continue;
    const paragraphs = (paragraphsWithWords(index.paragraphWords, name) ?? []).filter((p) =>
      word.test(index.report.paragraphs[p - 1]?.text ?? ""),
    );
    if (paragraphs.length === 0) continue;
    if (paragraphs.some((p) => givesFigure(index, p))) continue;
    // "the Met" where the report's figures name the "Metropolitan Police": another spelling of it.
    const spellings = query.filters.names.find((group) => group.includes(name)) ?? [];
    const figuredAs = (other: string) =>
      other !== name &&
      (paragraphsWithWords(index.paragraphWords, other) ?? []).some((p) => givesFigure(index, p));
    if (spellings.some(figuredAs)) continue;
    return { name, paragraphs };
  }
  return unfiguredKind(query, index) ?? listedOnlyKind(query, index);
}

/**
 * A kind of the counted thing ("how many drug-driving cases") that the report names only in
 * sentences without figures: the figures it gives count other cases.
 */
function unfiguredKind(query: Query, index: ReportIndex): UnfiguredName | null {
  // Only the modifiers right before the counted noun name a kind of it.
  const modifiers = countedModifiers(query).slice(-2);
  const isModifier = (word: string) =>
    !PREPOSITIONS.has(word) &&
    actionLemma(word) === null &&
    !/ed$/.test(word) &&
    !VERB_FORMS.has(word);
  if (modifiers.length === 0 || !modifiers.every(isModifier)) return null;
  // "… were given harbour swim lessons": a figure after a sentence naming the lessons counts
  // them only where it names them too, not where it counts people given something else.
  const target = query.measure.target ?? "";
  const object = GENERIC.has(target) ? objectCompound(query, target).at(-1) : undefined;
  const namesObject = (text: string) =>
    object === undefined || new RegExp(`\\b${stem(object)}`, "i").test(text);
  // "How many people were caught harbour racing?": the compound after the verb is the kind asked
  // as a whole, where the report writes it only in sentences without figures.
  const compound = object === undefined ? [] : objectCompound(query, target);
  const unfiguredCompound = compound.length >= 2 ? writtenOnlyUnfigured(compound, index) : null;
  if (unfiguredCompound) return unfiguredCompound;
  // "how many of Ontario's robberies": a place's possessive says whose, not which kind.
  const placeWords = new Set(words(query.filters.placeWords.join(" ").toLowerCase()));
  for (const word of modifiers) {
    if (STOP_WORDS.has(word) || GENERIC.has(word) || word.length < 4) continue;
    if (placeWords.has(word)) continue;
    // The word itself, not its synonyms: "driving" is not the report's "campaign drive".
    const form = new RegExp(`\\b${stem(word)}`, "i");
    const using: SentenceDoc[] = [];
    let usedWithFigure = false;
    for (const sentence of sentencesWithPrefix(index, stem(word))) {
      if (!form.test(sentence.text)) continue;
      usedWithFigure =
        givesFigure(index, sentence.paragraph, sentence.sentence) ||
        figuredInNextSentence(index, sentence, namesObject);
      if (usedWithFigure) break;
      using.push(sentence);
    }
    if (using.length === 0 || usedWithFigure) continue;
    return { name: word, paragraphs: [...new Set(using.map((sentence) => sentence.paragraph))] };
  }
  return null;
}

/**
 * A compound ("harbour racing") that the report writes, word after word, only in sentences giving
 * no figure: the sentences' paragraphs, or null where it writes it with a figure or never.
 */
function writtenOnlyUnfigured(compound: string[], index: ReportIndex): UnfiguredName | null {
  const form = new RegExp(
    String.raw`\b${compound.map((word) => escapeForPattern(stem(word))).join(String.raw`[\p{L}]*[\s"“”'’-]+`)}`,
    "iu",
  );
  const using: SentenceDoc[] = [];
  for (const sentence of sentencesWithPrefix(index, stem(compound[0] ?? ""))) {
    if (!form.test(sentence.text)) continue;
    if (givesFigure(index, sentence.paragraph, sentence.sentence)) return null;
    using.push(sentence);
  }
  if (using.length === 0) return null;
  return {
    name: compound.join(" "),
    paragraphs: [...new Set(using.map((sentence) => sentence.paragraph))],
  };
}

/**
 * "First, the transit card. Since it went on sale, kiosks sold 40,000 cards": the
 * next sentence of the paragraph points back to the thing named and gives its figure.
 */
function figuredInNextSentence(
  index: ReportIndex,
  sentence: SentenceDoc,
  namesObject: (text: string) => boolean,
): boolean {
  const next = index.report.paragraphs[sentence.paragraph - 1]?.sentences[sentence.sentence + 1];
  return (
    next !== undefined &&
    pointsBack(next.text) &&
    namesObject(next.text) &&
    givesFigure(index, sentence.paragraph, sentence.sentence + 1)
  );
}

/** "…, which includes arson, theft and fraud": a list of the kinds a larger count covers. */
const KINDS_LISTED =
  /\b(?:includ(?:e|es|ed|ing)|such as|like|e\.g\.|for example|for instance)\s+((?:[a-z-]+(?:,\s*|\s+))*)$/i;

/**
 * "How many arsons?" where the report names arson only among the kinds a larger count covers
 * ("Property crime, which includes arson and theft, fell to 900 incidents"): no figure counts it.
 */
function listedOnlyKind(query: Query, index: ReportIndex): UnfiguredName | null {
  const target = query.measure.target;
  if (!target || query.measure.expected.kind !== null) return null;
  const form = new RegExp(`\\b${stem(target)}`, "i");
  const listed = (text: string) => KINDS_LISTED.test(text.slice(0, text.search(form)));
  const using: SentenceDoc[] = [];
  for (const sentence of sentencesWithPrefix(index, stem(target))) {
    if (!form.test(sentence.text)) continue;
    if (!listed(sentence.text)) return null;
    using.push(sentence);
  }
  if (using.length === 0) return null;
  return { name: target, paragraphs: [...new Set(using.map((sentence) => sentence.paragraph))] };
}

/** Where a report counts a thing in words only: "dozens of new cargo scanners" in ¶2. */
export interface CountInWords {
  words: string;
  paragraph: number;
  /** The question's concepts its sentence holds. */
  shared: number;
}

/**
 * The sentence that counts the noun a question counts in words ("dozens of new cargo scanners"),
 * sharing the most of the question's concepts, if the report has one.
 */
export function countInWords(query: Query, index: ReportIndex): CountInWords | null {
  const noun = countedNoun(query);
  if (!noun || noun.length < 3) return null;
  const root = stem(noun.toLowerCase());
  const form = new RegExp(
    String.raw`\b(?:${VAGUE_COUNTS})\s+(?:of\s+)?(?:[a-z-]+\s+){0,3}?${root}[a-z]*`,
    "i",
  );
  // Only sentences where a word beginning so follows a count in words closely enough can match.
  const { countingInWords, countedInWords } = preparedOf(index);
  const reached = paragraphsWithPrefix(countedInWords, root);
  const sentences =
    reached === null ? countingInWords : [...reached].map((i) => countingInWords[i] as SentenceDoc);
  // The first sentence of those sharing the most concepts that matches: the shares are counted
  // first and the pattern tried best share first, so a common noun's thousands of sentences in a
  // very large report are not each searched.
  const shares = sentences.map(
    (sentence) => query.measure.concepts.filter((c) => sentence.concepts.has(c)).length,
  );
  const order = sentences
    .map((_, i) => i)
    .sort((a, b) => (shares[b] as number) - (shares[a] as number) || a - b);
  for (const i of order) {
    const sentence = sentences[i] as SentenceDoc;
    const match = form.exec(sentence.text);
    if (match)
      return { words: match[0], paragraph: sentence.paragraph, shared: shares[i] as number };
  }
  return null;
}
