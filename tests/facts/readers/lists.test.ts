import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/facts/extract.js";
import { findNumbers } from "../../../src/facts/numbers.js";
import { parseReport } from "../../../src/report/parse.js";

function factsOf(text: string) {
  return extractFacts(parseReport(text)).facts;
}

// Invented sentences.
describe("figures given per entity in brackets", () => {
  it("gives each place its own figure and the list's verb, and the total to the whole list", () => {
    const facts = factsOf(
      "Title\n\nPolice detained 40 suspects in Chile (25), Peru (10) and Bolivia (5).\n",
    );
    expect(facts.map((f) => [f.value, f.action, f.places])).toEqual([
      [40, "arrest", ["Chile", "Peru", "Bolivia"]],
      [25, "arrest", ["Chile"]],
      [10, "arrest", ["Peru"]],
      [5, "arrest", ["Bolivia"]],
    ]);
  });
});

describe("counts in brackets after names, in a sentence that says what is counted", () => {
  it("count the sentence's plural noun, skipping the kind of the listed names", () => {
    const facts = factsOf(
      "Title\n\nThe raids spread over many regions, with the most in Chile (31), then Peru (12).\n",
    );
    expect(facts.map((f) => [f.value, f.subject, f.places])).toEqual([
      [31, "raids", ["Chile"]],
      [12, "raids", ["Peru"]],
    ]);
  });

  it("are never percentages carried from a share before them", () => {
    const facts = factsOf(
      "Title\n\nAbout 60 percent of the patrols had help from partner nations, including Chile (14) and Peru (9).\n",
    );
    expect(facts.filter((f) => f.value === 14 || f.value === 9).map((f) => f.unit)).toEqual([
      "patrol",
      "patrol",
    ]);
  });
});

describe("what an unnamed count counts", () => {
  it("reads the class a count is put in: 'were described as'", () => {
    const facts = factsOf('Title\n\nOf those held, 14 were described as "key organisers".\n');
    expect(facts[0]).toMatchObject({ value: 14, subject: "key organisers" });
  });

  it("never makes a bare count a percentage, and a past verb no counted noun", () => {
    const facts = factsOf(
      "Title\n\nBurglaries: 80, down from 95 (-16%), of which 12 involved a knife.\n",
    );
    expect(facts.find((f) => f.value === 12)).toMatchObject({ unit: null, subject: "burglaries" });
  });
});

describe("written-out and scaled numbers", () => {
  it.each([
    ["one and a half million dollars", 1.5e6],
    ["half a million pills", 5e5],
    ["two and a half tons", 2.5],
  ])("%s → %d", (text, value) => {
    expect(findNumbers(text).map((m) => m.value)).toEqual([value]);
  });

  it("does not read 'half of' as a figure", () => {
    expect(findNumbers("half of the cases")).toEqual([]);
  });

  it("ends a counted noun before a written-out number", () => {
    const facts = factsOf("Title\n\nAgents found 300 pills and one and a half million dollars.\n");
    expect(facts.map((f) => [f.value, f.subject])).toEqual([
      [300, "pills"],
      [1.5e6, ""],
    ]);
  });
});
