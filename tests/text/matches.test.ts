import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesOf } from "../../src/text/matches.js";

const PATTERNS = [/\b[A-Z][a-z]+\b/g, /a*/g, /(?:x|😀)?/gu, /(\d+)(?:\.(\d+))?/g, /$/gm];
const text = fc
  .array(fc.constantFrom("a", "A", "ab", "Bc", " ", "1", ".", "2", "x", "😀", "\n"), {
    maxLength: 20,
  })
  .map((parts) => parts.join(""));

describe("matchesOf", () => {
  it("finds what matchAll finds, empty matches included", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERNS), text, (pattern, t) => {
        const ours = matchesOf(pattern, t).map((m) => [m.index, ...m]);
        const theirs = [...t.matchAll(pattern)].map((m) => [m.index, ...m]);
        expect(ours).toEqual(theirs);
        expect(pattern.lastIndex).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
