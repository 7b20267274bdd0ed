import type { Fact } from "../../facts/schema.js";
import { TIME_UNITS } from "../../facts/units.js";
import { citeLine, uniqueParagraphs } from "../compose.js";
import { figuresFor } from "../figures.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import type { AnswerContext } from "./context.js";
import { noFigure } from "./figure.js";

const MAX_LISTED = 15;

/** "launched patrols for three days, cracked 40 cases": the results first, the durations after. */
function resultsFirst(facts: Fact[]): Fact[] {
  const isDuration = (fact: Fact) => fact.unit !== null && TIME_UNITS.has(fact.unit);
  return [...facts.filter((fact) => !isDuration(fact)), ...facts.filter(isDuration)];
}

/** "Westvale's figures": every figure for one place, its own first. */
export function figuresAnswer(query: Query, ctx: AnswerContext): Answer {
  const place = query.filters.places[0] ?? "";
  const facts = resultsFirst(figuresFor(place, ctx.index));
  if (facts.length === 0) return noFigure(query, ctx);
  const lines = facts.slice(0, MAX_LISTED).map((fact) => `• ${citeLine(fact)}`);
  return {
    question: query.question,
    status: "answered",
    text: `Figures for ${place}:\n${lines.join("\n")}`,
    citations: uniqueParagraphs(facts),
    facts,
    confidence: 0.9,
    suggestions: [],
    figuresFor: place,
  };
}
