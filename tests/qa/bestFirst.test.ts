import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BestFirst } from "../../src/qa/bestFirst.js";

/** Scores with many ties, and ceilings at or above them (some exactly at them). */
const candidates = fc.array(
  fc.record({
    score: fc.integer({ min: -4, max: 4 }).map((n) => n / 2),
    slack: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 6 }).map((n) => n / 2),
    ),
  }),
  { maxLength: 40 },
);

function ranking(list: { score: number; slack: number }[]) {
  const scoredAt: number[] = [];
  const ceilings = Float64Array.from(list, (c) => c.score + c.slack);
  const best = new BestFirst(ceilings, (i) => {
    scoredAt.push(i);
    return { item: i, score: list[i]?.score ?? 0 };
  });
  return { best, scoredAt };
}

describe("best first, scored lazily", () => {
  it("hands out exactly the stable sort by score, highest first", () => {
    fc.assert(
      fc.property(candidates, (list) => {
        const sorted = list
          .map((c, i) => ({ i, score: c.score }))
          .sort((a, b) => b.score - a.score)
          .map((c) => c.i);
        expect(ranking(list).best.all()).toEqual(sorted);
      }),
      { numRuns: 1000 },
    );
  });

  it("finds what a search of the full sort finds", () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: 0, max: 3 }), (list, mod) => {
        const sorted = list
          .map((c, i) => ({ i, score: c.score }))
          .sort((a, b) => b.score - a.score)
          .map((c) => c.i);
        const test = (i: number) => i % 4 === mod;
        const { best } = ranking(list);
        expect(best.find(test)).toEqual(sorted.find(test));
        expect(best.at(0)).toEqual(sorted[0]);
      }),
      { numRuns: 1000 },
    );
  });

  it("scores only the candidates whose ceiling reaches the best score", () => {
    // Three sentences of an invented report: the first scores 5, the others can reach at most 2.
    const { best, scoredAt } = ranking([
      { score: 5, slack: 1 },
      { score: 1, slack: 1 },
      { score: 0, slack: 2 },
    ]);
    expect(best.at(0)).toBe(0);
    expect(scoredAt).toEqual([0]);
    // A ceiling that reaches the best score exactly is scored: its candidate could tie and win.
    const tie = ranking([
      { score: 2, slack: 1 },
      { score: 3, slack: 0.5 },
      { score: 0, slack: 0 },
    ]);
    expect(tie.best.at(0)).toBe(1);
    expect(tie.scoredAt).toEqual([1, 0]);
    expect(tie.best.at(1)).toBe(0);
    expect(tie.scoredAt).toEqual([1, 0]);
  });
});
