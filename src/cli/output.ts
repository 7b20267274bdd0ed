import type { Fact } from "../facts/schema.js";
import { contestMarkdown, levelNote } from "../qa/compose.js";
import { formatFigure } from "../qa/phrasing.js";
import type { Answer, AnswerPart, Contest } from "../qa/schema.js";

/** A contest's winner and options, figures by value and ¶: added to the contract, never changing it. */
function contestJson(contest: Contest) {
  return {
    kind: contest.kind,
    winner: contest.winner,
    options: contest.options.map(({ name, fact }) => ({
      name,
      value: fact?.value ?? null,
      unit: fact?.unit ?? null,
      paragraph: fact?.paragraph ?? null,
    })),
  };
}

/** The JSON-lines contract of `npm run ask -- --json`. */
export function answerToJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    status: answer.status,
    text: answer.text,
    citations: answer.citations,
    confidence: answer.confidence,
    facts: answer.facts.map((fact) => ({
      value: fact.value,
      unit: fact.unit,
      base: fact.base,
      paragraph: fact.paragraph,
      quote: fact.quote,
    })),
    suggestions: answer.suggestions,
    ...(answer.contest ? { contest: contestJson(answer.contest) } : {}),
  });
}

/** ANSI bold on a terminal; plain text when the output goes to a file or another program. */
export type TextStyle = "ansi" | "plain";

const BOLD = "\u001b[1m";
const RESET = "\u001b[0m";

/** The engine's Markdown for a terminal: **bold** becomes bold or plain, "> quote" an indented line. */
function fromMarkdown(text: string, style: TextStyle): string {
  return text
    .split("\n")
    .map((line) => (line.startsWith("> ") ? `    ${line.slice(2)}` : line))
    .map((line) => line.replace(/\*\*(.+?)\*\*/g, style === "ansi" ? `${BOLD}$1${RESET}` : "$1"))
    .map((line) => line.replace(/(^|\s)_(.+?)_(?=$|[\s.,;:])/g, "$1$2"))
    .join("\n");
}

/**
 * One answer's Markdown: a contest led by its winner, which the engine's text names even where
 * there is none to name ("Westvale vs Oakfield", two figures level); else the engine's text.
 */
function partMarkdown(part: AnswerPart): string {
  if (!part.contest) return part.text;
  const level = levelNote(part.contest);
  return `${level ? `${level}\n` : ""}${contestMarkdown(part.contest, part.contest.winner)}`;
}

export function answerToText(answer: Answer, style: TextStyle = "plain"): string {
  const markdown = answer.parts
    ? answer.parts.map(partMarkdown).join("\n\n")
    : partMarkdown(answer);
  const followsOn = answer.followsOn
    ? `\n(following on from your question about ${answer.followsOn})`
    : "";
  const suggestions =
    answer.status === "not_found" && answer.suggestions.length > 0 && !answer.text.includes("Try:")
      ? `\nTry: ${answer.suggestions.slice(0, 3).join(" · ")}`
      : "";
  return `${fromMarkdown(markdown, style)}${followsOn}${suggestions}`;
}

export function factsToText(facts: Fact[]): string {
  const rows = facts.map((fact) =>
    [
      `¶${fact.paragraph}`,
      fact.qualifier ? `${fact.qualifier} ${formatFigure(fact)}` : formatFigure(fact),
      fact.unit ?? "-",
      fact.subject || "-",
      fact.action ?? "-",
      fact.scope,
      fact.places.join(", ") || "-",
    ].join("\t"),
  );
  return ["¶\tfigure\tunit\tsubject\taction\tscope\tplaces", ...rows].join("\n");
}
