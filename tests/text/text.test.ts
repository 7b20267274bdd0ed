import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, withinEdits } from "../../src/text/editDistance.js";
import { sharesRoot, stem } from "../../src/text/stem.js";
import { tokenize, wordPieces, words } from "../../src/text/tokenize.js";

describe("editDistance", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("ontraio", "ontario")).toBe(1);
    expect(editDistance("siezed", "seized")).toBe(1);
    expect(editDistance("taxes", "texas")).toBe(2);
  });

  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("arrestd", "arrested")).toBe(1);
    expect(editDistance("tottal", "total")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("stops past the limit", () => {
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(withinEdits("herion", "heroin", 1)).toBe(true);
    expect(withinEdits("heron", "heroin", 0)).toBe(false);
  });

  it("is a symmetric distance that never exceeds the longer length", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        return (
          d === editDistance(b, a) &&
          d <= Math.max(a.length, b.length) &&
          (d === 0) === (a === b) &&
          editDistance(a, b, 1) === Math.min(d, 2)
        );
      }),
    );
  });
});

describe("tokenize", () => {
  it("keeps inner hyphens and apostrophes, numbers with their marks, and punctuation apart", () => {
    expect(tokenize("O'Brien's drug-related 1,250.5 kg, (x).").map((t) => t.text)).toEqual([
      "O'Brien's",
      "drug-related",
      "1,250.5",
      "kg",
      ",",
      "(",
      "x",
      ")",
      ".",
    ]);
  });

  it("reads letters beyond Latin-1 as words", () => {
    expect(tokenize("Hà Nội").map((t) => [t.text, t.isWord])).toEqual([
      ["Hà", true],
      ["Nội", true],
    ]);
  });

  it("gives offsets into the text", () => {
    const text = "  seized 12 tons";
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    for (const piece of wordPieces("xi'an drug-making")) {
      expect("xi'an drug-making".slice(piece.start, piece.end)).toBe(piece.text);
    }
  });

  it("splits words at inner joiners and drops the possessive", () => {
    expect(words("The gang's drug-making dens: 3,400")).toEqual([
      "the",
      "gang",
      "drug",
      "making",
      "dens",
      "3,400",
    ]);
  });
});

describe("stem", () => {
  it("meets inflections of one word", () => {
    expect(stem("seized")).toBe(stem("seize"));
    expect(stem("seizing")).toBe(stem("seize"));
    expect(stem("cases")).toBe(stem("case"));
    expect(stem("cities")).toBe(stem("city"));
  });

  it("keeps short words and different words apart", () => {
    expect(stem("gas")).toBe("gas");
    expect(stem("police")).not.toBe(stem("policy"));
  });
});

describe("sharesRoot", () => {
  it("meets the doer, the act and the noun of one root the stemmer keeps apart", () => {
    expect(sharesRoot("hijackers", "hijacking")).toBe(true);
    expect(sharesRoot("kidnappers", "kidnapping")).toBe(true);
    expect(sharesRoot("forfeit", "forfeiture")).toBe(true);
    expect(sharesRoot("sanctions", "sanctioned")).toBe(true);
  });

  it("keeps apart words that only begin alike", () => {
    expect(sharesRoot("police", "policy")).toBe(false);
    expect(sharesRoot("carpet", "carpool")).toBe(false);
    expect(sharesRoot("forfeit", "forfeitable")).toBe(false);
    expect(sharesRoot("station", "stationery")).toBe(false);
  });
});
