// "the number of dock workers on strike rose to 4,200", "bringing the total number of designated
// ports to 63": the figure is the new level of what the sentence counts, named before it.
import { readNounPhrase } from "../phrases.js";
import { countUnit } from "../units.js";
import { type Reader, tokenIndexAt } from "./figure.js";

const NUMBER_OF = /\bthe (?:total |overall )?(?:number|total|count) of\s+/gi;
/** From what is counted to the figure: a verb of level or change, then "to", "at" or nothing. */
const LEVEL_VERB =
  /^[^;:]*?\b(?:rose|increased|grew|climbed|jumped|fell|dropped|declined|decreased|reached|hit|stood|was|were|is|are|totall?ed)\b[^;:]*?(?:\bto|\bat|\bof)?\s+(?:about|around|nearly|almost|roughly|more than|over|some|an estimated|approximately)?\s*$/i;

/** "bringing the total number of … to 48": a verb before the count that sets it to the figure. */
const SETTING_VERB =
  /\b(?:bringing|brings|brought|raising|raises|raised|taking|takes|took|pushing|pushed)\s+$/i;
const TO_FIGURE =
  /^[^;:,]*?\bto\s+(?:about|around|nearly|almost|roughly|more than|over|some)?\s*$/i;

export const readNumberOf: Reader = ({ match, sentence, tokens, at }) => {
  const before = sentence.slice(0, match.start);
  const opener = [...before.matchAll(NUMBER_OF)].pop();
  if (!opener) return null;
  const from = (opener.index ?? 0) + opener[0].length;
  const setTo =
    SETTING_VERB.test(before.slice(0, opener.index)) && TO_FIGURE.test(before.slice(from));
  if (!setTo && !LEVEL_VERB.test(before.slice(from))) return null;
  const phrase = readNounPhrase(tokens, tokenIndexAt(tokens, from));
  if (!phrase) return null;
  return {
    unit: countUnit(phrase.head),
    base: null,
    subject: phrase.text,
    head: phrase.head,
    phraseEnd: at + 1,
    end: match.end,
  };
};
