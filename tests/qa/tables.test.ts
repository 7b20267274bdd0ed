import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// An invented news article with a table written one row per paragraph.
const REPORT = `Harbour thefts fall at midyear

Published May 2, 2031

Harbourton recorded 120 thefts in the first half of 2031, down from 150 during the same period last year.

The force's breakdown by area:

Area | Thefts 2030 (Jan.-June) | Thefts 2031 (Jan.-June) | Change in burglaries

Zone 7 | 40 | 31 | -22%

Zone 9 | 12 | 15 | +25%

Country | Arrests | Cannabis seized (tonnes) | Assets seized (mln euros)

Spain | 118 | 14.2 | 71.5

Portugal | 87 | 8.9 | 46.0`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });
const answered = (question: string) => answer(question, index).facts[0]?.value;

describe("questions about a table's cells", () => {
  it("give the cell of the row asked and the column of the year asked", () => {
    expect(answered("how many thefts in zone 7 in 2031")).toBe(31);
    expect(answered("how many thefts in zone 7 in 2030")).toBe(40);
  });

  it("take a unit and a scale from the column's header", () => {
    expect(answered("how much in assets was seized in portugal?")).toBe(46_000_000);
    expect(answered("how many tonnes of cannabis were seized in spain")).toBe(14.2);
  });

  it("date 'last year' by the report's year", () => {
    expect(answered("how many thefts were there in the first half of 2030 in Harbourton")).toBe(
      150,
    );
  });
});
