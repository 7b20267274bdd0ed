// Which numbers in a sentence are figures, and the words that qualify them.
import { type DateSpan, insideAny } from "./dates.js";
import { QUALIFIERS } from "./lexicon.js";
import { type NumberMatch, smallNumber } from "./numbers.js";
import { isShare } from "./readers/share.js";
import { isBlank, tail } from "./window.js";

const HYPHEN_ADJECTIVE = /^-(?!day|week|month|year|hour)[a-z]/i;
const LABEL_BEFORE =
  /\b(?:no|nos|article|articles|section|chapter|part|phase|level|grade|class|item|paragraph|page|room|line|route|highway|interstate|flight|unit|edition|version|sections|district|precinct|ward|zone|sector|beat|division|gate|pier|berth|terminal|title|borough|i)\.?[\s-]*$/i;

const RISE_AFTER =
  /^\s*(?:more|higher|up|increase|increases|greater|above|rise|jump|surge|spike|growth|hike)\b/i;
const FALL_AFTER =
  /^\s*(?:less|lower|down|fewer|decrease|decreases|below|drop|plunge|decline|fall|reduction|cut)\b/i;
/** "up 12%", "rose by 3%"; "made up 41 per cent", "took up 5%" say how big a part is, not a rise. */
const RISE_BEFORE =
  /\b(?:(?<!\b(?:made|make|makes|making|took|take|takes|taking|end|ended|ends|ending|set|sets)\s)up|rose|risen|increased|grew|jumped|climbed|surged|(?:an?\s+)?(?:[\w-]+\s+)?(?:increase|rise|growth|jump|surge) of)(?: by)?\s*$/i;
const FALL_BEFORE =
  /\b(?:down|fell|fallen|decreased|dropped|declined|plunged|plummeted|(?:an?\s+)?(?:[\w-]+\s+)?(?:decrease|drop|decline|fall|reduction|cut) of)(?: by)?\s*$/i;
/** "down more than 40%": the qualifier between the verb and the figure. */
const QUALIFIER_TAIL =
  /\s*\b(?:more than|less than|fewer than|nearly|almost|about|around|roughly|over|some|at least|just|approximately)\s*$/i;

/** "15 per cent more than", "3.2 percent lower", "a drop of 8%": the direction a percentage moves in. */
export function changeDirection(after: string, before: string): string | null {
  if (RISE_AFTER.test(after)) return "increase";
  if (FALL_AFTER.test(after)) return "decrease";
  const lead = tail(before).replace(QUALIFIER_TAIL, "");
  if (RISE_BEFORE.test(lead)) return "increase";
  if (FALL_BEFORE.test(lead)) return "decrease";
  return null;
}

/** "four out of", "one in": the number after is a share's denominator, not a figure. */
const SHARE_OF = /\b(\d{1,3}|[a-z]+)\s+(?:out\s+of|in)\s+$/i;

function isDenominator(before: string, figure: string): boolean {
  const numerator = smallNumber(SHARE_OF.exec(before)?.[1] ?? "");
  return numerator !== null && isShare(numerator, figure.trim());
}

/** A short quoted span is a name or slogan ("Operation Two Rivers", "three lines of defense"),
 * unless it is a quoted sentence of lower-case words ("we stopped 40 boats."). */
function looksLikeName(quoted: string): boolean {
  const words = quoted.split(/\s+/);
  const lettered = words.filter((word) => /^[A-Za-z]/.test(word));
  const capitalised = lettered.filter((word) => /^[A-Z]/.test(word)).length;
  // A quoted sentence ends in its own punctuation (“We stopped 40 boats,” he said); a slogan
  // spells its numbers out, a quoted result writes them in digits ("had “stopped 40 boats”").
  const sentence = /[.,!?;]$/.test(quoted.trim()) || /\d/.test(quoted);
  return words.length <= 8 && (capitalised * 2 >= lettered.length || !sentence);
}

/** Short quoted spans are names ("Operation Two Rivers"), not results. */
function findQuotedNames(sentence: string): DateSpan[] {
  return [...sentence.matchAll(/["“]([^"”]{1,80})["”]/g)]
    .filter((match) => looksLikeName(match[1] ?? ""))
    .map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

// Every figure of a sentence asks about the same sentence; scanning it once per figure is quadratic.
let quotedNamesOf: { sentence: string; names: DateSpan[] } | null = null;
function quotedNames(sentence: string): DateSpan[] {
  if (quotedNamesOf?.sentence !== sentence) {
    quotedNamesOf = { sentence, names: findQuotedNames(sentence) };
  }
  return quotedNamesOf.names;
}

export function isFigure(
  match: NumberMatch,
  sentence: string,
  dates: DateSpan[],
  isHeading: boolean,
): boolean {
  if (insideAny(dates, match.start, match.end) && match.currency === null) return false;
  if (insideAny(quotedNames(sentence), match.start, match.end)) return false;
  const atStart = isBlank(sentence.slice(0, match.start));
  const before = tail(sentence.slice(0, match.start));
  const after = sentence.slice(match.end);
  if (/[A-Za-z]-$/.test(before)) return false; // "COVID-19", "G-20"
  if (/\d[-.]$/.test(before) || /^[-.]\d/.test(sentence.slice(match.end))) return false; // "1-800-555-0100"
  if (/[\w.]\($/.test(before)) return false; // "section 12.4(2)"
  if (/\bsections?\s+[\d.()]+\s*(?:,|and|or)\s*$/i.test(before)) return false; // "sections 4.2 and 18.1"
  if (LABEL_BEFORE.test(before)) return false;
  if (/^\d{4}$/.test(match.text) && /\b[A-Z][a-z]+ of\s*$/.test(before)) return false; // "the Harbor Act of 1851"
  if (isDenominator(before, match.text)) return false; // the "five" of "four out of five adults"
  if (isHeading && atStart) return false; // "2. Closing supply routes"
  if (/^\s*[.)]\s/.test(after) && atStart) return false; // a list label
  if (!match.isWord) return true;
  const word = match.text.trim();
  if (/^[A-Z]/.test(word) && !atStart) return false; // "Thousand Lakes Operation"
  if (HYPHEN_ADJECTIVE.test(after)) return false; // "two-pronged", "four-sided"
  if (match.value === 1 && /^\s+of\b/i.test(after)) return false; // "one of the largest"
  if (/^(?:a|one|a dozen)$/i.test(word))
    return /^\s+(?:person|suspect|case|gang|ton|kilogram)/i.test(after);
  return /^[\s-]+[a-z]/i.test(after);
}

/** "more than", "nearly"… right before the number, and where its words start. */
export function qualifierBefore(before: string): { label: string; start: number } | null {
  const window = tail(before);
  const offset = before.length - window.length;
  for (const [pattern, label] of QUALIFIERS) {
    const match = pattern.exec(window);
    if (match) return { label, start: offset + match.index };
  }
  return null;
}
