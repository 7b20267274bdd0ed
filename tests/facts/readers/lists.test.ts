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
