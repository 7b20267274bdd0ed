import fc from "fast-check";
import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import { relatedSuggestions } from "../../src/qa/suggest.js";
import { words } from "../../src/text/tokenize.js";
import { loadGoldenSets, readReportText, reportMeta } from "../golden/goldenSet.js";

/**
 * What relatedSuggestions gave when it asked Fuse's extended search for every word of the question
 * at once ("seized | heroin | port"): the matches of each word, looked up once, must rank the same.
 */
function withOnePattern(question: string, index: ReportIndex): string[] {
  const pattern = [...new Set(words(question).filter((word) => word.length >= 3))].join(" | ");
  const fuse = new Fuse(index.suggestions, {
    ignoreLocation: true,
    threshold: 0.5,
    useExtendedSearch: true,
  });
  const related = pattern ? fuse.search(pattern).map((hit) => hit.item) : [];
  return [...new Set([...related, ...index.suggestions])].slice(0, 5);
}

const sets = loadGoldenSets();
const indexes = new Map<string, ReportIndex>();
function indexOf(set: (typeof sets)[number]): ReportIndex {
  let index = indexes.get(set.reportPath);
  if (!index) {
    index = buildReportIndex(readReportText(set), reportMeta(set));
    indexes.set(set.reportPath, index);
  }
  return index;
}

describe("relatedSuggestions", () => {
  it("ranks as one extended search over every word would, for every golden question", () => {
    for (const set of sets) {
      const index = indexOf(set);
      for (const { q } of set.questions) {
        expect(relatedSuggestions(q, index), `${set.name}: ${q}`).toEqual(withOnePattern(q, index));
      }
    }
  });

  it("ranks so for any words, in any order, typos and repeats included", () => {
    const set = sets.find((s) => s.name === "seed") ?? sets[0];
    if (!set) throw new Error("no golden set");
    const index = indexOf(set);
    const vocabulary = [...new Set(index.suggestions.flatMap((q) => words(q)))];
    const typo = fc
      .tuple(fc.constantFrom(...vocabulary), fc.nat(), fc.constantFrom("", "x", "e"))
      .map(([word, at, letter]) => {
        const i = at % (word.length + 1);
        return `${word.slice(0, i)}${letter}${word.slice(i + 1)}`;
      });
    const question = fc
      .array(fc.oneof(fc.constantFrom(...vocabulary), typo), { minLength: 0, maxLength: 8 })
      .map((picked) => picked.join(" "));
    fc.assert(
      fc.property(question, (q) => {
        expect(relatedSuggestions(q, index)).toEqual(withOnePattern(q, index));
      }),
      { numRuns: 300 },
    );
  });
});
