import { abbreviates, definedAcronyms, initialOf, NAME_RUN } from "../facts/acronyms.js";
import { isMonthOrDay } from "../facts/dates.js";
import { findPlacesInQuestion } from "../facts/places.js";
import type { Entity } from "../facts/schema.js";
import type { Paragraph, ParsedReport } from "../report/types.js";
import { isCommonEnglishWord, isEnglishWord } from "../text/english.js";
import { matchesOf } from "../text/matches.js";
import { memoryPer } from "../text/memory.js";
import { words } from "../text/tokenize.js";
import { STOP_WORDS } from "./vocabulary.js";
import { paragraphsWithWords, type WordIndex } from "./wordIndex.js";

/**
 * The report's proper names and the acronyms that stand for them, so that a question's "fbi" finds
 * "the Federal Bureau of Investigation" and "Promise Grants" must be what the figure is about.
 */
export interface ReportNames {
  /** Runs of capitalised words the report uses ("Drug Enforcement Administration"). */
  runs: string[];
  /** Lower-cased acronym → the name it stands for, where the report spells it out. */
  acronyms: Map<string, string>;
  /** Every capitalised word and acronym the report uses, lower-cased. */
  words: Set<string>;
  /** Every word the report writes in lower case: such a word is a common noun, not a name. */
  common: Set<string>;
  /** Every all-capitals word the report uses ("DEA"), lower-cased. */
  capitals: Set<string>;
}

export function reportNames(report: ParsedReport): ReportNames {
  const runs = new Set<string>();
  const acronyms = new Map<string, string>();
  const words = new Set<string>();
  const common = new Set<string>();
  for (const paragraph of report.paragraphs) {
    const text = paragraph.text;
    for (const match of text.matchAll(/\b[a-z][\w'’-]*/g)) common.add(match[0]);
    for (const match of text.matchAll(NAME_RUN)) runs.add(match[0].replace(/^The\s+/, ""));
    for (const match of text.matchAll(/\b[A-Z][\w'’-]*/g)) words.add(match[0].toLowerCase());
    for (const { acronym, name } of definedAcronyms(text))
      acronyms.set(acronym.toLowerCase(), name);
  }
  // "the DEA" with "Drug Enforcement Administration" elsewhere: an all-capitals word whose letters
  // begin the words of a name the report uses.
  const capitals = new Set(
    report.paragraphs
      .flatMap((p) => p.text.match(/\b[A-Z]{2,7}\b/g) ?? [])
      .map((w) => w.toLowerCase()),
  );
  // Runs by the letter an acronym of them starts with, so each acronym tries only those.
  const runsByInitial = new Map<string, string[]>();
  for (const run of runs) {
    const initial = initialOf(run);
    const bucket = runsByInitial.get(initial);
    if (bucket) bucket.push(run);
    else runsByInitial.set(initial, [run]);
  }
  for (const acronym of capitals) {
    if (acronyms.has(acronym)) continue;
    const name = runsByInitial.get(acronym[0] ?? "")?.find((run) => abbreviates(acronym, run));
    if (name) acronyms.set(acronym, name);
  }
  return { runs: [...runs], acronyms, words, common, capitals };
}

/** Each word's expansion, per report: a word not spelled out is tried against every name run. */
const EXPANSIONS_KEPT = 5_000;
const expansions = memoryPer<ReportNames, string | null>(EXPANSIONS_KEPT);

/** What an acronym a question uses stands for in this report, typed in any case ("fincen"). */
export function expandAcronym(word: string, names: ReportNames): string | null {
  return expansions(names).recall(word, (typed) => expansionOf(typed, names));
}

function expansionOf(word: string, names: ReportNames): string | null {
  const lower = word.toLowerCase();
  const spelled = names.acronyms.get(lower);
  if (spelled) return spelled;
  // "FBI" or "fbi" though the report never writes it so: its spelled-out name. Typed in lower
  // case, only a short word the report never uses in lower case can be an acronym.
  const capitals = /^[A-Z]{2,7}$/.test(word);
  const typedLow =
    /^[a-z]{2,7}$/.test(word) &&
    !names.common.has(word) &&
    !names.words.has(word) &&
    !STOP_WORDS.has(word);
  if (!capitals && !typedLow) return null;
  const runs = lookupsOf(names).runsByInitial.get(lower[0] ?? "") ?? [];
  return runs.find((run) => abbreviates(lower, run)) ?? leadingName(lower, runs);
}

/** A clipped name's first letters, at least. */
const MIN_CLIPPED = 3;

/**
 * "the Met" of "Metropolitan Police", "the Yard" no: a capitalised word the report never writes in
 * lower case that begins the first word of exactly one of its names of two words or more, the
 * short form a report and its readers give a body. Null when none or several do.
 */
export function clippedName(word: string, names: ReportNames): string | null {
  if (!/^[A-Z][a-z]+$/.test(word) || word.length < MIN_CLIPPED) return null;
  const lower = word.toLowerCase();
  if (names.common.has(lower) || STOP_WORDS.has(lower)) return null;
  const runs = lookupsOf(names).runsByInitial.get(lower[0] ?? "") ?? [];
  const clipped = new Set(
    runs.filter((run) => {
      const [written = "", ...rest] = run.split(/\s+/);
      // "Biden’s CBP One" is Biden's, not a longer name "Biden" clips.
      const first = written.replace(/['’]s$/, "");
      return rest.length > 0 && /^[a-z]+$/.test(first.slice(word.length)) && first.startsWith(word);
    }),
  );
  return clipped.size === 1 ? ([...clipped][0] ?? null) : null;
}

/** "UN" of "United Nations Office on Drugs and Crime": a name its first words make up. */
function leadingName(acronym: string, runs: readonly string[]): string | null {
  for (const run of runs) {
    const words = run.split(/\s+/);
    for (let take = 2; take < words.length; take++) {
      const lead = words.slice(0, take).join(" ");
      if (abbreviates(acronym, lead)) return lead;
    }
  }
  return null;
}

/**
 * The report's names arranged for a question's words to look up, rather than each question
 * scanning every name: in a very large report that scan is most of an answer.
 */
interface NameLookups {
  /** Runs by the letter an acronym of them starts with (`abbreviates` needs it to match). */
  runsByInitial: Map<string, string[]>;
  /** Lower-cased run → where it stands in `runs`. */
  runsByLowerCase: Map<string, number[]>;
  /** First word of a lower-cased run → words in the longest run it starts. */
  longestRunFrom: Map<string, number>;
  /** Where each all-capitals word stands in `capitals`. */
  capitalOrder: Map<string, number>;
}

const lookupsCache = new WeakMap<ReportNames, NameLookups>();

/**
 * The look-ups of a report's names, built once: every question reads them, so the index builds
 * them as it is made (`searchOf`) and a very large report's first question does not wait on them.
 */
export function lookupsOf(names: ReportNames): NameLookups {
  let lookups = lookupsCache.get(names);
  if (lookups) return lookups;
  lookups = {
    runsByInitial: new Map(),
    runsByLowerCase: new Map(),
    longestRunFrom: new Map(),
    capitalOrder: new Map([...names.capitals].map((word, i) => [word, i])),
  };
  for (const [i, run] of names.runs.entries()) {
    const initial = initialOf(run);
    const bucket = lookups.runsByInitial.get(initial);
    if (bucket) bucket.push(run);
    else lookups.runsByInitial.set(initial, [run]);
    const lower = run.toLowerCase();
    const at = lookups.runsByLowerCase.get(lower);
    if (at) at.push(i);
    else lookups.runsByLowerCase.set(lower, [i]);
    const runWords = lower.split(" ");
    const first = runWords[0] ?? "";
    const longest = lookups.longestRunFrom.get(first) ?? 0;
    lookups.longestRunFrom.set(first, Math.max(longest, runWords.length));
  }
  lookupsCache.set(names, lookups);
  return lookups;
}

/** Where the report's runs that `asked` (words between single spaces) holds stand in `runs`, in order. */
function runsTyped(asked: string, lookups: NameLookups): number[] {
  const tokens = asked.split(" ").filter(Boolean);
  const found = new Set<number>();
  for (let start = 0; start < tokens.length; start++) {
    const longest = lookups.longestRunFrom.get(tokens[start] as string) ?? 0;
    for (let end = start + 2; end <= Math.min(tokens.length, start + longest); end++) {
      for (const i of lookups.runsByLowerCase.get(tokens.slice(start, end).join(" ")) ?? [])
        found.add(i);
    }
  }
  return [...found].sort((a, b) => a - b);
}

const WORD_TOKEN = /[A-Za-z][\w'’-]*/g;

/**
 * The report's names a question uses, each with its other spellings: "the FBI" → [FBI, Federal
 * Bureau of Investigation], "Promise Neighborhoods" → [Promise Neighborhoods]. A lone capitalised
 * word the report also writes in lower case ("Budget") is a common noun, not a name.
 */
export function namesAsked(question: string, skip: string[], names: ReportNames): string[][] {
  const found: string[][] = [];
  if (question === question.toUpperCase()) return found;
  let run: string[] = [];
  const close = (): void => {
    // "DOJ School Safety Program": the body's acronym, then the name of its programme.
    if (run.length >= 3 && /^[A-Z]{2,7}$/.test(run[0] ?? "")) {
      const [acronym = "", ...name] = run;
      run = [acronym];
      close();
      run = name;
    }
    const phrase = run.join(" ");
    const single = run.length === 1;
    const word = run[0] ?? "";
    const acronym = single ? (expandAcronym(word, names) ?? clippedName(word, names)) : null;
    const isName =
      acronym !== null ||
      (run.length > 0 &&
        run.every((w) => names.words.has(w.toLowerCase())) &&
        (!single || !names.common.has(word.toLowerCase())));
    // Places are filtered as places ("US dollars" names a currency, not a body).
    const isPlace = () =>
      [phrase, acronym ?? ""].some((name) => findPlacesInQuestion(name).length > 0);
    // "between January and September": a month or weekday dates, it names nothing.
    const isDate = run.every((w) => isMonthOrDay(w));
    if (
      isName &&
      !isDate &&
      !isPlace() &&
      !skip.some((s) => s.toLowerCase().includes(phrase.toLowerCase()))
    ) {
      found.push(acronym ? [phrase, acronym] : [phrase]);
    }
    run = [];
  };
  const skipped = (name: string) => skip.some((s) => s.toLowerCase().includes(name.toLowerCase()));
  found.push(...namesTypedLow(question, names).filter(([name]) => !skipped(name ?? "")));
  const tokens = matchesOf(WORD_TOKEN, question);
  for (const [i, match] of tokens.entries()) {
    const token = match[0].replace(/['’]s$/, "");
    if (/\d/.test(token)) {
      close();
      continue;
    }
    const acronym = expandAcronym(token, names);
    if (acronym && !/^[A-Z]/.test(token) && !names.common.has(token)) {
      close();
      found.push([token, acronym]);
    } else if (/^[A-Z]/.test(token) && (i > 0 || /^[A-Z]{2,}$/.test(token))) run.push(token);
    else close();
  }
  close();
  return found;
}

/**
 * The report's names typed in lower case, as chat does: a run of its capitalised words ("project
 * safe neighbourhoods" for "Project Safe Neighbourhoods"), or an acronym it writes only in capitals
 * ("xyz" for "XYZ"). Each comes back spelled as the report spells it.
 */
/** A lower-case word this short is too likely a common word to be read as a name. */
const MIN_SURNAME_LENGTH = 4;

export function namesTypedLow(question: string, names: ReportNames): string[][] {
  const asked = ` ${question.toLowerCase().replace(/[^\w'’-]+/g, " ")} `;
  const typed = (name: string) =>
    asked.includes(` ${name.toLowerCase()} `) && !question.includes(name);
  const lookups = lookupsOf(names);
  // A run is typed when its lower-cased words stand together among the question's.
  const runs = runsTyped(asked, lookups)
    .map((i) => names.runs[i] as string)
    .filter(
      (run) =>
        /\s/.test(run) &&
        !STOP_WORDS.has(run.split(/\s+/)[0]?.toLowerCase() ?? "") &&
        typed(run) &&
        findPlacesInQuestion(run).length === 0,
    );
  // An all-capitals word is typed when it is one of the question's words.
  const questionWords = new Set(asked.split(" "));
  const acronyms = [...questionWords]
    .filter((word) => lookups.capitalOrder.has(word))
    .sort((a, b) => (lookups.capitalOrder.get(a) ?? 0) - (lookups.capitalOrder.get(b) ?? 0))
    .filter(
      (word) =>
        word.length >= 2 &&
        !names.common.has(word) &&
        !names.acronyms.has(word) &&
        !STOP_WORDS.has(word) &&
        typed(word.toUpperCase()) &&
        !runs.some((run) => run.toLowerCase().split(/\s+/).includes(word)) &&
        findPlacesInQuestion(word.toUpperCase()).length === 0,
    );
  // "according to whitfield": a name the report always capitalises and no dictionary knows,
  // typed in lower case.
  const surnames = words(question).filter(
    (word) =>
      word.length >= MIN_SURNAME_LENGTH &&
      names.words.has(word) &&
      !names.common.has(word) &&
      !names.capitals.has(word) &&
      !STOP_WORDS.has(word) &&
      !question.includes(word.charAt(0).toUpperCase() + word.slice(1)) &&
      !isEnglishWord(word) &&
      findPlacesInQuestion(word).length === 0,
  );
  return [
    ...runs.map((run) => [run]),
    ...acronyms.map((word) => [word.toUpperCase()]),
    ...surnames
      .filter((word) => !runs.some((run) => run.toLowerCase().split(/\s+/).includes(word)))
      .map((word) => [word.charAt(0).toUpperCase() + word.slice(1)]),
  ];
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whether a text names what a question calls `spelling`: the whole name, or its last word standing
 * alone ("Marcus Whitfield" → "Whitfield, 38", but not "Choice Neighborhoods" for "Promise
 * Neighborhoods"). A last word typed with a capital is matched as the report writes it. A last
 * word that is an everyday noun ("Administration", "Office") is no name on its own: "the
 * Administration" is not the Drug Enforcement Administration.
 */
export function mentions(text: string, spelling: string): boolean {
  if (new RegExp(`\\b${escaped(spelling)}\\b`, "i").test(text)) return true;
  const last = spelling.split(/\s+/).pop() ?? spelling;
  if (last === spelling || (last !== last.toUpperCase() && isCommonEnglishWord(last))) return false;
  const flags = /[A-Z]/.test(last) ? "g" : "gi";
  return [...text.matchAll(new RegExp(`\\b${escaped(last)}\\b`, flags))].some(
    (match) => !/[A-Z][\w'’-]*\s+$/.test(text.slice(0, match.index ?? 0)),
  );
}

/**
 * "Operation Ridgeback": an operation named by its code name, not a quotation, nor a programme
 * ("Project Safe Neighborhoods") that a report on something else mentions.
 */
const CODE_NAMED = /^Operation\s+[A-Z]/;

const soleOperations = new WeakMap<readonly Entity[], string | null>();

/** The one operation a report names by code name, if it names exactly one. */
function soleOperation(entities: readonly Entity[], namedBy: number): string | null {
  let known = soleOperations.get(entities);
  if (known === undefined) {
    const operations = entities.filter((e) => e.kind === "operation" && CODE_NAMED.test(e.name));
    const named = new Set(operations.map((e) => e.name));
    const first = Math.min(...operations.map((e) => e.paragraph));
    known = named.size === 1 && first <= namedBy ? ([...named][0] ?? null) : null;
    soleOperations.set(entities, known);
  }
  return known;
}

/**
 * "How much cash was seized in the Ridgeback case?" of a story about one operation: a report that
 * names a single operation reports its figures, whether or not their sentences restate its name.
 */
export function namesSoleOperation(
  spellings: string[],
  entities: readonly Entity[],
  report: ParsedReport,
  within: number,
): boolean {
  const only = soleOperation(entities, report.paragraphs.length * within);
  return only !== null && spellings.some((s) => mentions(only, s));
}

/** Share of paragraphs naming a body above which it is the report's own subject (its publisher). */
const HOME_NAME_SHARE = 0.2;

/** The paragraphs holding each spelling's last word, which `mentions` needs; null where one has none. */
export function paragraphsHoldingLastWords(spellings: string[], words: WordIndex): number[] | null {
  const found = new Set<number>();
  for (const spelling of spellings) {
    const holding = paragraphsWithWords(words, spelling.split(/\s+/).pop() ?? spelling);
    if (holding === null) return null;
    for (const p of holding) found.add(p);
  }
  return [...found].sort((a, b) => a - b);
}

/** The paragraphs that mention a name (any of its spellings), in order, testing only those that can. */
export function paragraphsNaming(
  spellings: string[],
  report: ParsedReport,
  words: WordIndex,
): readonly Paragraph[] {
  return namingParagraphs(report).recall(spellings.join("\u0000"), () =>
    paragraphsNamingNow(spellings, report, words),
  );
}

/** Names looked up already, per report: questions share them, and each look-up tests paragraphs. */
const NAMINGS_KEPT = 5_000;
const namingParagraphs = memoryPer<ParsedReport, readonly Paragraph[]>(NAMINGS_KEPT);

function paragraphsNamingNow(
  spellings: string[],
  report: ParsedReport,
  words: WordIndex,
): Paragraph[] {
  const candidates = paragraphsHoldingLastWords(spellings, words);
  const tested =
    candidates === null
      ? report.paragraphs
      : candidates.flatMap((p) => report.paragraphs[p - 1] ?? []);
  return tested.filter((p) => spellings.some((s) => mentions(p.text, s)));
}

/**
 * The body or effort a report is by or about (in its title, all through it, or named in its opening
 * and again in later sections) need not be restated by each figure.
 */
export function isHomeName(spellings: string[], report: ParsedReport, words: WordIndex): boolean {
  const paragraphs = report.paragraphs;
  const naming = paragraphsNaming(spellings, report, words);
  const title = paragraphs.slice(0, 2).some((p) => naming.includes(p));
  return (
    title ||
    naming.length >= HOME_NAME_SHARE * paragraphs.length ||
    runsThrough(spellings, naming, report)
  );
}

/** The share of a report's paragraphs that is its opening, for `runsThrough`. */
const OPENING_SHARE = 0.2;
/** Paragraphs past the opening that name it again, for `runsThrough`. */
const LATER_NAMINGS = 2;

/** "dubbed Operation ", "code-named ", "known as the ": a name being given, up to the name itself. */
const GIVES_NAME =
  /\b(?:dubbed|code-?named|called|known as|named)\s+(?:the\s+)?["“]?(?:\p{Lu}[\p{L}'’-]*\s+){0,2}$/iu;

/**
 * "The inquiry, dubbed Operation Lantern, …" in the lead, then "pills seized in Operation Lantern"
 * and "Operation Lantern began in May" in the second half: the name the opening gives the report's
 * effort, taken up again far on, is its own subject, though most paragraphs leave it unsaid. A
 * programme the lead only lists among others ("grants under the COPS program") is not.
 */
function runsThrough(
  spellings: readonly string[],
  naming: readonly Paragraph[],
  report: ParsedReport,
): boolean {
  const count = report.paragraphs.length;
  const opening = naming.some(
    (p) => p.number <= OPENING_SHARE * count && givesName(p.text, spellings),
  );
  const later = naming.filter((p) => p.number > OPENING_SHARE * count);
  return opening && later.length >= LATER_NAMINGS && later.some((p) => p.number > count / 2);
}

/** Whether a paragraph gives the name ("dubbed Operation Lantern") rather than only uses it. */
function givesName(text: string, spellings: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return spellings.some((spelling) => {
    const at = lower.indexOf(spelling.toLowerCase());
    return at > 0 && GIVES_NAME.test(text.slice(Math.max(0, at - 60), at));
  });
}
