import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PhraseFinderOptions, phraseFinder } from "../../src/text/phraseFinder.js";

/** What the finder stands in for: one alternation of every phrase, longest first. */
function oneRegExp(phrases: string[], { ignoreCase, flexibleSpaces }: PhraseFinderOptions) {
  const escaped = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .map((p) => (flexibleSpaces ? p.replace(/[\s-]+/g, "[\\s-]+") : p))
    // `\b` knows only ASCII letters: a phrase ending in "é" ends where no letter follows.
    .map((p) => p + (/[^\x20-\x7e]$/.test(p) ? "(?![\\w\\u00c0-\\uffff])" : "\\b"));
  const matcher = new RegExp(`\\b(?:${escaped.join("|")})`, ignoreCase ? "gi" : "g");
  return (text: string) =>
    [...text.matchAll(matcher)].map((match) => ({ text: match[0], index: match.index }));
}

// Accented letters and a no-break space take the finder's path for leads outside ASCII.
const word = fc.stringMatching(/^[a-cA-CéÉ][a-cA-CéÉ.&]{0,3}$/);
const phrase = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .map((words) => words.join(" "))
  .filter((p) => p.length >= 2);
const text = fc
  .array(fc.oneof(word, fc.constantFrom(" ", "-", ", ", "  ", "(", ")", "x", "\u00a0")), {
    maxLength: 30,
  })
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
      { numRuns: 2000 },
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

  it("ends a phrase at an accented last letter, which `\\b` cannot see", () => {
    const find = phraseFinder(["Kenjá", "Marlow"], { ignoreCase: true, flexibleSpaces: false });
    expect(find("In Kenjá, and kenjá. Not Kenjábad or Marlowe.")).toEqual([
      { text: "Kenjá", index: 3 },
      { text: "kenjá", index: 14 },
    ]);
  });

  it("meets a phrase across a space outside ASCII, as the one expression does", () => {
    const phrases = ["A Team", "é clair"];
    const o = { ignoreCase: true, flexibleSpaces: true };
    const text = "The a\u00a0team and the É\u00a0clair and the a-team.";
    expect(phraseFinder(phrases, o)(text)).toEqual(oneRegExp(phrases, o)(text));
    expect(phraseFinder(phrases, o)(text)).toHaveLength(2); // "É" is no word character to `\b`, so "É clair" starts no word
  });
});
