import { describe, expect, it } from "vitest";
import { normalizeQuestion, reportSpelling } from "../../src/qa/normalize.js";
import { isEnglishWord } from "../../src/text/english.js";
import { buildSpellIndex, candidates } from "../../src/text/spelling.js";

// An invented report: a surname close to a city, a substance, a verb.
const REPORT = [
  "Police in Northshire seized 40 kilograms of heroin and arrested 12 suspects.",
  "Inspector Harlan Brisbin said a total of 9 gangs were dismantled.",
].join("\n\n");
const spelling = reportSpelling(REPORT);

describe("spell index", () => {
  it("finds words within the budget through their deletions, a swap being one edit", () => {
    const index = buildSpellIndex(["seized", "seizures", "total"]);
    expect(candidates(index, "siezed", 1)[0]).toMatchObject({ word: "seized", edits: 1 });
    // Equally close, the word that keeps the typo's ends wins: "crackd" is "cracked", not "crack".
    const verbs = buildSpellIndex(["crack", "cracked"]);
    expect(candidates(verbs, "crackd", 1)[0]?.word).toBe("cracked");
    expect(candidates(index, "tottal", 1)[0]?.word).toBe("total");
    expect(candidates(index, "sezures", 1)[0]?.word).toBe("seizures");
    expect(candidates(index, "bravo", 1)).toEqual([]);
  });
});

describe("normalizeQuestion", () => {
  it("corrects misspelt ordinary words towards the report's words", () => {
    expect(normalizeQuestion("how much herion was siezed", spelling)).toBe(
      "how much heroin was seized",
    );
    expect(normalizeQuestion("how many were arrestd in tottal?", spelling)).toBe(
      "how many were arrested in total?",
    );
  });

  it("expands chat shorthand as whole words only", () => {
    expect(normalizeQuestion("wat did u seize n how many ppl", spelling)).toBe(
      "what did you seize and how many people",
    );
    expect(normalizeQuestion("how many in the U.S.?", spelling)).toBe("how many in the U.S.?");
  });

  it("never changes an English word, a name or a place typo", () => {
    // "brisbane" is a place typo away from the surname; a capitalised unknown word is a name.
    expect(normalizeQuestion("what did Brisbin say", spelling)).toBe("what did Brisbin say");
    expect(normalizeQuestion("seized in brisbane", spelling)).toBe("seized in brisbane");
    expect(normalizeQuestion("what did Harlon say", spelling)).toBe("what did Harlon say");
    expect(normalizeQuestion("how many seizures", spelling)).toBe("how many seizures");
    expect(normalizeQuestion("how much value", spelling)).toBe("how much value");
  });
});

describe("isEnglishWord", () => {
  it("knows inflected words and names, not typos", () => {
    expect(isEnglishWord("seizing")).toBe(true);
    expect(isEnglishWord("tasmania")).toBe(true);
    expect(isEnglishWord("siezed")).toBe(false);
  });
});

describe("WordNet synonyms", () => {
  it("reads an English word the report never uses as the report's word for the same thing", () => {
    expect(normalizeQuestion("how many suspects were collared", spelling)).toBe(
      "how many suspects were arrested",
    );
  });

  it("leaves a word the report uses alone", () => {
    expect(normalizeQuestion("how many suspects were arrested", spelling)).toBe(
      "how many suspects were arrested",
    );
  });
});
