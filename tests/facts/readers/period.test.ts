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

  it("gives each figure of a run of yearly figures the year its own phrase names", () => {
    const facts = factsOf(
      "Title\n\nArrests stood at 90 in 2031 and rose to 120 arrests in 2032, 150 arrests in 2033 and 210 arrests during 2034.\n",
    );
    expect(facts.map((f) => [f.value, f.period])).toEqual([
      [90, "2031"],
      [120, "2032"],
      [150, "2033"],
      [210, "2034"],
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

describe("relative years and baselines", () => {
  it("date 'last year' and 'this year' by the year the report speaks from", () => {
    const facts = factsOf(
      "Harbour crime at midyear\n\nPublished May 2, 2031\n\nThefts fell to 40 this year, down from 55 during the same period last year.\n",
    );
    expect(facts.map((f) => [f.value, f.period])).toEqual([
      [40, "this year (2031)"],
      [55, "last year (2030)"],
    ]);
  });

  it("give a baseline's period to the baseline alone, and the list's verb to the next item", () => {
    const facts = factsOf(
      "Title\n\nAgents seized 900 pounds of cannabis in FY 2031, up 5 percent from 850 pounds in FY 2030, and 40 pounds of heroin, down sharply from 60 pounds.\n",
    );
    expect(facts.map((f) => [f.value, f.action, f.period])).toEqual([
      [900, "seize", "FY 2031"],
      [5, "increase", "FY 2031"],
      [850, null, "FY 2030"],
      [40, "seize", "FY 2031"],
      [60, "decrease", null],
    ]);
  });
});
