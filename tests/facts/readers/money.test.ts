import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/facts/extract.js";
import { parseReport } from "../../../src/report/parse.js";

function factsOf(text: string) {
  return extractFacts(parseReport(text)).facts;
}

// Invented sentences.
describe("what money is for", () => {
  it("reads the recipient after 'for'", () => {
    const facts = factsOf(
      "Title\n\nThe plan provides $3 million for the Harbour Patrol and $2 million for drug courts.\n",
    );
    expect(facts.map((f) => [f.value, f.unit, f.subject])).toEqual([
      [3e6, "USD", "harbour patrol"],
      [2e6, "USD", "drug courts"],
    ]);
  });

  it("reads what a verb of paying names after 'to', but no other 'to'", () => {
    const facts = factsOf(
      "Title\n\nThe plan gives $4 million to hire 40 more river wardens and $1 million to the end of 2030.\n",
    );
    expect(facts.map((f) => f.subject)).toEqual(["river wardens", "river wardens", ""]);
  });

  it("does not read a year or an occasion as a recipient", () => {
    const [fact] = factsOf("Title\n\nThe council set aside $5 million for fiscal year 2025.\n");
    expect(fact?.subject).not.toMatch(/fiscal|year/);
  });
});

describe("money after a count", () => {
  it("does not take the count's subject", () => {
    const facts = factsOf(
      "Title\n\nThe plan funds 3,000 cells; $20 million to cover transport costs.\n",
    );
    expect(facts.map((f) => [f.value, f.subject])).toEqual([
      [3000, "cells"],
      [2e7, ""],
    ]);
  });
});
