import { findNumbers } from "../../facts/numbers.js";
import type { Fact } from "../../facts/schema.js";
import { countUnit } from "../../facts/units.js";
import { escapeForPattern } from "../../text/matches.js";
import { stem } from "../../text/stem.js";
import { citeLine, quoteBlock } from "../compose.js";
import { countedNoun } from "../coverage.js";
import { type SentenceDoc, sentencesWithPrefix } from "../reportIndex.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import type { AnswerContext } from "./context.js";

/** Confidence in a count read from a quoted name: the report states it, as a name. */
const QUOTED_COUNT_CONFIDENCE = 0.6;

/** The count a quoted name states, as a figure of its sentence. */
function quotedFact(
  name: string,
  value: number,
  counted: string,
  unit: string,
  sentence: SentenceDoc,
): Fact {
  return {
    id: `p${sentence.paragraph}-quoted`,
    value,
    text: name,
    unit,
    base: null,
    qualifier: null,
    subject: counted,
    action: null,
    places: [],
    scope: "national",
    section: null,
    paragraph: sentence.paragraph,
    sentence: sentence.sentence,
    quote: sentence.text,
    dates: [],
    period: null,
  };
}

/**
 * "How many lines of defence?" where the report names its plan "the "three lines of defence"": a
 * quoted name opening on a count of the noun asked states that count, though a quoted name is no
 * figure of the fact table (it is a slogan, not a result). The first such name, or null.
 */
export function quotedCountAnswer(query: Query, { index }: AnswerContext): Answer | null {
  const noun = countedNoun(query);
  if (!noun || noun.length < 3 || query.measure.expected.kind !== null) return null;
  const root = escapeForPattern(stem(noun.toLowerCase()));
  const quoted = new RegExp(
    String.raw`["“]((?:\d+|[a-z]+)(?:[\s-]+[a-z]+){0,2}?[\s-]+${root}[a-z]*\b[^"”]*)["”]`,
    "i",
  );
  for (const sentence of sentencesWithPrefix(index, root)) {
    // Most sentences holding the noun quote no name: nothing to read a number from.
    const name = quoted.exec(sentence.text)?.[1];
    if (!name) continue;
    const [number] = findNumbers(name);
    if (number?.start !== 0) continue;
    const counted = name.slice(number.end).trim();
    // "Operation Two Rivers" is a name in capitals; a count is written in lower case.
    if (/[A-Z]/.test(counted)) continue;
    const fact = quotedFact(name, number.value, counted, countUnit(noun), sentence);
    return {
      question: query.question,
      status: "answered",
      text: `${citeLine(fact)}\n${quoteBlock(fact)}`,
      citations: [fact.paragraph],
      facts: [fact],
      confidence: QUOTED_COUNT_CONFIDENCE,
      suggestions: [],
    };
  }
  return null;
}
