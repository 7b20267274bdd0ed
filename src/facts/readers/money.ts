// "$4.2 million", "45 million yuan": a sum of money, and what it is for or made of.
import { measureAfter } from "../units.js";
import { type Reader, tokenIndexAt } from "./figure.js";
import { measuredThing } from "./measured.js";

export const readMoney: Reader = ({ match, rest, tokens, at }) => {
  const measure = measureAfter(rest);
  if (!match.currency && measure?.kind !== "currency") return null;
  const unit = match.currency ?? measure?.unit ?? null;
  const unitEnd = match.end + (measure?.kind === "currency" ? measure.length : 0);
  return { ...measuredThing(tokens, at, tokenIndexAt(tokens, unitEnd), unit, null), end: unitEnd };
};
