// "three times higher than", "5 times more likely": a ratio, not a count of anything.
import { type Reader, tokenIndexAt } from "./figure.js";

const RATIO =
  /^\s+times\s+(?:as\s+\w+|higher|lower|more|less|greater|larger|smaller|bigger|fewer|the)\b/i;

export const readRatio: Reader = ({ match, rest, tokens }) => {
  const ratio = RATIO.exec(rest);
  if (!ratio) return null;
  const end = match.end + ratio[0].length;
  const subject = ratio[0].trim().toLowerCase().replace(/\s+/g, " ");
  return {
    unit: "times",
    base: null,
    subject,
    head: "times",
    phraseEnd: tokenIndexAt(tokens, end),
    end,
  };
};
