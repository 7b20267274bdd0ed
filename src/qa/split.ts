/**
 * Several questions in one: "how many gangs and suspects", "how many arrests? how much cocaine",
 * "how many cases and how much money". Each part is asked as a question of its own.
 */
import { actionLemma } from "../facts/lexicon.js";
import { tokenize } from "../text/tokenize.js";
import { STOP_WORDS } from "./vocabulary.js";

const ASKS_COUNT = /^(?:.*?\b)?(how\s+(?:many|much))\s+/i;
const WH_START = /^(?:who|what|when|where|which|why|how)\b/i;

function isVerb(word: string): boolean {
  return (actionLemma(word) !== null && !/s$/.test(word)) || /ed$/.test(word);
}

function isPluralNoun(word: string): boolean {
  return /[^s]s$/.test(word) && word.length > 3 && !STOP_WORDS.has(word) && !isVerb(word);
}

/**
 * Splits at "?" and ";" between questions, and at "and how…"/"and what…" inside one, a
 * preposition perhaps before the question word ("… and over how long was that").
 */
function sentences(text: string): string[] {
  return text
    .split(
      /[?;]\s*|\s*,?\s+and\s+(?=(?:(?:over|for|in|by|since|from|during|within|at|to|on)\s+)?(?:how|what|who|when|where|which)\b)/i,
    )
    .map((part) => part.trim())
    .filter((part) => /\p{L}/u.test(part));
}

/**
 * "how many boats and couriers were caught" → "how many boats were caught", "how many couriers
 * were caught". Only plural nouns on both sides of "and" are separate things: "rifle and ammunition
 * cases" counts one thing, and "charged and convicted" is one measure.
 */
function countedParts(question: string): string[] {
  const ask = ASKS_COUNT.exec(question);
  if (!ask) return [question];
  const head = question.slice(0, ask.index + ask[0].length);
  const body = question.slice(head.length);
  const tokens = tokenize(body).filter((token) => token.isWord);
  const cuts: number[] = [];
  tokens.forEach((token, i) => {
    const before = tokens[i - 1]?.lower ?? "";
    const after = tokens[i + 1]?.lower ?? "";
    if (token.lower !== "and" || !isPluralNoun(before)) return;
    if (!after || STOP_WORDS.has(after) || isVerb(after)) return;
    cuts.push(i);
  });
  if (cuts.length === 0) return [question];
  const pieces: string[] = [];
  let from = 0;
  for (const cut of [...cuts, tokens.length]) {
    const first = tokens[from];
    const last = tokens[cut - 1];
    if (first && last) pieces.push(body.slice(first.start, last.end));
    from = cut + 1;
  }
  // The verb after the last counted thing belongs to every part: "... and couriers were caught".
  const lastPiece = pieces[pieces.length - 1] ?? "";
  const lastWords = tokenize(lastPiece).filter((token) => token.isWord);
  const verbAt = lastWords.findIndex(
    (token, i) => i > 0 && (STOP_WORDS.has(token.lower) || isVerb(token.lower)),
  );
  const tail = verbAt > 0 ? lastPiece.slice(lastWords[verbAt]?.start ?? lastPiece.length) : "";
  return pieces.map((piece, i) => {
    const own =
      i === pieces.length - 1 || tail === "" || piece.split(/\s+/).some(isVerb)
        ? piece
        : `${piece} ${tail}`;
    return `${head}${own}`.trim();
  });
}

/**
 * "harbour sweep - how many arrested and how much seized": a topic set before a dash or colon,
 * then the questions about it.
 */
const TOPIC_LEAD =
  /^([^?;:\u2013\u2014]{3,80}?)\s+[-\u2013\u2014:]\s+(?=(?:how|what|which|who|when|where)\b)/i;

/** The questions asked in one message, in order; one element when it asks one thing. */
export function splitQuestions(text: string): string[] {
  const lead = TOPIC_LEAD.exec(text);
  if (lead) {
    // Each question is about the topic: "how many arrested in the harbour sweep", "how much …".
    const parts = splitQuestions(text.slice(lead[0].length));
    const topic = (lead[1] ?? "").trim().replace(/^(?:the|a|an)\s+/i, "");
    return parts.length > 1 ? parts.map((part) => `${part} in the ${topic}`) : [text];
  }
  const asked = sentences(text);
  const parts = asked.flatMap((sentence, i) => {
    // "how many arrests? and cocaine?" – a fragment after a question leans on it.
    if (i > 0 && !WH_START.test(sentence) && !ASKS_COUNT.test(sentence)) return [sentence];
    return countedParts(sentence);
  });
  return parts.length > 1 ? parts : [text];
}
