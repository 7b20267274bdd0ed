// A count and the noun it counts: "1,320 drug cases", "210 were minors", "12 arrested", "7 in Alberta".
import { actionLemma } from "../lexicon.js";
import { readNounPhrase, readNounPhraseBefore } from "../phrases.js";
import { countUnit } from "../units.js";
import type { Reader } from "./figure.js";

/** "1,320 drug cases", or past a copula, "210 were minors". */
export const readCountedNoun: Reader = ({ match, tokens, after }) => {
  const copula = /^(?:were|was|are|is)$/.test(tokens[after]?.lower ?? "");
  const phrase =
    readNounPhrase(tokens, after) ?? (copula ? readNounPhrase(tokens, after + 1) : null);
  if (!phrase) return null;
  const end = tokens[phrase.next - 1]?.end ?? match.end;
  const { text: subject, head, next: phraseEnd } = phrase;
  return { unit: countUnit(head), base: null, subject, head, phraseEnd, end };
};

/** "7 in Alberta, 3 in Manitoba": more of what the sentence already counts. */
export const readCountIn: Reader = ({ match, tokens, at, after }) =>
  /^(?:in|at)$/.test(tokens[after]?.lower ?? "")
    ? { unit: null, base: null, subject: "", head: null, phraseEnd: at + 1, end: match.end }
    : null;

const PEOPLE_VERBS = new Set(["arrest", "prosecute", "rescue", "rehabilitate"]);

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
