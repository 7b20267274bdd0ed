import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/facts/extract.js";
import { parseReport } from "../../../src/report/parse.js";

function factsOf(text: string) {
  return extractFacts(parseReport(text)).facts;
}

// Invented sentences.
describe("the period a figure covers", () => {
  it("reads a fiscal year in the figure's clause and writes the century out", () => {
    const [fact] = factsOf("Title\n\nIn FY23 the agency seized 40 kilograms of cocaine.\n");
    expect(fact?.period).toBe("FY 2023");
  });

  it("gives each clause its own period", () => {
    const facts = factsOf(
      "Title\n\nThefts are down 12% so far this year — after the city recorded 300 thefts last year.\n",
    );
    expect(facts.map((f) => [f.value, f.period])).toEqual([
      [12, "so far this year"],
      [300, "last year"],
    ]);
  });

  it("does not take the year a change is compared with as the figure's period", () => {
    const [fact] = factsOf("Title\n\nOfficers made 500 arrests, up 4% compared with 2021.\n");
    expect(fact?.period).toBeNull();
  });

  it("passes a lead-in line's period to the short lines under it", () => {
    const facts = factsOf(
      "Title\n\nIn the first half of 2025 compared with a year earlier:\n\nBurglaries are down 9%.\n\nRobberies are down 4%.\n",
    );
    expect(facts.map((f) => f.period)).toEqual(["first half of 2025", "first half of 2025"]);
  });

  it("does not read the length of a period as a figure", () => {
    const facts = factsOf(
      "Title\n\nIn the first 30 days, agents arrested 1,200 people.\n\nOver a 12-month period ending in June 2024, 800 guns were seized.\n",
    );
    expect(facts.map((f) => f.value)).toEqual([1200, 800]);
    expect(facts.map((f) => f.period)).toEqual([
      "first 30 days",
      "12-month period ending in June 2024",
    ]);
  });
});
