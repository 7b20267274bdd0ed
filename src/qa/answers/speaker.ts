/**
 * "Who gave the numbers at the briefing?", "who was the man giving out these stats?": the one who
 * put the report's figures out is the person the report has speaking where it gives them, not the
 * body holding the briefing nor the agency in the dateline. A question no report need word so ("the
 * guy", "giving out") is answered before its words are checked against the report.
 */
import { GRAMMAR } from "../../lexicon/language.js";
import { preparedOf } from "../prepared.js";
import { givesFigure, type ReportIndex, type SentenceDoc } from "../reportIndex.js";
import type { Answer } from "../schema.js";
import type { Query } from "../understand.js";
import { citedSentence } from "./sentence.js";
import { speakersIn } from "./spans/person.js";

const either = (words: readonly string[]) =>
  words.map((word) => word.replace(/\s+/g, String.raw`\s+`)).join("|");

/** "gave the numbers", "giving out all these stats", "presented its figures". */
const PUTS_OUT_FIGURES = new RegExp(
  String.raw`\b(?:${either(GRAMMAR.disclosureVerbs)})\s+(?:out\s+)?(?:(?:${either(GRAMMAR.determiners)})\s+){0,3}(?:${either(GRAMMAR.disclosedNouns)})\b`,
  "i",
);

/** "which official …", "what spokesperson …": a person asked for by a noun. */
const WHICH_PERSON = new RegExp(
  String.raw`^\s*(?:which|what)\s+(?:${either(GRAMMAR.personNouns)})\b`,
  "i",
);

/** Whether the question asks who put the report's figures out. */
export function asksWhoGaveFigures(query: Query): boolean {
  const asksPerson = query.wh === "who" || WHICH_PERSON.test(query.cleaned);
  return asksPerson && PUTS_OUT_FIGURES.test(query.cleaned);
}

/** Confidence of a speaker found speaking where the report gives figures. */
const SPEAKER_CONFIDENCE = 0.6;

/**
 * The person speaking in the report's first sentence that gives a figure, else in the first
 * paragraph that does, else its first speaker; null where the report has no one speaking, so the
 * question is answered as any other who-question.
 */
export function figuresGiverAnswer(query: Query, index: ReportIndex): Answer | null {
  if (!asksWhoGaveFigures(query)) return null;
  const { otherNames } = preparedOf(index).entities;
  const speaking = index.sentences.filter((doc) => speakersIn(doc.text, otherNames).length > 0);
  const doc: SentenceDoc | undefined =
    speaking.find((d) => givesFigure(index, d.paragraph, d.sentence)) ??
    speaking.find((d) => givesFigure(index, d.paragraph)) ??
    speaking[0];
  const name = doc ? speakersIn(doc.text, otherNames)[0] : undefined;
  return doc && name ? citedSentence(query.question, doc, name, SPEAKER_CONFIDENCE) : null;
}
