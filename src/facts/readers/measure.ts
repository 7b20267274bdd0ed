// "4.2 tons of heroin", "12%", "a 40-pound seizure": a figure with a unit of measure.
import { readNounPhrase } from "../phrases.js";
import { baseOf, measureAfter } from "../units.js";
import { type Reader, tokenIndexAt } from "./figure.js";
import { measuredThing } from "./measured.js";

export const readMeasure: Reader = ({ match, rest, tokens, at }) => {
  const measure = measureAfter(rest);
  if (!measure) return null;
  const unitEnd = tokenIndexAt(tokens, match.end + measure.length);
  const base = baseOf(match.value, measure);
  const end = match.end + measure.length;
  const described = rest.startsWith("-") ? readNounPhrase(tokens, unitEnd) : null;
  if (described) {
    // "a 40-pound seizure": the weight describes the noun that follows.
    const { text: subject, head, next } = described;
    return {
      unit: measure.unit,
      base,
      subject,
      head,
      phraseEnd: next,
      end: tokens[next - 1]?.end ?? end,
    };
  }
  if (measure.unit === "percent" && tokens[unitEnd]?.lower === "of") {
    // "making up 32.3 per cent of all users": the "of" phrase is the whole, not the share; the
    // share is whatever the sentence counted before (carried over, see carry()).
    return { unit: "percent", base: null, subject: "", head: null, phraseEnd: unitEnd, end };
  }
  return { ...measuredThing(tokens, at, unitEnd, measure.unit, base), end };
};
