/**
 * The second comparator for `npm run bench`: BM25 over every sentence of the report with
 * MiniSearch (its default scoring), no fact table. Like the fuse.js baseline, the best sentence
 * answers and its first number is the figure, so the two differ only in how they rank sentences.
 */
import MiniSearch from "minisearch";
import type { Answer } from "../../src/qa/schema.js";
import type { ParsedReport } from "../../src/report/types.js";
import { type Baseline, keywords, sentenceAnswer, sentenceDocs } from "../baseline.js";

/**
 * A best sentence scoring below this BM25 score is "not found". BM25 scores are unbounded, so this
 * is a plain cut-off, picked as the best of a few values on the seed golden set, as the fuse.js
 * baseline's threshold was.
 */
export const BM25_NOT_FOUND_SCORE = 7;

export function buildBm25(
  report: ParsedReport,
  notFoundScore: number = BM25_NOT_FOUND_SCORE,
): Baseline {
  const docs = sentenceDocs(report);
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  search.addAll(docs.map((doc, id) => ({ id, text: doc.text })));
  return {
    ask(question): Answer {
      const query = keywords(question);
      const best = query === "" ? undefined : search.search(query)[0];
      const doc = best === undefined ? undefined : docs[best.id as number];
      if (best === undefined || doc === undefined || best.score < notFoundScore) {
        return sentenceAnswer(question, null);
      }
      return sentenceAnswer(question, { doc, confidence: best.score });
    },
  };
}
