import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PhraseFinderOptions, phraseFinder } from "../../src/text/phraseFinder.js";

/** What the finder stands in for: one alternation of every phrase, longest first. */
function oneRegExp(phrases: string[], { ignoreCase, flexibleSpaces }: PhraseFinderOptions) {
  const escaped = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .map((p) => (flexibleSpaces ? p.replace(/[\s-]+/g, "[\\s-]+") : p));
  const matcher = new RegExp(`\\b(?:${escaped.join("|")})\\b`, ignoreCase ? "gi" : "g");
  return (text: string) =>
    [...text.matchAll(matcher)].map((match) => ({ text: match[0], index: match.index }));
}

const word = fc.stringMatching(/^[a-cA-C][a-cA-C.&]{0,3}$/);
const phrase = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .map((words) => words.join(" "))
  .filter((p) => p.length >= 2);
const text = fc
  .array(fc.oneof(word, fc.constantFrom(" ", "-", ", ", "  ", "(", ")", "x")), { maxLength: 30 })
  .map((parts) => parts.join(""));
const options = fc.record({ ignoreCase: fc.boolean(), flexibleSpaces: fc.boolean() });

describe("phraseFinder", () => {
  it("finds what one regular expression of every phrase finds", () => {
    fc.assert(
      fc.property(
        fc.array(phrase, { minLength: 1, maxLength: 12 }),
        text,
        options,
        (phrases, t, o) => {
          expect(phraseFinder(phrases, o)(t)).toEqual(oneRegExp(phrases, o)(t));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("takes the longest phrase at a place, whole words only", () => {
    const find = phraseFinder(["North Bay", "North Bay Port"], {
      ignoreCase: false,
      flexibleSpaces: false,
    });
    expect(find("From North Bay Port and North Bayside.")).toEqual([
      { text: "North Bay Port", index: 5 },
    ]);
  });
});
