// A number joined to a word by a hyphen: "a 90-day operation", "a 9-count indictment".
import { countUnit } from "../units.js";
import { type Reader, tokenIndexAt } from "./figure.js";

/** "a 90-day operation": a duration. */
export const readDuration: Reader = ({ match, rest, tokens }) => {
  const duration = /^-(day|week|month|year|hour)s?\b/i.exec(rest);
  if (!duration?.[1]) return null;
  const unit = duration[1].toLowerCase();
  const end = match.end + duration[0].length;
  return {
    unit,
    base: null,
    subject: `${unit}s`,
    head: unit,
    phraseEnd: tokenIndexAt(tokens, end),
    end,
  };
};

/** "a 9-count indictment": the figure counts the word it is joined to. */
export const readJoinedCount: Reader = ({ match, rest, tokens }) => {
  const compound = /^-([a-z]+)\b/i.exec(rest);
  if (!compound?.[1]) return null;
  const word = compound[1].toLowerCase();
  const end = match.end + compound[0].length;
  return {
    unit: countUnit(word),
    base: null,
    subject: `${word}s`,
    head: word,
    phraseEnd: tokenIndexAt(tokens, end),
    end,
  };
};
