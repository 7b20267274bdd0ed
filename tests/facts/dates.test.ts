import { describe, expect, it } from "vitest";
import { ownYearsIn, reportYear } from "../../src/facts/dates.js";

// Invented sentences.
describe("a baseline's year", () => {
  it("is not the year of the figure compared with it, when the baseline's own figure comes first", () => {
    expect(ownYearsIn("up 30% from the 240 reported in the first half of 2027")).toEqual([]);
    expect(ownYearsIn("below the 12 counted in the same period of 2020")).toEqual(["2020"]);
    expect(ownYearsIn("than the 90 boats recorded in 2021")).toEqual([]);
  });

  it("leaves a range's year to the range", () => {
    expect(ownYearsIn("rose from 12 to 40 in 2031")).toEqual(["2031"]);
  });

  it("is no dateline: the report speaks from the year of its own figures", () => {
    const paragraphs = [
      { text: "Harbour thefts" },
      { text: "Milltown recorded 40 burglaries in the first six months of 2031, police said." },
      { text: "The total is down 20% from the 50 recorded between Jan. 1 and June 30, 2030." },
    ];
    expect(reportYear(paragraphs)).toBe(2031);
    expect(reportYear([{ text: "Harbour thefts" }, { text: "Published March 3, 2029" }])).toBe(
      2029,
    );
  });
});
