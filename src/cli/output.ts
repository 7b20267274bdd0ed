import type { Fact } from "../facts/schema.js";
import { formatFigure } from "../qa/phrasing.js";
import type { Answer } from "../qa/schema.js";

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
  });
}

export function answerToText(answer: Answer): string {
  const suggestions =
    answer.status === "not_found" && answer.suggestions.length > 0 && !answer.text.includes("Try:")
      ? `\nTry: ${answer.suggestions.slice(0, 3).join(" · ")}`
      : "";
  return `${answer.text}${suggestions}`;
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
