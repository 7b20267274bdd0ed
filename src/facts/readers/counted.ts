// A count and the noun it counts: "1,320 drug cases", "210 were minors", "12 arrested", "7 in Alberta".
import { PLACE_WORDS } from "../../lexicon/gazetteer.js";
import { GRAMMAR } from "../../lexicon/language.js";
import type { Token } from "../../text/tokenize.js";
import { AUXILIARIES, actionLemma, DETERMINERS, PREPOSITIONS } from "../lexicon.js";
import { readNounPhrase, readNounPhraseBefore } from "../phrases.js";
import { countUnit, singularize } from "../units.js";
import type { Reader } from "./figure.js";

/** "were described as", "are considered to be": the words between a count and the class it is put in. */
const CLASSED_AS =
  /^(?:described|considered|identified|classified|classed|listed|deemed|regarded|labelled|labeled|designated|categorized|categorised|counted|flagged|recorded)$/;

/** Past "were described as" / "are considered": the token where the class named starts, or -1. */
function classStart(tokens: Token[], at: number): number {
  if (!CLASSED_AS.test(tokens[at]?.lower ?? "")) return -1;
  let i = at + 1;
  if (tokens[i]?.lower === "as") i++;
  else if (tokens[i]?.lower === "to" && tokens[i + 1]?.lower === "be") i += 2;
  while (/^["“'‘]$/.test(tokens[i]?.text ?? "")) i++;
  return i;
}

/** "1,320 drug cases", or past a copula, "210 were minors", "61 were described as leaders". */
export const readCountedNoun: Reader = ({ match, tokens, after }) => {
  const copula = /^(?:were|was|are|is)$/.test(tokens[after]?.lower ?? "");
  const classed = copula ? classStart(tokens, after + 1) : -1;
  // "of whom 142 were sent to …": a verb after the copula says what was done, not what is counted.
  const verbAfter = copula && isVerbForm(tokens[after + 1]?.lower ?? "");
  const phrase =
    readNounPhrase(tokens, after) ??
    (classed !== -1 ? readNounPhrase(tokens, classed) : null) ??
    (copula && !verbAfter ? readNounPhrase(tokens, after + 1) : null);
  if (!phrase) return null;
  const end = tokens[phrase.next - 1]?.end ?? match.end;
  const { text: subject, head, next: phraseEnd } = phrase;
  return { unit: countUnit(head), base: null, subject, head, phraseEnd, end };
};

const VERB_FORMS: ReadonlySet<string> = new Set(GRAMMAR.verbForms);

/** "sent", "held", "extradited": an everyday verb's form, or a participle of a verb the lexicon knows. */
function isVerbForm(word: string): boolean {
  return VERB_FORMS.has(word) || (/ed$/.test(word) && actionLemma(word) !== null);
}

const PEOPLE_VERBS = new Set(["arrest", "prosecute", "rescue", "rehabilitate"]);
const GRAMMAR_WORDS = new Set([...AUXILIARIES, ...DETERMINERS, ...PREPOSITIONS]);

/** Plural nouns that name the kind of thing a list's names are ("several countries"), not what is counted. */
const LIST_KINDS = new Set([
  ...PLACE_WORDS.placeColumns,
  "nations",
  "partners",
  "agencies",
  "others",
]);

/** The noun a sentence counts, nearest first before `from`: a plural noun, or people by their verb. */
function countedBefore(tokens: Token[], from: number): string | null {
  for (let i = from - 1; i >= 0; i--) {
    const token = tokens[i];
    // A capital marks a name, except on the sentence's first word ("Arrests were made in …").
    const opens = tokens.slice(0, i).every((before) => !before.isWord);
    if (!token?.isWord || (/^\p{Lu}/u.test(token.text) && !opens)) continue;
    const plural = /[^su]s$/.test(token.lower) && token.lower.length > 3;
    const kind = LIST_KINDS.has(token.lower) || LIST_KINDS.has(singularize(token.lower));
    if (plural && !kind && !GRAMMAR_WORDS.has(token.lower)) return token.lower;
    const peopleVerb = /ed$/.test(token.lower) && PEOPLE_VERBS.has(actionLemma(token.lower) ?? "");
    if (token.lower === "people" || peopleVerb) return "people";
  }
  return null;
}

/**
 * "most arrests were in Spain (118), then France (26)": a count in brackets after a name counts
 * what the sentence counts, for that name.
 */
export const readBracketedCount: Reader = ({ match, tokens, at }) => {
  const name = tokens[at - 2];
  if (tokens[at - 1]?.text !== "(" || tokens[at + 1]?.text !== ")") return null;
  if (!name?.isWord || !/^\p{Lu}/u.test(name.text)) return null;
  const counted = countedBefore(tokens, at - 2);
  if (!counted) return null;
  const unit = countUnit(counted);
  return { unit, base: null, subject: counted, head: counted, phraseEnd: at + 1, end: match.end };
};

/** "7 in Alberta, 3 in Manitoba": more of what the sentence already counts. */
export const readCountIn: Reader = ({ match, tokens, at, after }) =>
  /^(?:in|at)$/.test(tokens[after]?.lower ?? "")
    ? { unit: null, base: null, subject: "", head: null, phraseEnd: at + 1, end: match.end }
    : null;

/** "6 charged in state indictment", "12 arrested": people, by what happened to them. */
export const readPeopleByVerb: Reader = ({ match, tokens, at, after }) =>
  PEOPLE_VERBS.has(actionLemma(tokens[after]?.lower ?? "") ?? "")
    ? {
        unit: "person",
        base: null,
        subject: "people",
        head: "people",
        phraseEnd: at + 1,
        end: match.end,
      }
    : null;

/** "seized drugs 312.5": the noun right before the figure. Always reads something. */
export const readNounBefore: Reader = ({ match, tokens, at }) => {
  const before = readNounPhraseBefore(tokens, at);
  const subject = before?.text ?? "";
  return {
    unit: null,
    base: null,
    subject,
    head: before?.head ?? null,
    phraseEnd: at + 1,
    end: match.end,
  };
};
