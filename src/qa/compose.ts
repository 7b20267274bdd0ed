import { actionLemma } from "../facts/lexicon.js";
import type { Fact } from "../facts/schema.js";
import { describeFact, pastParticiple } from "./phrasing.js";
import type { Answer, Contest } from "./schema.js";
import { concept } from "./vocabulary.js";

const MAX_QUOTE = 400;

/** The sentence trimmed around the figure, so long sentences still show the words that matter. */
function quoteAround(quote: string, figureText: string): string {
  if (quote.length <= MAX_QUOTE) return quote;
  const at = Math.max(0, quote.indexOf(figureText));
  const start = Math.max(0, at - MAX_QUOTE / 2);
  const slice = quote.slice(start, start + MAX_QUOTE);
  return `${start > 0 ? "…" : ""}${slice}${start + MAX_QUOTE < quote.length ? "…" : ""}`;
}

/** A verb form, the "and"-joined verb before it and a particle after: "detected and dealt with". */
const VERB_PAIR =
  /\b([A-Za-z]+)\s+and\s+([A-Za-z]+)\b(?:\s+(?:with|down|up|out|off)\b)?|\b([A-Za-z]+)\b(?:\s+(?:with|down|up|out|off)\b)?/g;

/**
 * The verb as the report words it for this figure ("detected and handled"), the form nearest the
 * figure; the lexicon's participle only when the sentence never uses the verb.
 */
export function reportVerb(fact: Fact): string | null {
  let verb = reportVerbs.get(fact);
  if (verb === undefined) {
    verb = reportVerbOf(fact);
    reportVerbs.set(fact, verb);
  }
  return verb;
}

/** A fact's verb as worded, found once per fact: a sentence scan each time it is cited is not needed. */
const reportVerbs = new WeakMap<Fact, string | null>();

function reportVerbOf(fact: Fact): string | null {
  if (!fact.action) return null;
  const at = Math.max(0, fact.quote.indexOf(fact.text));
  let best: { text: string; distance: number } | null = null;
  for (const match of fact.quote.matchAll(VERB_PAIR)) {
    const [, first, second, single] = match;
    const forms = single ? [single] : [first ?? "", second ?? ""];
    if (!forms.some((form) => actionLemma(form) === fact.action)) continue;
    const text = forms.every((form) => actionLemma(form) !== null)
      ? match[0]
      : (forms.find((form) => actionLemma(form) === fact.action) ?? "");
    // An inflected form ("cracked") says what was done; a bare one ("to crack down") what is planned.
    const bare = forms.some((form) => form.toLowerCase() === fact.action) ? fact.quote.length : 0;
    const distance = Math.abs((match.index ?? 0) - at) + bare;
    if (!best || distance < best.distance) best = { text, distance };
  }
  return best?.text ?? pastParticiple(fact.action);
}

/** The pieces of a cited figure, for adapters that render it their own way. */
export interface CiteParts {
  /** "more than 2,000 people", "1.5 tons of heroin". */
  figure: string;
  verb: string | null;
  /** "Oakfield, Westvale", or "" for a national figure. */
  where: string;
  paragraph: number;
}

export function citeParts(fact: Fact): CiteParts {
  // "40 arrests", not "40 arrests arrested".
  const restates =
    fact.action !== null &&
    fact.subject.split(/\s+/).some((w) => concept(w) === concept(fact.action ?? ""));
  return {
    figure: describeFact(fact),
    verb: restates ? null : reportVerb(fact),
    where: fact.places.length > 0 && fact.scope === "local" ? listPlaces(fact.places) : "",
    paragraph: fact.paragraph,
  };
}

export function citeLine(fact: Fact): string {
  const { figure, verb, where, paragraph } = citeParts(fact);
  return `**${figure}**${verb ? ` ${verb}` : ""}${where ? ` in ${where}` : ""} (¶${paragraph})`;
}

export function quoteBlock(fact: Fact): string {
  return `> ${quoteAround(fact.quote, fact.text)}`;
}

/**
 * A contest in Markdown: `lead` in bold, the first option's figure and its sentence, then every
 * option, numbered when ranked: "**Westvale** — **40 boats** seized (¶3)", "> …", "• Westvale: …".
 */
export function contestMarkdown(contest: Contest, lead: string | null): string {
  const [first] = contest.options;
  const marker = (i: number) => (contest.kind === "superlative" ? `${i + 1}.` : "•");
  const lines = contest.options.map(
    (option, i) =>
      `${marker(i)} ${option.name}: ${option.fact ? citeLine(option.fact) : "the report gives no matching figure."}`,
  );
  const head = first?.fact ? `${citeLine(first.fact)}\n${quoteBlock(first.fact)}\n` : "";
  return `${lead ? `**${lead}** — ` : ""}${head}${lines.join("\n")}`;
}

/** What a contest with two figures of one size says in place of a winner. */
export function levelNote(contest: Contest): string | null {
  if (!contest.level) return null;
  return `Level: the report gives the same figure for ${contest.options.length === 2 ? "both" : "the first two"}.`;
}

export function listPlaces(places: string[]): string {
  if (places.length <= 3) return places.join(", ");
  return `${places.slice(0, 3).join(", ")} and ${places.length - 3} more`;
}

export function uniqueParagraphs(facts: Fact[]): number[] {
  return [...new Set(facts.map((fact) => fact.paragraph))];
}

export function notFound(
  question: string,
  text: string,
  suggestions: string[],
  citations: number[] = [],
): Answer {
  const tryThese =
    suggestions.length > 0
      ? `\nTry: ${suggestions
          .slice(0, 3)
          .map((s) => `“${s}”`)
          .join(" · ")}`
      : "";
  return {
    question,
    status: "not_found",
    text: `${text}${tryThese}`,
    citations,
    facts: [],
    confidence: 0,
    suggestions,
  };
}
