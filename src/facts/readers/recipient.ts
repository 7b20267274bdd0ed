// What money is for: "$3 million for the Harbour Patrol".
import type { Token } from "../../text/tokenize.js";
import { type NounPhrase, readNounPhrase } from "../phrases.js";

/** "$5 million for fiscal year 2025", "for the first time", "for each state": no recipient. */
const NOT_A_PURPOSE =
  /^(?:(?:the\s+)?(?:fiscal|financial|calendar|first|second|last|past|next|year|years|months?|period|time)\b|each|every|fy|\d)/;

const NAME_JOINERS = /^(?:of|for|on|and|the|&)$/;

/** The recipient after "for"; after "to", only what a verb of paying names ("to the X" leads to ends and dates as often). */
export function recipientAfter(tokens: Token[], from: number): NounPhrase | null {
  if (tokens[from]?.lower === "to") return hiredAfter(tokens, from + 1);
  if (tokens[from]?.lower !== "for" || NOT_A_PURPOSE.test(tokens[from + 1]?.lower ?? ""))
    return null;
  const phrase = properName(tokens, from + 1) ?? readNounPhrase(tokens, from + 1);
  return phrase && !NOT_A_PURPOSE.test(phrase.text) ? phrase : null;
}

/** "the Bureau of Drug Investigation": a capitalised name, read whole, whatever its words are. */
function properName(tokens: Token[], from: number): NounPhrase | null {
  let i = tokens[from]?.lower === "the" ? from + 1 : from;
  const words: string[] = [];
  let end = i;
  for (; i < tokens.length && words.length < 10; i++) {
    const token = tokens[i];
    if (!token?.isWord) break;
    if (/^[A-Z]/.test(token.text)) {
      words.push(token.lower);
      end = i + 1;
    } else if (words.length > 0 && NAME_JOINERS.test(token.lower)) words.push(token.lower);
    else break;
  }
  const name = words.slice(0, words.length - (i - end));
  if (name.length < 2) return null;
  return { text: name.join(" "), head: name[name.length - 1] ?? "", next: end };
}

const PAYS_FOR = /^(?:hire|hiring|support|fund|train|add|deploy|buy|purchase|build|expand)$/;

/** "$2 million to hire 40 more officers": what the money pays for, after a verb of paying. */
function hiredAfter(tokens: Token[], from: number): NounPhrase | null {
  if (!PAYS_FOR.test(tokens[from]?.lower ?? "")) return null;
  const start = /^\d/.test(tokens[from + 1]?.text ?? "") ? from + 2 : from + 1;
  return properName(tokens, start) ?? readNounPhrase(tokens, start);
}
