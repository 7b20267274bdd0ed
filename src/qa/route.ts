import { comparisonAnswer } from "./answers/comparison.js";
import type { AnswerContext } from "./answers/context.js";
import { figureAnswer } from "./answers/figure.js";
import { figuresAnswer } from "./answers/figures.js";
import { periodAskedAnswer } from "./answers/periodAsked.js";
import {
  elapsedAnswer,
  partnerAnswer,
  publicationDate,
  sentenceAnswer,
} from "./answers/sentence.js";
import { ASKS_DURATION } from "./answers/spans/duration.js";
import { figuresGiverAnswer } from "./answers/speaker.js";
import { superlativeAnswer } from "./answers/superlative.js";
import { titleHolderAnswer } from "./answers/titleHolder.js";
import { notFound } from "./compose.js";
import { findMissing, unfiguredName } from "./coverage.js";
import { DURATION_UNITS } from "./rank.js";
import type { Answer } from "./schema.js";
import { relatedSuggestions } from "./suggest.js";
import type { Query } from "./understand.js";

/** Who, when and where are answered in words; a figure would answer something else. */
const WORDS_ONLY = new Set<Query["wh"]>(["who", "when", "where"]);

/** "What is the maximum penalty?" may be answered in words ("life imprisonment") rather than a figure. */
function figureOrSentence(query: Query, ctx: AnswerContext): Answer {
  const figure = figureAnswer(query, ctx);
  // "By what percentage …", "what was the fleet budget": only a figure says how much; a sentence
  // without one does not.
  const measured = query.measure.expected.kind === "percent" || asksAMeasure(query);
  if (figure.status === "answered" || measured) return figure;
  const sentence = sentenceAnswer(query, ctx);
  return sentence.status === "answered" ? sentence : figure;
}

/** After "what"/"which", a word that asks for a figure, not a name: "what value", "which share". */
const FIGURE_WORD =
  /^(?:is|are|was|were|did|do|does|has|have|had|total|number|amount|value|cost|price|share|rate|percent|percentage|proportion|fraction|portion|figure|sum|size|level|budget|increase|decrease|change|quantity|weight|volume|age)$/i;

/** "What was the fleet budget …", "what is the total cost": the measure a what-question asks for. */
const MEASURE_ASKED =
  /\b(?:what|which)\s+(?:(?:is|are|was|were)\s+)?(?:the\s+|its\s+|their\s+)?(?:[a-z-]+\s+)?([a-z]+)\b/i;

function asksAMeasure(query: Query): boolean {
  const noun = MEASURE_ASKED.exec(query.cleaned)?.[1];
  return noun !== undefined && FIGURE_WORD.test(noun) && !AUXILIARY_WORD.test(noun);
}

/** The auxiliaries FIGURE_WORD lets through after "what" ("what is …"): no measure themselves. */
const AUXILIARY_WORD = /^(?:is|are|was|were|did|do|does|has|have|had)$/i;

/** "What study are the estimates based on?": the answer is a name in a sentence. */
function asksForAName(query: Query): boolean {
  const noun = /\b(?:what|which)\s+([a-z]+)/i.exec(query.cleaned)?.[1];
  return noun !== undefined && !FIGURE_WORD.test(noun);
}

/** "How long …": a figure answers only when it is itself a span of time ("27 months"). */
function durationAnswer(query: Query, ctx: AnswerContext): Answer {
  const figure = figureAnswer(query, ctx);
  const unit = figure.facts[0]?.unit;
  if (figure.status === "answered" && unit && DURATION_UNITS.has(unit)) return figure;
  const sentence = sentenceAnswer(query, ctx);
  return sentence.status === "answered" ? sentence : figure;
}

function sentenceOrFigure(query: Query, ctx: AnswerContext): Answer {
  const sentence = sentenceAnswer(query, ctx);
  return sentence.status === "answered" ? sentence : figureAnswer(query, ctx);
}

/** "How did it start?", not "how does that compare?", which asks for figures side by side. */
const ASKS_MANNER =
  /^\s*how\s+(?:did|does|do|was|were|is|are|has|have|had|could|can)\b(?!.*\b(?:compare|compared|stack up)\b)/i;

function lookup(query: Query, ctx: AnswerContext): Answer {
  const { expected } = query.measure;
  if (query.intent === "sentence") {
    if (WORDS_ONLY.has(query.wh) || (!expected.kind && !expected.unit))
      return sentenceAnswer(query, ctx);
    return asksForAName(query) ? sentenceOrFigure(query, ctx) : figureOrSentence(query, ctx);
  }
  // "How did the inquiry start?" asks how, in words: no "how many", "how much" or the like.
  const measured = expected.kind !== null || expected.unit !== null;
  if (query.wh === "how" && !measured && ASKS_MANNER.test(query.cleaned))
    return sentenceOrFigure(query, ctx);
  // "How long was he sentenced?" may be answered by a span of words ("27 months") in a sentence.
  if (ASKS_DURATION.test(query.cleaned)) return durationAnswer(query, ctx);
  return query.wh && query.wh !== "how" ? figureOrSentence(query, ctx) : figureAnswer(query, ctx);
}

/** Sends an understood question to the answer that handles its operation. */
export function route(query: Query, ctx: AnswerContext): Answer {
  switch (query.op) {
    case "compare":
      return comparisonAnswer(query, ctx);
    case "list":
      return figuresAnswer(query, ctx);
    case "max":
    case "min":
      return superlativeAnswer(query, ctx);
    default:
      return lookup(query, ctx);
  }
}

/** Questions the report cannot answer, said honestly before anything is looked up; null to go on. */
export function unanswerable(query: Query, { index }: AnswerContext): Answer | null {
  const unfigured =
    query.intent === "sentence" && !query.measure.expected.kind
      ? null
      : unfiguredName(query, index);
  if (unfigured) {
    const where = unfigured.paragraphs.map((p) => `¶${p}`).join(", ");
    return notFound(
      query.question,
      `The report mentions ${unfigured.name} (${where}) but gives no figure for it.`,
      relatedSuggestions(query.cleaned, index),
      unfigured.paragraphs,
    );
  }
  const missing = findMissing(query, index);
  if (missing) {
    return notFound(
      query.question,
      `The report does not mention ${missing}.`,
      relatedSuggestions(query.cleaned, index),
    );
  }
  return null;
}

/**
 * The answer to an understood question: a dateline, the span of time the figures asked about cover
 * as a figure ("over how many months": 2 months) or else in words, the time the report's effort has
 * run, a partner, a title's holder or who gave the figures (asked in words no report need use:
 * "running", "team up", "giving out"), an honest not-found, or the routed answer.
 */
export function answerQuery(query: Query, ctx: AnswerContext): Answer {
  return (
    publicationDate(query, ctx.index) ??
    periodAskedAnswer(query, ctx) ??
    elapsedAnswer(query, ctx.index) ??
    partnerAnswer(query, ctx.index) ??
    titleHolderAnswer(query, ctx.index) ??
    figuresGiverAnswer(query, ctx.index) ??
    unanswerable(query, ctx) ??
    route(query, ctx)
  );
}
