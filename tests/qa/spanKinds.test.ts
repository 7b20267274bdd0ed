import { describe, expect, it } from "vitest";
import { spanKindOf, withYear } from "../../src/facts/dates.js";
import { findPeriods } from "../../src/facts/readers/period.js";
import { answer } from "../../src/qa/answer.js";
import { askedSpanKind } from "../../src/qa/rank.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

describe("the kind of span a period names", () => {
  it.each([
    ["between April and June", "quarter"],
    ["during the second quarter of 2031", "quarter"],
    ["the second-quarter tally", "quarter"],
    ["the first half of the year", "half"],
    ["since January", "to-date"],
    ["since the start of the fiscal year in October", "to-date"],
    ["fiscal year to date", "to-date"],
    ["the first eight months of 2031", "to-date"],
    ["through August", "to-date"],
    ["in March", "month"],
    ["three-quarters of the haul", null],
    ["on March 4", null],
  ])("%s is %j", (text, kind) => {
    expect(spanKindOf(text)).toBe(kind);
  });

  it.each([
    ["how many thefts so far this year", "to-date"],
    ["boats seized this fiscal year?", "to-date"],
    ["arrests in the second quarter", "quarter"],
    ["arrests last year", null],
  ])("a question %s asks %j", (question, kind) => {
    expect(askedSpanKind(question)).toBe(kind);
  });

  it("dates 'the first half of last year' to the year before, not to the half asked", () => {
    const [span] = findPeriods(
      "61 arrests through June, compared with 88 in the first half of last year.",
    );
    expect(span?.text).toBe("first half of last year");
    expect(withYear(span?.text ?? null, 2031)).toBe("first half of last year (2030)");
  });

  it("reads no period out of 'compared with the same period last year'", () => {
    const spans = findPeriods(
      "Thefts fell in the first half of 2031 compared with the same period last year.",
    );
    expect(spans.map((span) => span.text)).toEqual(["first half of 2031"]);
  });

  it("reads 'since February' and 'year to date' as periods", () => {
    expect(findPeriods("Since February, wardens have fined 40 anglers.")[0]?.text).toBe(
      "Since February",
    );
    expect(findPeriods("Calendar year to date, that is 90 fines.")[0]?.text).toBe(
      "Calendar year to date",
    );
  });
});

const wardens = invented(
  [
    "Lake wardens post second-quarter results",
    "Wardens on Lake Arden confiscated 38 illegal nets and 2,400 pounds of undersized fish between April and June, the parks office said on Friday.",
    "Since January, wardens have confiscated 91 illegal nets and fined 212 anglers.",
    "Patrol results by shore for the quarter:",
    "North shore | 20 nets",
    "South shore | 18 nets",
    "In May, wardens confiscated 17 nets. Year to date, crews have towed 64 abandoned boats, against 80 in all of last year.",
  ].join("\n\n"),
);

describe("a figure for the span asked", () => {
  it("is never the figure a change runs from", () => {
    const thefts = invented(
      "Harbour review\n\nThefts at the harbour fell 12% in the first half of 2031, from 400 to 352, the board said.\n",
    );
    expect(answer("harbour thefts in the first half of 2031?", thefts).facts[0]?.value).toBe(352);
  });

  it("answers a quarter asked as Q2 with the quarter's figure, not the running total", () => {
    expect(answer("how many nets did wardens confiscate in Q2?", wardens).facts[0]?.value).toBe(38);
  });

  it("answers 'so far this year' with the running total, not a quarter's or a month's", () => {
    expect(answer("how many nets confiscated so far this year?", wardens).facts[0]?.value).toBe(91);
  });
});
