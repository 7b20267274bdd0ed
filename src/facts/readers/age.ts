// Ages: "a 17-year-old courier", "the youngest was 13 years old", "Jane Doe, 38, of Dayton".

import { readNounPhrase } from "../phrases.js";
import { findPlaces } from "../places.js";
import { tail } from "../window.js";
import { clauseStart, type Reader, tokenIndexAt } from "./figure.js";

const AGE = { unit: "year", base: null, head: "age" } as const;
/** An age's subject: "age of" and whose age it is ("age of Dana Reyes"). */
const AGE_SUBJECT = "age of ";

/** Whose age a figure is ("Dana Reyes" of "Dana Reyes, 41"), or null for a figure that is no age. */
export function personAged(fact: { subject: string }): string | null {
  return fact.subject.startsWith(AGE_SUBJECT) ? fact.subject.slice(AGE_SUBJECT.length) : null;
}

/** "Dana Reyes, 41": an age says who someone is; it is not a figure they are ranked by. */
export function isAge(fact: { subject: string }): boolean {
  return fact.subject.startsWith(AGE_SUBJECT);
}

/** "a 17-year-old courier": the age of the noun that follows. */
export const readAgeAdjective: Reader = ({ match, rest, tokens }) => {
  const age = /^[-\s]years?[-\s]old\s+/i.exec(rest);
  const aged = age ? readNounPhrase(tokens, tokenIndexAt(tokens, match.end + age[0].length)) : null;
  if (!age || !aged) return null;
  const end = tokens[aged.next - 1]?.end ?? match.end + age[0].length;
  return {
    ...AGE,
    subject: `${AGE_SUBJECT}${aged.text}`,
    phraseEnd: tokenIndexAt(tokens, end),
    end,
  };
};

/** "the youngest user arrested was 13 years old": the age of the clause's subject. */
export const readYearsOld: Reader = ({ match, rest, tokens, at }) => {
  const yearsOld = /^\s+years?\s+old\b/i.exec(rest);
  if (!yearsOld) return null;
  const who = readNounPhrase(tokens, clauseStart(tokens, at));
  const end = match.end + yearsOld[0].length;
  return {
    ...AGE,
    subject: `${AGE_SUBJECT}${who?.text ?? "person"}`,
    phraseEnd: tokenIndexAt(tokens, end),
    end,
  };
};

/** A name's word, an initial or a quoted nickname ("Samuel “Sam” Reed", "Lee “Jo-Jo” Park"). */
const NAME_WORD = "(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*|[A-Z]\\.|[\"“][A-Z][\\w'’-]*[\"”])";
const AGED_NAME = new RegExp(`(${NAME_WORD}(?:\\s+${NAME_WORD}){1,4}),\\s*$`);

/**
 * "Jane Doe, 38, of Dayton": a number under 120 between commas right after a person's name. A
 * name that ends on a place ("Santa Cruz, 12,") is that place's; one with a place inside it
 * ("Omar Devon Pike", "Devon" a county) is still a person's.
 */
export const readAgeAfterName: Reader = ({ match, rest, sentence, at }) => {
  if (!/^,/.test(rest) || match.value >= 120) return null;
  const name = AGED_NAME.exec(tail(sentence.slice(0, match.start)))?.[1];
  if (!name || findPlaces(name).some((place) => place.end === name.length)) return null;
  return { ...AGE, subject: `${AGE_SUBJECT}${name}`, phraseEnd: at + 1, end: match.end };
};
