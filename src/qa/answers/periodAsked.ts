import { findNumbers } from "../../facts/numbers.js";
import type { Fact } from "../../facts/schema.js";
import { singularize } from "../../facts/units.js";
import { citeLine, quoteBlock } from "../compose.js";
import { DURATION_UNITS, rankFacts } from "../rank.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import type { AnswerContext } from "./context.js";
import { confidenceOf, isUsable } from "./figure.js";
import { DURATION } from "./spans/duration.js";

/**
 * "Over how many months were the results achieved?", "for how many weeks did the drive run?",
 * "how many days do the figures cover?", "and over how long was that?": the span of time figures
 * cover, asked as a figure of its own.
 */
const ASKS_SPAN_COVERED =
  /\b(?:over|for|in|during|within|across)\s+(?:(?:roughly|about|around|approximately)\s+)?how\s+(?:long|many\s+(?:days|weeks|months|years))\b|\bhow\s+many\s+(?:days|weeks|months|years)\b.*\b(?:cover|covers|covered|span|spans|spanned)\b/i;

/** How many of the best figures asked about are read for one that is itself a span of time. */
const FIGURES_READ = 3;
/** The time unit a question counts in: "how many months" → month. */
const UNIT_ASKED = /\bhow\s+many\s+(day|week|month|year)s\b/i;

/** A span of time stated as a figure: "the past two months" → 2 months, from its figure's sentence. */
function spanFact(fact: Fact, period: string): Fact | null {
  const span = DURATION.exec(period)?.[0];
  const [number] = findNumbers(span ?? "");
  const written = /[a-z]+$/i.exec(span ?? "")?.[0]?.toLowerCase() ?? "";
  const unit = singularize(written);
  if (!span || !number || !DURATION_UNITS.has(unit)) return null;
  return {
    ...fact,
    id: `${fact.id}-period`,
    value: number.value,
    text: span,
    unit,
    base: null,
    qualifier: null,
    subject: written,
    action: null,
    period,
  };
}

/**
 * The span of time the figures asked about cover ("In the past two months, 8,000 cases …": two
 * months), when the question asks it as a figure and no figure is itself a span of time. Null to
 * go on.
 */
export function periodAskedAnswer(query: Query, ctx: AnswerContext): Answer | null {
  if (!ASKS_SPAN_COVERED.test(query.cleaned)) return null;
  const asked: Query = {
    ...query,
    measure: { ...query.measure, target: null, expected: { kind: null, unit: null } },
  };
  const usable = rankFacts(asked, ctx.index, query.filters.places, ctx.weights).filter((scored) =>
    isUsable(scored, ctx.weights),
  );
  const spans = ({ fact }: { fact: Fact }) => fact.unit !== null && DURATION_UNITS.has(fact.unit);
  if (usable.slice(0, FIGURES_READ).some(spans)) return null;
  // The best figure whose period is a span, in the unit asked when one is.
  const unit = UNIT_ASKED.exec(query.cleaned)?.[1]?.toLowerCase();
  for (const scored of usable) {
    const span = scored.fact.period ? spanFact(scored.fact, scored.fact.period) : null;
    if (!span || (unit && span.unit !== unit)) continue;
    return {
      question: query.question,
      status: "answered",
      text: `${citeLine(span)}\n${quoteBlock(span)}`,
      citations: [span.paragraph],
      facts: [span],
      confidence: confidenceOf(scored, undefined, ctx.weights),
      suggestions: [],
    };
  }
  return null;
}
