/**
 * A list of labelled rows ("Westfield: 9") often states what it counts once: in the heading or
 * lead-in above it ("Arrests by district:"), or in its first row ("Northgate: 12 arrests"), and
 * leaves the later rows a bare figure after their label.
 */
import type { Fact } from "./schema.js";
import { countUnit } from "./units.js";

/** "Arrests by district", "Charges filed by county, 2024:": what the rows below count, then "by". */
const COUNTED_BY = /^([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+by\s+[a-z][\w ,-]{0,40}:?$/i;

/** A heading or lead-in line of at most this many words names what its rows count. */
const HEADING_WORDS = 8;

/** The plural noun a "<things> by <place kind>" heading or lead-in says its rows count. */
export function countedByHeading(text: string): string | null {
  const line = text.trim();
  if (line.split(/\s+/).length > HEADING_WORDS) return null;
  const phrase = COUNTED_BY.exec(line)?.[1];
  const noun = phrase?.split(/\s+/)[0]?.toLowerCase();
  // "Arrests", "defendants": a plural count noun, not a verb or a measure ("seized by port").
  return noun && /[^s]s$/.test(noun) ? noun : null;
}

/** "Eastvale: 11, including …": the figure stands right after its row's label. */
export function isBareRowFigure(text: string, figureStart: number): boolean {
  return /^[^:.]{2,40}:\s*$/.test(text.slice(0, figureStart));
}

/** The noun a row's first, labelled figure counts ("Northgate: 12 arrests"), for the rows after it. */
export function countedByRow(text: string, facts: readonly Fact[]): string | null {
  const [first] = facts;
  if (!first || first.base !== null || !first.unit || /^[A-Z]{3}$/.test(first.unit)) return null;
  if (first.unit === "percent" || !isBareRowFigure(text, text.indexOf(first.text))) return null;
  return first.subject !== "" && countUnit(first.subject) === first.unit ? first.subject : null;
}
