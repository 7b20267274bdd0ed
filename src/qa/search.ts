import type { Paragraph } from "../report/types.js";
import { words } from "../text/tokenize.js";
import type { ReportIndex } from "./reportIndex.js";

export interface ParagraphHit {
  paragraph: Paragraph;
  snippet: string;
  score: number;
}

const SNIPPET_LENGTH = 200;

function snippetOf(paragraph: Paragraph, sentence: number): string {
  const text = paragraph.sentences[sentence]?.text ?? paragraph.text;
  return text.length <= SNIPPET_LENGTH ? text : `${text.slice(0, SNIPPET_LENGTH - 1)}…`;
}

/** Full-text search: the best paragraphs for some words, each with its best sentence as a snippet. */
export function searchParagraphs(query: string, index: ReportIndex, limit = 3): ParagraphHit[] {
  const terms = [...new Set(words(query).filter((word) => word.length >= 2))];
  if (terms.length === 0) return [];
  const best = new Map<number, { sentence: number; score: number }>();
  for (const hit of index.sentenceFuse.search(terms.join(" | "))) {
    const score = 1 - (hit.score ?? 1);
    const current = best.get(hit.item.paragraph);
    if (!current || score > current.score)
      best.set(hit.item.paragraph, { sentence: hit.item.sentence, score });
  }
  return [...best.entries()]
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
    .slice(0, limit)
    .flatMap(([number, { sentence, score }]) => {
      const paragraph = index.report.paragraphs[number - 1];
      return paragraph ? [{ paragraph, snippet: snippetOf(paragraph, sentence), score }] : [];
    });
}
