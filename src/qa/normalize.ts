/**
 * A question as members type it, read into the words the engine knows: chat shorthand expanded
 * ("n" → "and", "ppl" → "people") and misspelt ordinary words corrected ("siezed" → "seized")
 * against the report's own words and the question lexicon. A word is left alone when it is
 * English, a word the report uses, a name (capitalised mid-sentence), or a typo of a place, which
 * place matching reads with the same edit distance. An English word the report never uses that
 * WordNet gives as a synonym of one of the domain's words is read as the report's own word for it,
 * and so is one whose usual sense the report writes with a close WordNet neighbour ("jailed" in a
 * report of the "imprisoned"): a bridge, which scoring weighs below the report's own word.
 */
import { DRUG_NAMES } from "../facts/lexicon.js";
import { typoMatch } from "../facts/places.js";
import { GRAMMAR, SYNONYMS, WORDNET } from "../lexicon/language.js";
import { VERBS } from "../lexicon/verbs.js";
import { isEnglishWord } from "../text/english.js";
import { memoryPer } from "../text/memory.js";
import {
  buildSpellIndex,
  type Correction,
  candidates,
  editBudget,
  type SpellIndex,
  soundsLike,
} from "../text/spelling.js";
import { sharesRoot, stem } from "../text/stem.js";
import { piecesOf, type Token, tokenize, words } from "../text/tokenize.js";

const SHORTHAND: ReadonlyMap<string, string> = new Map(Object.entries(SYNONYMS.shorthand));

/** A WordNet synonym's stem → the words of the domain group it belongs to. */
const WORDNET_GROUPS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(WORDNET.synonyms).flatMap(([head, synonyms]) => {
    const group = SYNONYMS.groups.find((words) => words[0] === head) ?? [head];
    return synonyms.map((synonym) => [stem(synonym), group] as const);
  }),
);

const reportStems = new WeakMap<SpellIndex, ReadonlyMap<string, string>>();

/** Stem → the report's most frequent word with that stem. */
export function stemsOf(report: SpellIndex): ReadonlyMap<string, string> {
  let stems = reportStems.get(report);
  if (!stems) {
    const byCount = [...report.counts].sort((a, b) => b[1] - a[1]);
    const map = new Map<string, string>();
    for (const [word] of byCount) if (!map.has(stem(word))) map.set(stem(word), word);
    stems = map;
    reportStems.set(report, stems);
  }
  return stems;
}

/** "collared" in a report that says "arrested": a domain word for an English synonym. */
function reportSynonym(word: string, report: SpellIndex): string | null {
  const group = WORDNET_GROUPS.get(stem(word));
  if (!group || stemsOf(report).has(stem(word))) return null;
  const member = group.find((word) => stemsOf(report).has(stem(word)));
  return member ? (stemsOf(report).get(stem(member)) ?? null) : null;
}

let neighbourMap: ReadonlyMap<string, readonly string[]> | null = null;

/** Stem → its neighbours' words, split from wordnet.json's lines the first time a word needs them. */
function neighbours(): ReadonlyMap<string, readonly string[]> {
  neighbourMap ??= new Map(
    WORDNET.neighbours.map((line) => {
      const [key = "", ...words] = line.split(" ");
      return [key, words];
    }),
  );
  return neighbourMap;
}

/**
 * "incarcerated" in a report that says "imprisoned": the report's most used word among the close
 * WordNet neighbours of a word it never writes in any form (wordnet.json `neighbours`).
 */
function reportNeighbour(word: string, report: SpellIndex): string | null {
  const key = stem(word);
  const stems = stemsOf(report);
  const near = neighbours().get(key);
  if (!near || stems.has(key)) return null;
  let found: string | null = null;
  for (const neighbour of near) {
    const own = stems.get(stem(neighbour));
    if (!own || !isFormOf(own, neighbour)) continue;
    if ((report.counts.get(own) ?? 0) > (found ? (report.counts.get(found) ?? 0) : 0)) found = own;
  }
  return found;
}

/** Endings of a word's regular forms, after its base (a final "e" or "y" dropped). */
const FORM_ENDINGS: ReadonlySet<string> = new Set([
  "",
  "e",
  "y",
  "s",
  "es",
  "ed",
  "d",
  "ing",
  "ies",
  "ied",
  "er",
  "ers",
]);

/**
 * Whether a report's word is a regular form of a neighbour ("physicians" of "physician"), not a
 * word that only shares its stem: "Parris", a surname, is no form of "parry".
 */
function isFormOf(word: string, neighbour: string): boolean {
  const base = neighbour.replace(/[ey]$/, "");
  return word.startsWith(base) && FORM_ENDINGS.has(word.slice(base.length));
}

/** Per report, the question words read as a neighbour: what the reading of a question reports. */
const bridgedWords = new WeakMap<SpellIndex, Set<string>>();

function bridge(typed: string, report: SpellIndex): string | null {
  const neighbour = reportNeighbour(typed, report);
  if (neighbour) {
    const bridged = bridgedWords.get(report) ?? new Set();
    bridgedWords.set(report, bridged.add(typed));
  }
  return neighbour;
}

/** A verb word's stem → every verb row that lists it, in lexicon order ("bust": crack, arrest). */
const VERB_SENSES = new Map<string, (typeof VERBS)[number][]>();
for (const verb of VERBS) {
  for (const word of new Set([verb.lemma, ...verb.forms, ...verb.synonyms].map(stem))) {
    VERB_SENSES.set(word, [...(VERB_SENSES.get(word) ?? []), verb]);
  }
}

/**
 * A slang verb with several senses ("busted" a ring, or busted members) read as the one sense
 * the report uses: the report's own most frequent form of it, when the report never uses the
 * word itself nor any form of the word's other senses. Where the report uses forms of two senses,
 * the one whose form shares the word's root is meant: "removed" in a report of "removals" and
 * "seized" asks the removals, read as that sense's participle ("deported").
 */
function reportSense(word: string, report: SpellIndex): string | null {
  const senses = VERB_SENSES.get(stem(word));
  if (!senses || senses.length < 2 || stemsOf(report).has(stem(word))) return null;
  const usedForms = (verb: (typeof VERBS)[number]) =>
    verb.forms.filter((form) => report.counts.has(form));
  const used = senses.filter((verb) => usedForms(verb).length > 0);
  const rooted = used.filter((verb) => usedForms(verb).some((form) => sameRoot(word, form)));
  const only = used.length === 1 ? used[0] : rooted.length === 1 ? rooted[0] : undefined;
  if (!only) return null;
  if (used.length > 1 && /ed$/.test(word)) return only.participle;
  return only.forms.reduce((a, b) =>
    (report.counts.get(b) ?? 0) > (report.counts.get(a) ?? 0) ? b : a,
  );
}

/** Most a noun of a root may add to the verb's stem: "remov" → "removal". */
const NOUN_ENDING_ROOM = 2;
/** The shortest verb stem a noun may be read as a form of: "remov", not "us" of "usual". */
const MIN_VERB_STEM = 5;

/** Forms of one root: "forfeit" and "forfeiture", or a verb's stem and its noun ("removal"). */
function sameRoot(word: string, form: string): boolean {
  if (sharesRoot(word, form)) return true;
  const [a, b] = [stem(word), stem(form)];
  return a.length >= MIN_VERB_STEM && b.startsWith(a) && b.length - a.length <= NOUN_ENDING_ROOM;
}

/** Words any question may use, whatever the report: grammar, synonyms, substances. */
const LEXICON_WORDS: readonly string[] = [
  ...GRAMMAR.questionStopWords,
  ...GRAMMAR.genericQuestionWords,
  ...SYNONYMS.groups.flat(),
  ...DRUG_NAMES,
  ...SHORTHAND.values(),
].flatMap((phrase) => words(phrase));
const LEXICON_WORD_SET: ReadonlySet<string> = new Set(LEXICON_WORDS);
/**
 * Their typo index, built the first time a question has a word to correct towards them: most
 * questions never do, and a one-question CLI saves the ~10 ms of filing every deletion.
 */
let lexiconSpelling: SpellIndex | null = null;
function lexiconSpellIndex(): SpellIndex {
  lexiconSpelling ??= buildSpellIndex(LEXICON_WORDS);
  return lexiconSpelling;
}

/** The report's own words, for correcting a question's typos towards them. */
export function reportSpelling(text: string): SpellIndex {
  return buildSpellIndex(words(text));
}

/** A token the shorthand table may rewrite: a whole word, not part of "U.S." or "n-word". */
function isWholeWord(question: string, token: Token): boolean {
  const before = question[token.start - 1] ?? " ";
  const after = question[token.end] ?? " ";
  return /[\s(]/.test(before) && /[\s?!,;:)]/.test(after) && !/^\d/.test(token.text);
}

function best(found: readonly Correction[], counts: ReadonlyMap<string, number>): string | null {
  const [first, second] = found;
  if (!first) return null;
  if (!second || second.edits > first.edits || second.kept < first.kept) return first.word;
  // Equally close to two words: only a word the report uses far more often is a safe guess.
  const ratio = (counts.get(first.word) ?? 0) / Math.max(1, counts.get(second.word) ?? 0);
  return ratio >= 3 ? first.word : null;
}

function isName(question: string, token: Token): boolean {
  const capitalised = /^\p{Lu}/u.test(token.text);
  const sentenceStart = /(?:^|[.?!]\s*)$/.test(question.slice(0, token.start).trimEnd());
  return capitalised && !sentenceStart;
}

/** The word a misspelt token stands for, or null to leave it as typed. */
function correction(question: string, token: Token, report: SpellIndex): string | null {
  const typed = token.lower;
  const budget = editBudget(typed);
  if (!token.isWord || !/^\p{L}+$/u.test(typed)) return null;
  if (report.counts.has(typed)) return null;
  if (isName(question, token)) return null;
  if (budget === 0) return clippedGrammarWord(typed);
  return wordCorrection(typed, budget, report);
}

/** A clipped word this short may still be read: "mor" for "more"; "mo" could be anything. */
const CLIPPED_MIN_LETTERS = 3;
/** The question's grammar words ("more", "much", "have"): what a word too short to correct may be. */
const QUESTION_WORDS: ReadonlySet<string> = new Set(GRAMMAR.questionStopWords);
/** Each question grammar word less its last letter ("mor"): the only words that can be one clipped. */
const CLIPPED_QUESTION_WORDS: ReadonlySet<string> = new Set(
  [...QUESTION_WORDS].map((word) => word.slice(0, -1)),
);

/**
 * "who seized mor": a word too short for a typo budget, not English, read as the one question
 * grammar word it is with its last letter dropped, found through the lexicon's typo index.
 */
function clippedGrammarWord(typed: string): string | null {
  // The dictionary is asked last: loading it is a fifth of a cold start, and most words clip none.
  if (typed.length < CLIPPED_MIN_LETTERS || !CLIPPED_QUESTION_WORDS.has(typed)) return null;
  if (isEnglishWord(typed) || SHORTHAND.has(typed)) return null;
  const index = lexiconSpellIndex();
  const clipped = candidates(index, typed, 1).filter(
    ({ word }) =>
      QUESTION_WORDS.has(word) && word.length === typed.length + 1 && word.startsWith(typed),
  );
  return best(clipped, index.counts);
}

/** Each word's correction, per report: whatever the question, a word is corrected the same way. */
const CORRECTIONS_KEPT = 5_000;
const corrections = memoryPer<SpellIndex, string | null>(CORRECTIONS_KEPT);

function wordCorrection(typed: string, budget: number, report: SpellIndex): string | null {
  return corrections(report).recall(typed, (word) => correctionOf(word, budget, report));
}

function correctionOf(typed: string, budget: number, report: SpellIndex): string | null {
  const sense = reportSense(typed, report);
  if (sense) return sense;
  if (LEXICON_WORD_SET.has(typed)) return null;
  if (isEnglishWord(typed)) return reportSynonym(typed, report) ?? bridge(typed, report);
  if (typoMatch([typed])) return null;
  return (
    droppedG(typed, report) ??
    clipped(typed, report) ??
    best(candidates(report, typed, budget), report.counts) ??
    best(candidates(lexiconSpellIndex(), typed, budget), lexiconSpellIndex().counts) ??
    soundAlike(typed, report) ??
    soundAlike(typed, lexiconSpellIndex())
  );
}

/**
 * "givin", "makin": an "-ing" word typed with its "g" dropped, as people talk, read as that word
 * when it is English or the report's own; a word that is already English ("begin", "cabin") never
 * gets here. The report's word "making" for "makin" is found by the typo index too; this also
 * reads the English words the report never uses ("givin" in a report that never says "giving").
 */
function droppedG(typed: string, report: SpellIndex): string | null {
  if (!typed.endsWith("in") || typed.length < DROPPED_G_MIN_LETTERS) return null;
  const meant = `${typed}g`;
  return report.counts.has(meant) || isEnglishWord(meant) ? meant : null;
}

/**
 * "carfent" for the report's "carfentanil", "hydroxy" for its "hydroxyimide": a word cut short, as
 * chat cuts long names, read as the one word of the report it begins (its forms all of one stem),
 * before any typo of a shorter word ("fent" is no misspelt "sent"). Only a cut that drops a good
 * part of the word counts: one letter short is a typo, which the typo index reads.
 */
function clipped(typed: string, report: SpellIndex): string | null {
  if (typed.length < CLIPPED_NAME_MIN_LETTERS) return null;
  let found: string | null = null;
  for (const word of report.counts.keys()) {
    if (word.length < typed.length + CLIPPED_LETTERS_DROPPED || !word.startsWith(typed)) continue;
    if (found && stem(found) !== stem(word)) return null;
    if (!found || (report.counts.get(word) ?? 0) > (report.counts.get(found) ?? 0)) found = word;
  }
  return found;
}

/** The shortest cut word read as the report's longer word: "fent" (4), not "fen" or "ox". */
const CLIPPED_NAME_MIN_LETTERS = 4;
/** Letters a cut must drop at least: "fentan" of "fentanyl" (2) is also a typo's length. */
const CLIPPED_LETTERS_DROPPED = 3;

/** The shortest "-in" word read as a dropped "g": "doin" (4), not "rin" or "kin". */
const DROPPED_G_MIN_LETTERS = 4;

/**
 * "metamfetamine" for "methamphetamine": a word spelt by ear, too many edits away, read as the one
 * word that sounds the same; none where two words sound alike and neither is far more frequent.
 */
function soundAlike(typed: string, index: SpellIndex): string | null {
  const [first, second] = soundsLike(index, typed);
  if (!first) return null;
  if (!second) return first;
  const ratio = (index.counts.get(first) ?? 0) / Math.max(1, index.counts.get(second) ?? 0);
  return ratio >= 3 ? first : null;
}

/** Longest phrase first, as whole words, in any case. */
const PHRASES: readonly [RegExp, string][] = Object.entries(SYNONYMS.phrases)
  .sort(([a], [b]) => b.length - a.length)
  .map(([phrase, meant]) => [new RegExp(`\\b${phrase.replace(/\s+/g, "\\s+")}\\b`, "gi"), meant]);

function rephrase(question: string): string {
  return PHRASES.reduce((text, [phrase, meant]) => text.replace(phrase, meant), question);
}

/** A question as the engine reads it, and the report's words that stand in for a question word. */
export interface ReadQuestion {
  text: string;
  /** "imprisoned" for a question's "incarcerated": neighbours, weighed below a word as asked. */
  bridged: string[];
}

/** The question with shorthand expanded, typos corrected and set phrases rewritten. */
export function normalizeQuestion(question: string, report: SpellIndex): string {
  return readQuestion(question, report).text;
}

/** `normalizeQuestion`, with the neighbours read for words the report never uses. */
export function readQuestion(question: string, report: SpellIndex): ReadQuestion {
  const bridged: string[] = [];
  // Set phrases are read before spelling too, so a phrase's word is not respelt on its own first
  // ("the biggest bust" is a seizure before "bust" is read as the report's verb for it).
  return { text: rephrase(respell(rephrase(question), report, bridged)), bridged };
}

/**
 * "what about users, how many got treated": chat names what it counts first and asks "how many"
 * of it after a comma, the verb right after "how many". Read as "how many users got treated", so
 * the thing is what is counted. A topic that `isFilter` says is a place or a name ("what about
 * Westvale, how many were arrested") is what is asked about, not the thing counted: left as typed.
 */
const TOPIC_FIRST =
  /^(?:(?:and|so)\s+)?(?:(?:what|how)\s+about\s+)?([\p{L}\s-]{3,40}?),\s*how\s+(many|much)\s+(\p{L}+)\b(.*)$/iu;
/** A topic opening on a preposition, or on "of" (which the fact reader's list leaves out). */
const TOPIC_OPENERS_NOT: ReadonlySet<string> = new Set([...GRAMMAR.prepositions, "of"]);
const VERB_AFTER_COUNT: ReadonlySet<string> = new Set([
  ...GRAMMAR.auxiliaries,
  ...GRAMMAR.verbForms,
]);

export function topicFirst(question: string, isFilter: (topic: string) => boolean): string {
  const match = TOPIC_FIRST.exec(question);
  if (!match) return question;
  const [, topic = "", many = "", verb = "", rest = ""] = match;
  if (!VERB_AFTER_COUNT.has(verb.toLowerCase())) return question;
  // "of everyone arrested, how many …", "in total, how many …": a part or a frame, not a thing.
  const opener = words(topic)[0] ?? "";
  if (/\p{Lu}/u.test(topic) || TOPIC_OPENERS_NOT.has(opener) || isFilter(topic)) return question;
  return `how ${many} ${topic.trim()} ${verb}${rest}`;
}

/**
 * The question's tokens, a hyphenated word in its parts ("semi-submersibels" → "semi",
 * "submersibels"): the report's words are indexed in parts, so a typo is corrected part by part.
 * An apostrophe's parts stay one token ("couldn't" is no typo of "could").
 */
function spellingTokens(question: string): Token[] {
  return tokenize(question).flatMap((token) => (token.isWord ? piecesOf(token, HYPHEN) : [token]));
}

const HYPHEN = /-/;

/**
 * "Q1", "H2": shorthand the tokenizer splits into a letter and a digit, read as one token when the
 * two are written together and the shorthand table knows them ("q1" → "first quarter").
 */
function withLetterDigitShorthand(question: string, tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    const lower = next ? `${token.lower}${next.text.toLowerCase()}` : "";
    if (next && next.start === token.end && SHORTHAND.has(lower)) {
      const text = question.slice(token.start, next.end);
      joined.push({ ...token, text, lower, end: next.end });
      i++;
    } else joined.push(token);
  }
  return joined;
}

/** A clitic a shorthand word may carry: "wat's", "u'll", "ppl's". */
const CLITIC = /^(\p{L}+)(['’](?:s|re|ll|d|ve|m))$/u;

/**
 * The whole word a shorthand table rewrites, also with a clitic on it: "wat's" is "what's", as
 * "wat" is "what"; the clitic stays as typed.
 */
function shorthandOf(question: string, token: Token): string | undefined {
  if (!isWholeWord(question, token)) return undefined;
  const whole = SHORTHAND.get(token.lower);
  if (whole !== undefined) return whole;
  const [, base = "", clitic = ""] = CLITIC.exec(token.lower) ?? [];
  const expanded = SHORTHAND.get(base);
  return expanded !== undefined && !/\s/.test(expanded) ? expanded + clitic : undefined;
}

function respell(question: string, report: SpellIndex, bridged: string[]): string {
  let out = "";
  let at = 0;
  for (const token of withLetterDigitShorthand(question, spellingTokens(question))) {
    const expanded = shorthandOf(question, token);
    const replacement = expanded ?? correction(question, token, report);
    if (replacement === null || replacement === token.lower) continue;
    if (!expanded && bridgedWords.get(report)?.has(token.lower)) bridged.push(replacement);
    out += question.slice(at, token.start) + replacement;
    at = token.end;
  }
  return out + question.slice(at);
}
