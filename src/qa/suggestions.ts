import { actionLemma, DETERMINERS, FILLER_MODIFIERS } from "../facts/lexicon.js";
import { findPlaces } from "../facts/places.js";
import type { Fact } from "../facts/schema.js";
import { countUnit, singularize, TIME_UNITS } from "../facts/units.js";
import { PLACE_WORDS } from "../lexicon/gazetteer.js";
import { tokenize } from "../text/tokenize.js";
import { pastParticiple, placeName } from "./phrasing.js";
import { concept } from "./vocabulary.js";

const MAX_SUGGESTION_LENGTH = 100;
/**
 * Questions kept of each kind (figures, places), the first ones: more than any report of the genre
 * yields (a few dozen in all), so only a very large report is cut, where every unanswered question
 * would otherwise search thousands.
 */
export const MAX_SUGGESTIONS = 64;
const MASS_WORDS = new Map<string, string>(
  Object.entries({ t: "tons", kg: "kilograms", lb: "pounds", g: "grams", L: "litres" }),
);
/** A rise or fall is what a figure did, not something done to what it counts. */
const CHANGES = new Set(["increase", "decrease"]);
/** Words that leave a counted phrase unfinished or make it a comparison: "remaining", "fewer miles". */
const OPEN_WORDS = new Set([
  "remaining",
  "more",
  "fewer",
  "less",
  "additional",
  "whose",
  "which",
  "also",
  "them",
  "capable",
]);
const MAX_SUBJECT_WORDS = 4;

/** A noun phrase a question can ask about: a few plain words, none a verb form, no place name. */
function isPlainSubject(subject: string): boolean {
  const words = subject.split(/\s+/);
  if (words.length > MAX_SUBJECT_WORDS || subject.startsWith("age of ")) return false;
  if (words.some((word) => !/^[a-z][a-z'-]+$/.test(word) || /[^e]ed$/.test(word))) return false;
  if (words.some((word) => OPEN_WORDS.has(word))) return false;
  // The counted noun ends the phrase: "How many smuggling …" asks nothing.
  if (/ing$/.test(words[words.length - 1] ?? "")) return false;
  const first = words[0] ?? "";
  if (DETERMINERS.has(first) || FILLER_MODIFIERS.has(first)) return false;
  const capitalised = subject.replace(/\b\w/g, (c) => c.toUpperCase());
  return findPlaces(capitalised).length === 0;
}

/**
 * The figure's own sentence does the action to what it counts: "seized 40 kg", "12 arrested",
 * "300 pills were seized". Not "900 officers carried out raids", whose officers did the action.
 */
function isActedOn(fact: Fact, action: string): boolean {
  const at = fact.quote.indexOf(fact.text);
  if (at === -1) return false;
  const isVerb = (word: string | undefined) =>
    word !== undefined && VERB_FORM.test(word) && actionLemma(word) === action;
  const before = tokenize(fact.quote.slice(Math.max(0, at - 60), at)).slice(-5);
  // A verb, not the noun ("arrests were made in 39 of the cases" arrests no cases).
  if (before.some((token) => isVerb(token.lower))) return true;
  const after = tokenize(fact.quote.slice(at + fact.text.length, at + fact.text.length + 40));
  const bare = /^[\d,.\s$]+$/.test(fact.text);
  if (bare && isVerb(after[0]?.lower)) return true;
  const passive = after.findIndex((token) => /^(?:were|was|are|is|been)$/.test(token.lower));
  return passive !== -1 && passive <= 2 && isVerb(after[passive + 1]?.lower);
}

/** A verb form: "seized", "destroying", "caught", "taken", "found"; never a noun such as "arrests". */
const VERB_FORM = /(?:ed|ing|ught|ken|und)$/;

/** "How many arrests were arrested?": a subject that names the action itself is asked as "made". */
function namesTheAction(subject: string, action: string): boolean {
  const head = subject.split(/\s+/).pop() ?? "";
  return actionLemma(head) === action;
}

function isMoney(unit: string | null): boolean {
  return unit !== null && /^[A-Z]{3}$/.test(unit);
}

/** Verbs done to things, never to people or places: "How many victims were cracked?" asks nothing. */
const THING_VERBS = new Set(["seize", "crack", "destroy", "launch"]);
const PLACE_KINDS: ReadonlySet<string> = new Set(PLACE_WORDS.placeColumns);

function fitsVerb(subject: string, action: string): boolean {
  const head = subject.split(/\s+/).pop() ?? "";
  if (PLACE_KINDS.has(singularize(head))) return false;
  return !THING_VERBS.has(action) || countUnit(head) !== "person";
}

function questionFor(fact: Fact): string | null {
  const verb = pastParticiple(fact.action);
  if (!verb || !fact.action || CHANGES.has(fact.action) || !fact.subject) return null;
  if (fact.unit === "percent" || TIME_UNITS.has(fact.unit ?? "")) return null;
  if (!isPlainSubject(fact.subject) || !fitsVerb(fact.subject, fact.action)) return null;
  if (!isActedOn(fact, fact.action)) return null;
  // "sent to rehabilitation" is asked in those words only where the report says them.
  const quote = fact.quote.toLowerCase();
  if (verb.includes(" ") && !verb.split(" ").every((word) => quote.includes(word))) return null;
  const place = fact.places[0];
  const where =
    fact.scope === "local" && fact.places.length === 1 && place ? ` in ${placeName(place)}` : "";
  const massWord = fact.unit ? MASS_WORDS.get(fact.unit) : undefined;
  if (massWord) {
    // "How many tons of cases were seized?": a weight is of a substance, not of cases or seizures.
    const head = fact.subject.split(/\s+/).pop() ?? "";
    if (namesTheAction(fact.subject, fact.action) || concept(head) === concept("case")) return null;
    return `How many ${massWord} of ${fact.subject} were ${verb}${where}?`;
  }
  if (isMoney(fact.unit)) {
    // "How much cash was seized?", never "How much losses was seized?".
    if (concept(fact.subject.split(/\s+/).pop() ?? "") !== concept("cash")) return null;
    // "How much in assets was seized?": a plural is asked for as a sum.
    const sum = /[^s]s$/.test(fact.subject) ? `in ${fact.subject}` : fact.subject;
    return `How much ${sum} was ${verb}${where}?`;
  }
  if (namesTheAction(fact.subject, fact.action))
    return `How many ${fact.subject} were made${where}?`;
  return `How many ${fact.subject} were ${verb}${where}?`;
}

/** Questions the report can answer, national figures first, then places. */
export function suggestionsFor(facts: Fact[]): string[] {
  const ordered = [...facts].sort(
    (a, b) => Number(a.scope === "local") - Number(b.scope === "local"),
  );
  const fromFacts = ordered.map(questionFor).filter((q): q is string => q !== null);
  // Local figures only: "What are China's figures?" in a Chinese report is just the national list.
  const places = [
    ...new Set(
      facts.filter((f) => f.places.length === 1 && f.scope === "local").flatMap((f) => f.places),
    ),
  ];
  const placeQuestions = places.map((place) => `What are the figures for ${placeName(place)}?`);
  const kept = (questions: string[]) =>
    [...new Set(questions)]
      .filter((q) => q.length <= MAX_SUGGESTION_LENGTH)
      .slice(0, MAX_SUGGESTIONS);
  return [
    ...new Set([...kept(fromFacts), ...superlativeQuestions(facts), ...kept(placeQuestions)]),
  ].filter((q) => q.length <= MAX_SUGGESTION_LENGTH);
}

/** "Which province seized the most drugs?" when several places report seizures by weight. */
function superlativeQuestions(facts: Fact[]): string[] {
  const local = facts.filter(
    (f) => f.base && f.action === "seize" && f.places.length === 1 && isPlainSubject(f.subject),
  );
  if (new Set(local.flatMap((f) => f.places)).size < 2) return [];
  const counts = new Map<string, number>();
  for (const fact of local) counts.set(fact.subject, (counts.get(fact.subject) ?? 0) + 1);
  const subject = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!subject) return [];
  return [`Where ${/[^s]s$/.test(subject) ? "were" : "was"} the most ${subject} seized?`];
}
