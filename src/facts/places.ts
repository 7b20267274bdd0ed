/**
 * Gazetteer lookups: find countries, Chinese provinces, US states and cities in report text and
 * in user questions. Pure functions over the gazetteer in src/lexicon/gazetteer/*.json.
 *
 * Decisions (see also the tests):
 * - Running text (findPlaces): single-word names and demonyms must be capitalised ("China", not
 *   "china" the material); multiword names match in any case; acronyms ("US", "UK", "NYC") and
 *   AP state abbreviations (", Calif.") only in their exact case.
 * - Questions (findPlacesInQuestion): any case, except "US" (the pronoun "us"), an acronym
 *   typed in lower case that is an English word ("la", "me"), and names that are
 *   everyday words ("turkey", "chad", "jordan", "guinea", "polish", ...), which need a capital or
 *   a preceding "in"/"from"/"to"/... Then typo-tolerant matching (Damerau–Levenshtein, same first
 *   letter, names of ≥ 5 letters, 1 edit, 2 for ≥ 9 letters), never for a word of the English
 *   dictionary (src/text/english.ts: "human" ≠ Hunan, "main" ≠ Maine), and never when the
 *   typo is equally close to two places.
 * - "Georgia" is the country; it becomes "Georgia (US state)" when a US state or city is named
 *   in the same sentence (within 100 characters), or it follows "District of" (as in DOJ releases).
 * - "Washington" is the state; "Washington, D.C." / "D.C." is "District of Columbia" (kind "state").
 *   "New York" is the state; "New York City", "NYC", "New York, N.Y." the city.
 * - Taiwan, Hong Kong and Macau are provinces of China (34 provincial-level divisions).
 * - "America" is the United States, but "South/Latin/Central/North America" are no place at all.
 * - "Congolese" → Democratic Republic of the Congo; "Dominican" → Dominican Republic; "Korean" →
 *   South Korea; "Sino-X" → China and X.
 * - English-word cities (Nice, Reading, Mobile, Bath, Split, Victoria) are left out on purpose.
 */

import {
  CHINA as CHINA_ROWS,
  COUNTRIES,
  PLACE_WORDS,
  REGIONS,
  WORLD_CITIES,
} from "../lexicon/gazetteer.js";
import { editDistance } from "../text/editDistance.js";
import { isCommonEnglishWord } from "../text/english.js";
import { BoundedMemory } from "../text/memory.js";
import { type Token, wordPieces } from "../text/tokenize.js";

export type PlaceKind = "country" | "province" | "state" | "city";

export interface Place {
  name: string;
  kind: PlaceKind;
  country: string;
  aliases: string[];
}

export interface PlaceMention {
  place: Place;
  start: number;
  end: number;
  text: string;
}

/** How a surface form may match in running text. */
type CaseRule = "anyCase" | "capitalised" | "exact" | "afterComma" | "beforeHyphen";

interface Surface {
  /** The form as written in the data (without its "=" / "," marker). */
  form: string;
  /** undefined for "not a place" phrases, which match only to block shorter matches. */
  place: Place | undefined;
  rule: CaseRule;
}

// ---------- building the gazetteer ----------

/** Printable ASCII but the backtick (folded to an apostrophe): needs no accent folding. */
const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

const WORD_LIKE_NAMES: ReadonlySet<string> = new Set(PLACE_WORDS.wordLikeNames);

/** Strips the "=" / "," markers; the markers only steer matching. */
function bareForm(form: string): string {
  return form.startsWith("=") || form.startsWith(",") ? form.slice(1) : form;
}

function pluralDemonym(demonym: string): string | undefined {
  if (/(?:s|sh|ch|x|z|ese|i)$/.test(demonym) || demonym.includes(" ")) return undefined;
  return `${demonym}s`;
}

function buildPlaces(): { places: Place[]; demonyms: Map<Place, string[]> } {
  const places: Place[] = [];
  const demonyms = new Map<Place, string[]>();
  const add = (name: string, kind: PlaceKind, country: string, aliases: string[]): Place => {
    const place: Place = { name, kind, country, aliases: aliases.map(bareForm) };
    places.push(place);
    rawAliases.set(place, aliases);
    return place;
  };
  // "Andalusian", "Kentuckians": a region's demonyms name it as a country's do.
  const called = (place: Place, forms: string[] = []) => {
    if (forms.length > 0)
      demonyms.set(place, [...forms, ...forms.flatMap((d) => pluralDemonym(d) ?? [])]);
  };
  for (const { name, aliases = [], demonyms: forms } of COUNTRIES) {
    called(add(name, "country", name, aliases), forms);
  }
  for (const { name, aliases = [], nonProvince } of CHINA_ROWS.provinces) {
    add(name, "province", "China", nonProvince ? aliases : [...aliases, `${name} Province`]);
  }
  for (const { name, aliases = [] } of CHINA_ROWS.cities) {
    add(name, "city", "China", [...aliases, `${name} City`, `${name} Prefecture`]);
  }
  for (const { name, aliases = [], demonyms: forms } of REGIONS.usStates) {
    const plain = !name.includes("(") && name !== "District of Columbia" && name !== "Puerto Rico";
    const generated = plain ? [`${name} State`, `State of ${name}`] : [];
    called(add(name, "state", "United States", [...aliases, ...generated]), forms);
  }
  for (const { name, aliases = [], demonyms: forms } of REGIONS.mexicoStates) {
    called(add(name, "state", "Mexico", [...aliases, `${name} State`, `State of ${name}`]), forms);
  }
  for (const { name, country, aliases = [], demonyms: forms } of REGIONS.other)
    called(add(name, "state", country, aliases), forms);
  for (const { name, country, aliases = [] } of WORLD_CITIES) add(name, "city", country, aliases);
  return { places, demonyms };
}

const rawAliases = new Map<Place, string[]>();
const built = buildPlaces();

export const PLACES: readonly Place[] = built.places;

/** "americans", "canadians": plural demonyms, which count people. */
const PEOPLE_DEMONYMS: ReadonlySet<string> = new Set(
  [...built.demonyms.values()]
    .flat()
    .filter((form) => /s$/.test(form))
    .map((form) => form.toLowerCase()),
);

/** Whether a word is one of a place's demonyms ("Andalusian" of Andalusia), in any case. */
export function isDemonymOf(word: string, place: Place): boolean {
  const form = normalizeForm(word);
  return (built.demonyms.get(place) ?? []).some((demonym) => normalizeForm(demonym) === form);
}

export function isPeopleDemonym(word: string): boolean {
  return PEOPLE_DEMONYMS.has(word.toLowerCase());
}

const BY_NAME: ReadonlyMap<string, Place> = (() => {
  const map = new Map<string, Place>();
  for (const place of PLACES) {
    for (const form of [place.name, ...place.aliases]) {
      const key = normalizeForm(form);
      if (!map.has(key)) map.set(key, place);
    }
  }
  return map;
})();

/** Look up by canonical name or alias (case- and accent-insensitive). */
export function placeByName(name: string): Place | undefined {
  return BY_NAME.get(normalizeForm(name.trim()));
}

function requirePlace(name: string): Place {
  const place = placeByName(name);
  if (!place) throw new Error(`factdesk: gazetteer has no place named ${name}`);
  return place;
}

for (const place of PLACES) requirePlace(place.country);
const CHINA = requirePlace("China");
const GEORGIA_COUNTRY = requirePlace("Georgia");
const GEORGIA_STATE = requirePlace("Georgia (US state)");

// ---------- normalisation and tokens ----------

/** Lower case, no accents, one kind of apostrophe and hyphen, single spaces. */
export function normalizeForm(text: string): string {
  // Most words are plain ASCII, which needs no accent folding: the hot path of every place lookup.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, " ");
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/\s+/g, " ");
}

/** Same as normalizeForm but keeps case, for exact-case forms. */
function normalizeSpacing(text: string): string {
  return text.replace(/[’ʼ‘`´]/g, "'").replace(/\s+/g, " ");
}

function isAcronym(form: string): boolean {
  return /^[A-Z.\s]+$/.test(form) && (form.match(/[A-Z]/g) ?? []).length >= 2;
}

function caseRuleOf(form: string): CaseRule {
  if (form.startsWith("=")) return "exact";
  if (form.startsWith(",")) return "afterComma";
  if (isAcronym(form)) return "exact";
  return /[\s-]/.test(form) ? "anyCase" : "capitalised";
}

// ---------- the surface index ----------

const SURFACES: ReadonlyMap<string, readonly Surface[]> = (() => {
  const map = new Map<string, Surface[]>();
  const put = (rawForm: string, place: Place | undefined, rule = caseRuleOf(rawForm)) => {
    const form = bareForm(rawForm);
    const key = normalizeForm(form);
    const list = map.get(key) ?? [];
    if (!list.some((s) => s.place === place && s.rule === rule)) list.push({ form, place, rule });
    map.set(key, list);
  };
  for (const phrase of PLACE_WORDS.notPlaces) put(phrase, undefined);
  for (const place of PLACES) {
    put(place.name, place);
    for (const alias of rawAliases.get(place) ?? []) put(alias, place);
    for (const demonym of built.demonyms.get(place) ?? []) put(demonym, place);
  }
  put("Sino", CHINA, "beforeHyphen");
  return map;
})();

/** For each first word, the most words any form starting with it has. */
const MAX_WORDS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const key of SURFACES.keys()) {
    const pieces = wordPieces(key).map((piece) => piece.text);
    const words = pieces.length > 0 ? pieces : [key];
    const first = words[0] ?? key;
    map.set(first, Math.max(map.get(first) ?? 0, words.length));
  }
  return map;
})();

// ---------- exact matching ----------

type Mode = "text" | "question";

const PLACE_CONTEXT_WORDS = new Set(
  "in from to into via through across of at for by between and or vs versus with about than outside inside within near against".split(
    " ",
  ),
);

function isCapitalised(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

function previousWord(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 40), start).match(/([\p{L}]+)[^\p{L}]*$/u);
  return (before?.[1] ?? "").toLowerCase();
}

function accepts(surface: Surface, text: string, start: number, end: number, mode: Mode): boolean {
  const written = text.slice(start, end);
  switch (surface.rule) {
    case "exact":
      return (
        normalizeSpacing(written) === normalizeSpacing(surface.form) ||
        (mode === "question" && chatAcronym(surface.form, written))
      );
    case "afterComma":
      return (
        written === surface.form && /,\s{0,3}$/.test(text.slice(Math.max(0, start - 4), start))
      );
    case "beforeHyphen":
      return /^[-‐‑–]/.test(text.slice(end)) && (mode === "question" || isCapitalised(written));
    case "anyCase":
      return true;
    case "capitalised": {
      if (isCapitalised(written)) return true;
      if (mode === "text") return false;
      if (!WORD_LIKE_NAMES.has(normalizeForm(written))) return true;
      return PLACE_CONTEXT_WORDS.has(previousWord(text, start));
    }
  }
}

/** "nyc", "uae": chat types an acronym in lower case; two letters ("us", "de") stay words. */
function chatAcronym(form: string, written: string): boolean {
  if (!isAcronym(form) || written !== written.toLowerCase()) return false;
  const letters = written.replace(/[.\s]/g, "");
  return (
    letters.length >= 3 &&
    normalizeForm(form).replace(/[.\s]/g, "") === letters &&
    !isCommonEnglishWord(letters)
  );
}

interface Span {
  start: number;
  end: number;
  /** Index of the first token after the span. */
  next: number;
  place: Place | undefined;
}

/** The longest accepted surface form starting at token i, if any. */
function longestAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  mode: Mode,
): Span | undefined {
  const first = tokens[i];
  if (!first) return;
  // A piece holds no space, so a plain ASCII one normalizes to its lower case: no second pass.
  const maxWords = MAX_WORDS.get(
    PLAIN_ASCII.test(first.text) ? first.lower : normalizeForm(first.text),
  );
  if (!maxWords) return;
  for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
    const last = tokens[i + n - 1];
    if (!last) continue;
    // A trailing "." or "$" can belong to the form ("U.S.", "US$").
    const ends = /[.$]/.test(text.charAt(last.end)) ? [last.end + 1, last.end] : [last.end];
    for (const end of ends) {
      const surfaces = SURFACES.get(normalizeForm(text.slice(first.start, end)));
      const surface = surfaces?.find((s) => accepts(s, text, first.start, end, mode));
      if (surface) return { start: first.start, end, next: i + n, place: surface.place };
    }
  }
  return;
}

/** Left to right, the span found at each token, going on after it: spans never overlap. */
function scanSpans(length: number, spanAt: (i: number) => Span | undefined): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < length) {
    const span = spanAt(i);
    if (span) {
      spans.push(span);
      i = span.next;
    } else {
      i++;
    }
  }
  return spans;
}

function exactSpans(text: string, tokens: readonly Token[], mode: Mode): Span[] {
  return scanSpans(tokens.length, (i) => longestAt(text, tokens, i, mode));
}

// ---------- disambiguation ----------

const US_CONTEXT_WINDOW = 100;
/** A sentence end: "lowercase word." + space; "U.S." and "Ga." do not end sentences here. */
const SENTENCE_END = /\p{Ll}{2}[.!?]\s|\n\s*\n/u;

function sameSentence(text: string, a: number, b: number): boolean {
  return (
    Math.abs(a - b) <= US_CONTEXT_WINDOW &&
    !SENTENCE_END.test(text.slice(Math.min(a, b), Math.max(a, b)))
  );
}

function isUsSubdivision(place: Place): boolean {
  return place.country === "United States" && place.kind !== "country";
}

/**
 * The US state a country's name also names ("Georgia"), or null. A report at home in the United
 * States means the state by it wherever it stands ("the Georgia Bureau of Investigation" names no
 * US city beside it), and a question about such a report does too.
 */
export function usStateNamed(place: Place): Place | null {
  return place === GEORGIA_COUNTRY ? GEORGIA_STATE : null;
}

/** A report at home in the United States: each country named as a state is that state. */
export function asUsStates(mentions: readonly PlaceMention[]): PlaceMention[] {
  return mentions.map((mention) => {
    const state = usStateNamed(mention.place);
    return state ? { ...mention, place: state } : mention;
  });
}

/** "Georgia" is the country unless US states/cities are named nearby or "District of" precedes. */
function resolveGeorgia(text: string, mentions: PlaceMention[]): PlaceMention[] {
  return mentions.map((mention) => {
    if (mention.place !== GEORGIA_COUNTRY || normalizeForm(mention.text) !== "georgia") {
      return mention;
    }
    const districtOf = /district of\s*$/i.test(
      text.slice(Math.max(0, mention.start - 20), mention.start),
    );
    const usNearby = mentions.some(
      (other) =>
        other !== mention &&
        isUsSubdivision(other.place) &&
        sameSentence(text, other.start, mention.start),
    );
    return districtOf || usNearby ? { ...mention, place: GEORGIA_STATE } : mention;
  });
}

/** The country a place lies in: a country is its own. */
function countryOf(place: Place): string {
  return place.kind === "country" ? place.name : place.country;
}

/**
 * "Canton, Ohio", "Paris, Texas": a city name followed by a state or province of another country
 * is a town of that name there, not the city the gazetteer knows ("Canton" of China): the city's
 * mention is dropped and the state stands for the place.
 */
function dropForeignTwins(text: string, mentions: PlaceMention[]): PlaceMention[] {
  return mentions.filter((mention, i) => {
    const next = mentions[i + 1];
    return !(
      next &&
      mention.place.kind === "city" &&
      (next.place.kind === "state" || next.place.kind === "province") &&
      /^,\s*$/.test(text.slice(mention.end, next.start)) &&
      countryOf(mention.place) !== countryOf(next.place)
    );
  });
}

function toMentions(text: string, spans: readonly Span[]): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const span of spans) {
    if (!span.place) continue;
    mentions.push({
      place: span.place,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
    });
  }
  return resolveGeorgia(text, dropForeignTwins(text, mentions));
}

/** Whole-word matches of place names, aliases and demonyms in report text, in text order. */
export function findPlaces(text: string): readonly PlaceMention[] {
  const texts = buildTexts ?? RECENT_TEXTS;
  const known = texts.get(text);
  if (known) return known;
  const mentions = Object.freeze(toMentions(text, exactSpans(text, wordPieces(text), "text")));
  if (texts === RECENT_TEXTS && RECENT_TEXTS.size >= RECENT_LIMIT) RECENT_TEXTS.clear();
  texts.set(text, mentions);
  return mentions;
}

/**
 * Extraction, entities and the index each look for places in the same sentences and paragraphs;
 * the answer for a text is remembered, up to a few thousand texts, so each text is read once.
 */
const RECENT_TEXTS = new Map<string, readonly PlaceMention[]>();
const RECENT_LIMIT = 4000;
/**
 * During one report's build, every text's answer is remembered until the build ends: each of its
 * passes reads every paragraph or sentence in turn, which a bounded memory forgets before the next.
 */
let buildTexts: Map<string, readonly PlaceMention[]> | null = null;

/** Runs one synchronous build with every text's places remembered for its length only. */
export function withPlacesRemembered<T>(build: () => T): T {
  if (buildTexts) return build();
  buildTexts = new Map();
  try {
    return build();
  } finally {
    buildTexts = null;
  }
}

// ---------- typo-tolerant matching for questions ----------

/**
 * Edits allowed for a typo of a place word: 1, or 2 from 9 letters; none under 5 letters, except
 * 4-letter words inside a multiword name whose other words are typed right ("new yrok").
 */
export function typoBudget(placeWord: string, inPhrase = false): number {
  if (placeWord.length < (inPhrase ? 4 : 5)) return 0;
  return placeWord.length >= 9 ? 2 : 1;
}

interface FuzzyKey {
  words: string[];
  place: Place;
}

/** Letters only: "xi'an" → "xian", "pu-er" stays two words. */
function fuzzyWords(form: string): string[] {
  return normalizeForm(form)
    .replace(/['.]/g, "")
    .split(/[\s,-]+/)
    .filter((w) => w !== "");
}

const FUZZY_KEYS: readonly FuzzyKey[] = (() => {
  const keys: FuzzyKey[] = [];
  for (const surfaces of SURFACES.values()) {
    for (const surface of surfaces) {
      if (!surface.place || surface.rule === "exact" || surface.rule === "afterComma") continue;
      if (surface.rule === "beforeHyphen") continue;
      keys.push({ words: fuzzyWords(surface.form), place: surface.place });
    }
  }
  return keys;
})();

/** Typo candidates by word count, first letter and first word's length: the things a typo keeps. */
const FUZZY_INDEX: ReadonlyMap<string, readonly FuzzyKey[]> = (() => {
  const index = new Map<string, FuzzyKey[]>();
  for (const key of FUZZY_KEYS) {
    const first = key.words[0] ?? "";
    const bucket = `${key.words.length}:${first[0] ?? ""}:${first.length}`;
    const keys = index.get(bucket);
    if (keys) keys.push(key);
    else index.set(bucket, [key]);
  }
  return index;
})();

/** Most edits any word typo may carry (`typoBudget`): first words further apart in length never match. */
const MAX_TYPO_EDITS = 2;

interface FirstWordMatch {
  key: FuzzyKey;
  /** Edits between the typed first word and the name's. */
  edits: number;
}

/** Typed first words looked up already: questions share their words, and a look-up scans a bucket. */
const FIRST_WORD_CACHE_SIZE = 20_000;
const firstWordMatches = new BoundedMemory<FirstWordMatch[]>(FIRST_WORD_CACHE_SIZE);

/**
 * Names of as many words as typed whose first word `wordTypo` accepts as the typed first word:
 * only those of the same first letter and about as long are tried.
 */
function typoCandidates(typedWords: readonly string[]): FirstWordMatch[] {
  const first = typedWords[0] ?? "";
  return firstWordMatches.recall(`${typedWords.length}:${first}`, () => {
    const found: FirstWordMatch[] = [];
    for (
      let length = first.length - MAX_TYPO_EDITS;
      length <= first.length + MAX_TYPO_EDITS;
      length++
    ) {
      for (const key of FUZZY_INDEX.get(`${typedWords.length}:${first[0] ?? ""}:${length}`) ?? []) {
        const edits = wordTypo(first, key.words[0] ?? "", key.words.length > 1);
        if (edits !== undefined) found.push({ key, edits });
      }
    }
    return found;
  });
}

/** Every word that is, on its own, an exact place form: those never count as typos. */
const EXACT_WORDS: ReadonlySet<string> = new Set(
  FUZZY_KEYS.filter((k) => k.words.length === 1).map((k) => k.words[0] ?? ""),
);

/** The shortest word `wordTypo` reads as a typo (a swap or an edit alike). */
const MIN_TYPO_LETTERS = 4;

/** Two neighbouring letters swapped, the one typo short names are allowed. */
function isSwap(typed: string, placeWord: string): boolean {
  if (typed.length !== placeWord.length || typed.length < MIN_TYPO_LETTERS) return false;
  let i = 0;
  while (i < typed.length && typed[i] === placeWord[i]) i++;
  if (i >= typed.length - 1) return false;
  if (typed[i] !== placeWord[i + 1] || typed[i + 1] !== placeWord[i]) return false;
  return typed.slice(i + 2) === placeWord.slice(i + 2);
}

/** Whether `typed` may be read as a typo of `placeWord`; returns the edit count or undefined. */
function wordTypo(typed: string, placeWord: string, inPhrase: boolean): number | undefined {
  if (typed === placeWord) return 0;
  if (isSwap(typed, placeWord) && !isCommonEnglishWord(typed)) return 1; // "loas" → Laos
  const budget = typoBudget(placeWord, inPhrase);
  if (budget === 0 || typed.length < MIN_TYPO_LETTERS || typed[0] !== placeWord[0])
    return undefined;
  if (EXACT_WORDS.has(typed) || /\d/.test(typed)) return undefined;
  // The distance before the dictionary: most words are no typo of any place, and asking the
  // dictionary the first time costs a cold start its parse.
  const distance = editDistance(typed, placeWord, budget);
  if (distance > budget || isCommonEnglishWord(typed)) return undefined;
  return distance;
}

/** Each typed phrase's typo match (null: none), remembered: questions share most of their phrases. */
const TYPO_MATCHES_KEPT = 20_000;
const typoMatches = new BoundedMemory<Place | null>(TYPO_MATCHES_KEPT);

/** The place a typed phrase is a typo of, if exactly one is closest. */
export function typoMatch(typedWords: readonly string[]): Place | undefined {
  const key = typedWords.join("\u0000");
  return typoMatches.recall(key, () => closestTypo(typedWords) ?? null) ?? undefined;
}

function closestTypo(typedWords: readonly string[]): Place | undefined {
  let best = Number.POSITIVE_INFINITY;
  let found = new Set<Place>();
  for (const { key, edits: firstEdits } of typoCandidates(typedWords)) {
    let total = firstEdits;
    let exactWords = firstEdits === 0 ? 1 : 0;
    for (let w = 1; w < key.words.length && total <= best; w++) {
      const edits = wordTypo(typedWords[w] ?? "", key.words[w] ?? "", key.words.length > 1);
      if (edits === undefined) total = Number.POSITIVE_INFINITY;
      else {
        total += edits;
        if (edits === 0) exactWords++;
      }
    }
    if (total === 0 || total === Number.POSITIVE_INFINITY) continue;
    if (key.words.length > 1 && exactWords === 0) continue;
    if (total < best) {
      best = total;
      found = new Set([key.place]);
    } else if (total === best) {
      found.add(key.place);
    }
  }
  // A typo equally close to two places is not guessed.
  return found.size === 1 ? [...found][0] : undefined;
}

const MAX_TYPO_WORDS = 3;

const WORD_GAP = /^[\s-]+$/;

/** Tokens i … i + n - 1 are all free and joined only by spaces or hyphens. */
function freeRun(
  question: string,
  tokens: readonly Token[],
  free: readonly boolean[],
  i: number,
  n: number,
): boolean {
  for (let k = i; k < i + n; k++) {
    if (!free[k]) return false;
    const before = tokens[k - 1];
    if (k > i && !WORD_GAP.test(question.slice(before?.end ?? 0, tokens[k]?.start))) return false;
  }
  return true;
}

/**
 * Whether words i … i + n - 1 may be a typo of a place: `wordTypo` finds a typo only in a word of
 * 4 letters or more, so a run of shorter words ("how", "in the") is not looked up at all.
 */
function mayHoldTypo(forms: readonly string[], i: number, n: number): boolean {
  for (let k = i; k < i + n; k++) if ((forms[k] ?? "").length >= MIN_TYPO_LETTERS) return true;
  return false;
}

/**
 * The longest run of free tokens from `i`, up to a few words, that is a typo of a place name.
 * `forms` are the tokens' normalised forms, worked out once per question.
 */
function typoSpanAt(
  question: string,
  tokens: readonly Token[],
  forms: readonly string[],
  free: readonly boolean[],
  i: number,
): Span | undefined {
  for (let n = Math.min(MAX_TYPO_WORDS, tokens.length - i); n >= 1; n--) {
    const first = tokens[i];
    const last = tokens[i + n - 1];
    if (!first || !last || !mayHoldTypo(forms, i, n) || !freeRun(question, tokens, free, i, n))
      continue;
    const place = typoMatch(forms.slice(i, i + n));
    if (place) return { start: first.start, end: last.end, next: i + n, place };
  }
  return undefined;
}

function typoSpans(question: string, tokens: readonly Token[], claimed: readonly Span[]): Span[] {
  const free = tokens.map((t) => !claimed.some((s) => t.start < s.end && s.start < t.end));
  const forms = tokens.map((t, i) =>
    free[i] ? normalizeForm(question.slice(t.start, t.end)) : "",
  );
  return scanSpans(tokens.length, (i) => typoSpanAt(question, tokens, forms, free, i));
}

/** For user questions: any case, tolerant of typos in place names, never of English words. */
export function findPlacesInQuestion(question: string): PlaceMention[] {
  const tokens = wordPieces(question);
  const exact = exactSpans(question, tokens, "question");
  const spans = [...exact, ...typoSpans(question, tokens, exact)].sort((a, b) => a.start - b.start);
  return toMentions(question, spans);
}
