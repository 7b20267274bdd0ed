import { localPlacesInQuestion } from "../facts/localPlaces.js";
import type { Fact } from "../facts/schema.js";
import { citeLine, listPlaces, notFound, quoteBlock, uniqueParagraphs } from "./compose.js";
import { findMissing, unfiguredName } from "./coverage.js";
import { figuresFor } from "./figures.js";
import { normalizeQuestion } from "./normalize.js";
import { rankFacts, type ScoredFact } from "./rank.js";
import type { ReportIndex } from "./reportIndex.js";
import { type Answer, Answer as AnswerSchema } from "./schema.js";
import { answerFromSentences, publicationDate } from "./sentences.js";
import { relatedSuggestions } from "./suggest.js";
import { rankPlaces } from "./superlative.js";
import { MAX_QUESTION_LENGTH, type Query, understand } from "./understand.js";

/** Below this a fact shares too little with the question to be its answer. */
const MIN_FACT_SCORE = 4;

function confidenceOf(best: ScoredFact, runnerUp: ScoredFact | undefined): number {
  const strength = 1 / (1 + Math.exp(-(best.score - MIN_FACT_SCORE - 2) / 2));
  const margin =
    runnerUp && runnerUp.fact.value !== best.fact.value
      ? Math.min(1, (best.score - runnerUp.score) / 3)
      : 1;
  return Number(Math.min(1, strength * (0.6 + 0.4 * margin)).toFixed(3));
}

function isUsable(scored: ScoredFact | undefined): scored is ScoredFact {
  return (
    scored !== undefined && scored.score >= MIN_FACT_SCORE && scored.coreHits + scored.nearHits > 0
  );
}

/** The same figure restated elsewhere (lead paragraph and body) is cited everywhere it appears. */
function restatements(best: ScoredFact, ranked: ScoredFact[]): Fact[] {
  return ranked
    .filter(
      (other) =>
        other !== best &&
        other.fact.value === best.fact.value &&
        other.fact.unit === best.fact.unit,
    )
    .filter(
      (other) => other.score >= best.score - 4 && other.fact.paragraph !== best.fact.paragraph,
    )
    .map((other) => other.fact);
}

/** An age or a prison term asked for is not answered by some other count ("all four were charged"). */
function fitsAskedTime(query: Query, best: ScoredFact): boolean {
  const askedYears = query.expected.unit === "year";
  const isAge = best.fact.subject.startsWith("age of ");
  return askedYears ? best.fact.unit === "year" : !isAge;
}

function figureAnswer(query: Query, index: ReportIndex): Answer {
  const ranked =
    query.places.length === 0 ? preferTotals(rankFacts(query, index)) : rankFacts(query, index);
  const best = ranked[0];
  if (!isUsable(best) || !fitsAskedTime(query, best)) return noFigure(query, index);
  const again = restatements(best, ranked);
  const facts = [best.fact, ...again];
  const also =
    again.length > 0
      ? `\nAlso stated in ${uniqueParagraphs(again)
          .map((p) => `¶${p}`)
          .join(", ")}.`
      : "";
  const group =
    best.fact.places.length > 3 && query.places.length === 1
      ? `\n_This figure covers ${listPlaces(best.fact.places)} together._`
      : "";
  return {
    question: query.question,
    status: "answered",
    text: `${citeLine(best.fact)}\n${quoteBlock(best.fact)}${also}${group}`,
    citations: uniqueParagraphs(facts),
    facts,
    confidence: confidenceOf(
      best,
      ranked.find((r) => r.fact.value !== best.fact.value),
    ),
    suggestions: [],
  };
}

/**
 * Asked with no place, near-equal national figures for the same thing are a total and its parts
 * ("12.5 tons nationwide" and "900 kilograms in one raid"): the total is the answer.
 */
function preferTotals(ranked: ScoredFact[]): ScoredFact[] {
  const best = ranked[0];
  if (best?.fact.scope !== "national") return ranked;
  const sameThing = (f: Fact) =>
    f.scope === "national" &&
    f.subject === best.fact.subject &&
    f.action === best.fact.action &&
    (best.fact.base ? f.base !== null : f.unit === best.fact.unit);
  const size = (f: Fact) => f.base?.value ?? f.value;
  const total = ranked
    .filter(
      (r) =>
        r.score >= best.score - 1 && sameThing(r.fact) && r.fact.paragraph !== best.fact.paragraph,
    )
    .reduce((a, b) => (size(b.fact) > size(a.fact) ? b : a), best);
  return total === best ? ranked : [total, ...ranked.filter((r) => r !== total)];
}

function noFigure(query: Query, index: ReportIndex): Answer {
  const suggestions = relatedSuggestions(query.cleaned, index);
  const [place] = query.places;
  if (place) {
    const paragraphs = index.placeParagraphs.get(place) ?? [];
    const where = paragraphs.map((p) => `¶${p}`).join(", ");
    return notFound(
      query.question,
      `The report mentions ${place} (${where}) but gives no figure that answers this for it.`,
      suggestions,
      paragraphs,
    );
  }
  return notFound(query.question, "The report does not give a figure for that.", suggestions);
}

function comparisonAnswer(query: Query, index: ReportIndex): Answer {
  const sides = query.places.map((place) => ({ place, best: rankFacts(query, index, [place])[0] }));
  const found = sides.filter((side) => isUsable(side.best));
  if (found.length === 0) return noFigure(query, index);
  const lines = sides.map((side) =>
    isUsable(side.best)
      ? `${citeLine(side.best.fact)}\n${quoteBlock(side.best.fact)}`
      : `${side.place}: the report gives no matching figure.`,
  );
  const facts = found.map((side) => (side.best as ScoredFact).fact);
  return {
    question: query.question,
    status: "answered",
    text: lines.join("\n"),
    citations: uniqueParagraphs(facts),
    facts,
    confidence:
      Math.min(...found.map((side) => confidenceOf(side.best as ScoredFact, undefined))) *
      (found.length / sides.length),
    suggestions: [],
  };
}

function figuresAnswer(query: Query, index: ReportIndex): Answer {
  const place = query.places[0] ?? "";
  const facts = figuresFor(place, index);
  if (facts.length === 0) return noFigure(query, index);
  const lines = facts.slice(0, 15).map((fact) => `• ${citeLine(fact)}`);
  return {
    question: query.question,
    status: "answered",
    text: `Figures for ${place}:\n${lines.join("\n")}`,
    citations: uniqueParagraphs(facts),
    facts,
    confidence: 0.9,
    suggestions: [],
  };
}

function superlativeAnswer(query: Query, index: ReportIndex): Answer {
  const podium = rankPlaces(query, index);
  const [top] = podium;
  if (!top) return figureAnswer({ ...query, kind: "count" }, index);
  const lines = podium
    .slice(0, 5)
    .map((entry, i) => `${i + 1}. ${entry.place}: ${citeLine(entry.fact)}`);
  return {
    question: query.question,
    status: "answered",
    text: `**${top.place}** — ${citeLine(top.fact)}\n${quoteBlock(top.fact)}\n${lines.join("\n")}`,
    citations: uniqueParagraphs(podium.map((entry) => entry.fact)),
    facts: podium.map((entry) => entry.fact),
    confidence: podium.length > 1 ? 0.8 : 0.6,
    suggestions: [],
  };
}

/** "What is the maximum penalty?" may be answered in words ("life imprisonment") rather than a figure. */
function orSentence(figure: Answer, query: Query, index: ReportIndex): Answer {
  if (figure.status === "answered") return figure;
  const sentence = answerFromSentences(query, index);
  return sentence.status === "answered" ? sentence : figure;
}

function route(query: Query, index: ReportIndex): Answer {
  switch (query.kind) {
    case "comparison":
      return comparisonAnswer(query, index);
    case "figures":
      return figuresAnswer(query, index);
    case "superlative":
      return superlativeAnswer(query, index);
    case "sentence":
      return query.expected.kind || query.expected.unit
        ? orSentence(figureAnswer(query, index), query, index)
        : answerFromSentences(query, index);
    default:
      return query.wh && query.wh !== "how"
        ? orSentence(figureAnswer(query, index), query, index)
        : figureAnswer(query, index);
  }
}

/** Adds the report's own place names (those outside the gazetteer) that the question uses. */
function withLocalPlaces(query: Query, index: ReportIndex): Query {
  const local = localPlacesInQuestion(query.cleaned, index.localPlaces).filter(
    (mention) => !query.places.includes(mention.place.name),
  );
  if (local.length === 0) return query;
  // "Yantian Port" in a report beats a guessed typo of a gazetteer city the report never names.
  const asked = query.cleaned.toLowerCase();
  const guessed = (place: string) =>
    !index.placeParagraphs.has(place) && !asked.includes(place.toLowerCase());
  return {
    ...query,
    places: [...query.places.filter((place) => !guessed(place)), ...local.map((m) => m.place.name)],
    placeWords: [...query.placeWords, ...local.map((m) => m.text)],
  };
}

function compose(question: string, index: ReportIndex): Reply {
  if (question.length > MAX_QUESTION_LENGTH) {
    return {
      query: null,
      answer: notFound(
        question,
        `That question is too long (${question.length} characters); please keep it under ${MAX_QUESTION_LENGTH}.`,
        index.suggestions.slice(0, 5),
      ),
    };
  }
  const read = understand(normalizeQuestion(question, index.spelling));
  const query = withLocalPlaces({ ...read, question }, index);
  return { query, answer: composeFor(query, question, index) };
}

function composeFor(query: Query, question: string, index: ReportIndex): Answer {
  if (query.cleaned.length === 0 || query.concepts.length + query.places.length === 0) {
    return notFound(
      question,
      "Ask me something about the report, for example:",
      index.suggestions.slice(0, 5),
    );
  }
  const dateline = publicationDate(query, index);
  if (dateline) return dateline;
  const unfigured =
    query.kind === "sentence" && !query.expected.kind ? null : unfiguredName(query, index);
  if (unfigured) {
    const where = unfigured.paragraphs.map((p) => `¶${p}`).join(", ");
    return notFound(
      question,
      `The report mentions ${unfigured.name} (${where}) but gives no figure for it.`,
      relatedSuggestions(query.cleaned, index),
      unfigured.paragraphs,
    );
  }
  const missing = findMissing(query, index);
  if (missing) {
    return notFound(
      question,
      `The report does not mention ${missing}.`,
      relatedSuggestions(query.cleaned, index),
    );
  }
  return route(query, index);
}

export interface AnswerOptions {
  /** The same member's previous question, so that a follow-up ("and in 2021?") keeps its measure. */
  previous?: Query | null;
}

/** An answer and the understood question, which a conversation passes back as `previous`. */
export interface Reply {
  answer: Answer;
  query: Query | null;
}

/** Answer a question and return the Query it was understood as. Never throws. */
export function reply(question: string, index: ReportIndex, _options: AnswerOptions = {}): Reply {
  try {
    const composed = compose(question, index);
    return { query: composed.query, answer: AnswerSchema.parse(composed.answer) };
  } catch {
    return {
      query: null,
      answer: notFound(
        question,
        "Sorry, I could not work out an answer to that.",
        index.suggestions.slice(0, 5),
      ),
    };
  }
}

/** Answer a question from the report's fact table. Never throws: a failure is an honest not_found. */
export function answer(question: string, index: ReportIndex, options: AnswerOptions = {}): Answer {
  return reply(question, index, options).answer;
}
