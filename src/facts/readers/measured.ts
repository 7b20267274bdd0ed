// What a weight, a share or a sum measures: "4.2 tons of heroin", "drugs 312.5 kg", "$3 million in cash".
import type { Token } from "../../text/tokenize.js";
import { DRUG_NAMES } from "../lexicon.js";
import { type NounPhrase, readNounPhrase, readNounPhraseBefore, weighedThing } from "../phrases.js";
import type { Fact } from "../schema.js";
import { clauseStart, type Reading } from "./figure.js";
import { recipientAfter } from "./recipient.js";

type Measured = Omit<Reading, "end">;

const EXISTENTIAL = /^(?:there|it|this|that)$/;

/** "$3 million in cash" names what the money is; "96 kg in the same period" does not. */
function phraseAfterConnector(
  tokens: Token[],
  unitEnd: number,
  base: Fact["base"],
): NounPhrase | null {
  const next = tokens[unitEnd]?.lower;
  const connector = next === "of" || next === "worth" || (next === "in" && base === null) ? 1 : 0;
  const skipOf = next === "worth" && tokens[unitEnd + 1]?.lower === "of" ? 1 : 0;
  return connector ? readNounPhrase(tokens, unitEnd + connector + skipOf) : null;
}

/** "the biggest cocaine haul …, with 95 kilograms": the substance, or the seizures, named earlier. */
function earlierSubstance(tokens: Token[], at: number): Token | undefined {
  const earlier = tokens.slice(0, at);
  return (
    earlier.filter((token) => DRUG_NAMES.has(token.lower)).pop() ??
    earlier.filter((token) => /^(?:seizures?|hauls?)$/.test(token.lower)).pop()
  );
}

export function measuredThing(
  tokens: Token[],
  at: number,
  measureEnd: number,
  unit: string | null,
  base: Fact["base"],
): Measured {
  const of = (phrase: NounPhrase, phraseEnd: number): Measured => ({
    unit,
    base,
    subject: phrase.text,
    head: phrase.head,
    phraseEnd,
  });
  // "50 grams or more of heroin": the threshold words sit between the weight and the drug.
  const threshold =
    tokens[measureEnd]?.lower === "or" &&
    /^(?:more|less)$/.test(tokens[measureEnd + 1]?.lower ?? "");
  const unitEnd = threshold ? measureEnd + 2 : measureEnd;
  const before = readNounPhraseBefore(tokens, at);
  // "Cocaine seizures in the first two months amounted to 168 kg": the clause's own subject.
  // "there were 390 kilograms of heroin": an existential "there" names nothing weighed.
  if (before?.linked && base && !EXISTENTIAL.test(before.text))
    return of(weighedThing(readNounPhrase(tokens, clauseStart(tokens, at)) ?? before), unitEnd);
  const recipient = unit !== null && base === null ? recipientAfter(tokens, unitEnd) : null;
  if (recipient) return of(recipient, recipient.next);
  const after = phraseAfterConnector(tokens, unitEnd, base);
  if (after) return of(after, after.next);
  const substance = !before && base ? earlierSubstance(tokens, at) : undefined;
  if (substance)
    return of({ text: substance.lower, head: substance.lower, next: unitEnd }, unitEnd);
  return {
    unit,
    base,
    subject: before?.text ?? "",
    head: before?.head ?? null,
    phraseEnd: unitEnd,
  };
}
