import type { Fact } from "../facts/schema.js";
import { citeParts } from "../qa/compose.js";
import { escapeText } from "./escape.js";

/** Long enough for the sentence around a figure; a whole paragraph is one click away (Show ¶N). */
export const QUOTE_LENGTH = 280;
/** Quotes in a list or under a contest's runners-up: for scanning, ¶N opens the rest. */
export const LIST_QUOTE_LENGTH = 160;

/**
 * The sentence around the figure, cut at word boundaries with "…" where it was shortened, so a
 * long sentence still shows the words that matter and no word is split.
 */
export function quoteAround(quote: string, figureText: string, max = QUOTE_LENGTH): string {
  const text = quote.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const at = Math.max(0, text.indexOf(figureText));
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  let end = start + max;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space === -1 || space >= at ? start : space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    end = space > start ? space : end;
  }
  const body = text.slice(start, end).replace(/[\s,;:]+$/, "");
  return `${start > 0 ? "…" : ""}${body}${end < text.length ? "…" : ""}`;
}

/** How a figure's line is written: with its ¶ (not inside the paragraph's own view), its place. */
export interface FigureLineOptions {
  cite?: boolean;
  /** Left out where a label before the line names the figure's one place already. */
  place?: boolean;
}

/**
 * "**1,320 cases** cracked in Oakfield · ¶4": the figure and its unit first, written one way.
 * Inside a paragraph's own view the ¶ is left off.
 */
export function figureLine(fact: Fact, options: FigureLineOptions = {}): string {
  const { cite = true, place = true } = options;
  const { figure, verb, where, paragraph } = citeParts(fact);
  // A figure without a unit ("day 3") is only a bare number until what it counts is said.
  const counted = fact.unit === null && fact.subject ? `${figure} ${fact.subject}` : figure;
  const rest = `${verb ? ` ${verb}` : ""}${where && place ? ` in ${where}` : ""}`;
  return `**${escapeText(counted)}**${escapeText(rest)}${cite ? ` · ¶${paragraph}` : ""}`;
}

/** A quoted sentence as a Discord block quote, escaped. */
export function quoteLine(fact: Fact, max = QUOTE_LENGTH): string {
  return `> ${escapeText(quoteAround(fact.quote, fact.text, max))}`;
}

/** What an answer is about, for its title: "Smuggling boats · Westvale". */
export function subjectOf(fact: Fact): string {
  const what = fact.subject.trim();
  const where = fact.scope === "local" && fact.places.length === 1 ? (fact.places[0] ?? "") : "";
  const label = [what, where].filter((part) => part.length > 0).join(" · ");
  return label.length > 0 ? `${label.charAt(0).toUpperCase()}${label.slice(1)}` : "";
}
