import { describe, expect, it } from "vitest";
import { normalizeQuestion, reportSpelling } from "../../src/qa/normalize.js";
import { isEnglishWord } from "../../src/text/english.js";
import { buildSpellIndex, candidates, soundKey, soundsLike } from "../../src/text/spelling.js";

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

  it("reads 'over what period, in months' as asking how many months", () => {
    expect(normalizeQuestion("Over what period, in weeks, were the arrests made?", spelling)).toBe(
      "Over how many weeks, were the arrests made?",
    );
  });

  it("reads a clipped grammar word too short for a typo budget", () => {
    // Invented: chat drops a last letter of a short question word.
    expect(normalizeQuestion("northshire vs eastvale who arrested mor", spelling)).toBe(
      "northshire vs eastvale who arrested more",
    );
    expect(normalizeQuestion("how muc heroin", spelling)).toBe("how much heroin");
    // An English word, and a short word no grammar word clips to, stay as typed.
    expect(normalizeQuestion("the most heroin", spelling)).toBe("the most heroin");
    expect(normalizeQuestion("gang xqz seized", spelling)).toBe("gang xqz seized");
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

describe("typos written by ear and typos inside a hyphenated word", () => {
  // Invented: a drug name spelt with "ph" and "th", a hyphenated craft, a surname.
  const report = reportSpelling(
    [
      "Agents seized 300 pounds of methamphetamine and 12 narco-submarines off Kelby.",
      "Captain Philippa Thorsby said the crews also stopped two semi-submersibles.",
    ].join("\n\n"),
  );

  it("folds spellings of one sound together", () => {
    expect(soundKey("methamphetamine")).toBe(soundKey("metamfetamine"));
    expect(soundKey("accessories")).toBe(soundKey("aksesories"));
    expect(soundsLike(buildSpellIndex(["methamphetamine"]), "metamfetamine")).toEqual([
      "methamphetamine",
    ]);
  });

  it("corrects a word several edits away that sounds like one word the report uses", () => {
    expect(normalizeQuestion("how much metamfetamine was seized", report)).toBe(
      "how much methamphetamine was seized",
    );
  });

  it("corrects each part of a hyphenated word", () => {
    expect(normalizeQuestion("how many semi-submersibels were stopped", report)).toBe(
      "how many semi-submersibles were stopped",
    );
    expect(normalizeQuestion("how many narco-submarnies", report)).toBe(
      "how many narco-submarines",
    );
  });

  it("leaves English words and names alone, in parts or whole", () => {
    expect(normalizeQuestion("what did Filipa Torsby say", report)).toBe(
      "what did Filipa Torsby say",
    );
    expect(normalizeQuestion("any drug-related deaths", report)).toBe("any drug-related deaths");
    expect(normalizeQuestion("couldn't they stop more", report)).toBe("couldn't they stop more");
    // "thorsby" sounds like the surname, but typed capitalised it is a name of its own.
    expect(normalizeQuestion("did Torsby speak", report)).toBe("did Torsby speak");
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
