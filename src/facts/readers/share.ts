// "four out of five adults", "one in three boats": a share of what follows, not a count of it.
import { smallNumber } from "../numbers.js";
import { readNounPhrase } from "../phrases.js";
import { type Reader, tokenIndexAt } from "./figure.js";

const OUT_OF = /^\s+(?:out\s+of|in)\s+([\d,.]+|[a-z]+)\b/i;

/** "one in five", "4 out of 10": a numerator no larger than a small denominator. */
export function isShare(numerator: number, denominator: string): boolean {
  const whole = smallNumber(denominator);
  return whole !== null && whole > 1 && numerator < whole;
}

export const readShare: Reader = ({ match, rest, tokens }) => {
  const share = OUT_OF.exec(rest);
  if (!share || !isShare(match.value, share[1] ?? "")) return null;
  const after = tokenIndexAt(tokens, match.end + share[0].length);
  const phrase = readNounPhrase(tokens, after);
  const end = phrase ? (tokens[phrase.next - 1]?.end ?? match.end) : match.end + share[0].length;
  return {
    unit: "share",
    base: null,
    subject: phrase?.text ?? "",
    head: phrase?.head ?? null,
    phraseEnd: phrase?.next ?? after,
    end,
  };
};
