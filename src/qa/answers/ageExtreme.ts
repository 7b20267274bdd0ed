import { isAge } from "../../facts/readers/age.js";
import type { Fact } from "../../facts/schema.js";
import { citeLine, quoteBlock } from "../compose.js";
import type { ReportIndex } from "../reportIndex.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import { conceptsOf } from "../vocabulary.js";

const ASKS_EXTREME_AGE = /\b(oldest|youngest)\b/i;
/** "Who is the oldest …", "how old is the youngest …": a person's age, not "the oldest programme". */
const ASKS_OF_A_PERSON = /^\s*who\b|\bhow old\b|\bwhat age\b|\bage of\b/i;

/** Of the ages the report gives, those of the kind of person asked ("the youngest woman"), else all. */
function agesAsked(query: Query, index: ReportIndex): Fact[] {
  const ages = index.table.facts.filter(isAge);
  const asked = new Set(conceptsOf(query.cleaned.replace(ASKS_EXTREME_AGE, " ")));
  const ofKind = ages.filter((fact) =>
    conceptsOf(`${fact.subject} ${fact.text}`).some((c) => asked.has(c) && c !== "age"),
  );
  return ofKind.length > 0 ? ofKind : ages;
}

/** "Who's the oldest defendant?": the person the report gives the greatest (or least) age; null if none. */
export function extremeAgeAnswer(query: Query, index: ReportIndex): Answer | null {
  const extreme = ASKS_EXTREME_AGE.exec(query.cleaned)?.[1]?.toLowerCase();
  if (!extreme || !ASKS_OF_A_PERSON.test(query.cleaned)) return null;
  const ages = agesAsked(query, index);
  if (ages.length === 0) return null;
  const oldest = extreme === "oldest";
  const best = ages.reduce((a, b) => ((oldest ? b.value > a.value : b.value < a.value) ? b : a));
  return {
    question: query.question,
    status: "answered",
    text: `${citeLine(best)}\n${quoteBlock(best)}`,
    citations: [best.paragraph],
    facts: [best],
    confidence: 0.7,
    suggestions: [],
  };
}
