import { describe, expect, it } from "vitest";
import { monthSpanPeriods } from "../../src/facts/dates.js";
import { answer, reply } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

describe("a span of months", () => {
  it.each([
    ["Between January and March, the port", ["first quarter"]],
    ["Arrests by shift, April–June 2031:", ["second quarter"]],
    ["harbour thefts jul-dec 2030?", ["second half"]],
    ["in the first six months of 2031", ["first half"]],
    ["between May and June", []],
  ])("%s is %j", (text, periods) => {
    expect(monthSpanPeriods(text)).toEqual(periods);
  });
});

const harbour = invented(
  [
    "Harbour board quarterly review",
    "Between January and March 2031, the harbour recorded 412 thefts, against 530 in the first quarter of 2030.",
    "Oregon was the exception: the state recorded 96 thefts, up from 40 a year earlier. Portland, its largest city, accounted for 51 of those thefts.",
    "Over the whole of 2030 the harbour recorded 2,140 thefts.",
  ].join("\n\n"),
);

describe("a quarter asked as 'Q1' or in months", () => {
  it("reads Q1 and H1 as the quarter and the half, never as a word 'q'", () => {
    const read = reply("how many of Oregon's Q1 2031 thefts were in Portland?", harbour);
    expect(read.query?.measure.target).toBe("thefts");
    expect(read.query?.measure.concepts).toEqual(expect.arrayContaining(["first", "quarter"]));
    expect(read.answer.text).not.toMatch(/does not mention q\b/);
  });

  it("finds the figure a report gives for those months in other words", () => {
    expect(answer("harbour thefts in q1 2031?", harbour).facts[0]?.value).toBe(412);
    expect(answer("thefts january-march 2031?", harbour).facts[0]?.value).toBe(412);
    expect(answer("thefts in the first quarter of 2031", harbour).facts[0]?.value).toBe(412);
  });

  it("meets months with the quarter or half they make, either way round", () => {
    const months = invented(
      "Harbour review\n\nBetween January and June 2031, the harbour recorded 700 thefts.\n\nIn the first quarter of 2031 the port made 90 arrests.\n\nOver the year 2030 the port made 410 arrests and recorded 1,900 thefts.\n",
    );
    expect(answer("thefts in the first half of 2031?", months).facts[0]?.value).toBe(700);
    expect(answer("arrests jan-mar 2031", months).facts[0]?.value).toBe(90);
  });

  it("leaves a year's figure to a question about the year", () => {
    expect(answer("how many thefts in 2030 as a whole", harbour).facts[0]?.value).toBe(2140);
  });
});

describe("a year after 'against' is the baseline's", () => {
  const dock = invented(
    [
      "Dock police first-quarter figures for 2031",
      "The dock police said on Monday that 2031 had opened quietly.",
      "Between January and March, the dock recorded 318 break-ins, against 402 in the first quarter of 2030.",
      "Break-ins against warehouses in 2030 numbered 77 over the whole year.",
    ].join("\n\n"),
  );

  it("dates the figure before 'against <figure> in <year>' by the report, not by that year", () => {
    expect(answer("how many break-ins at the dock in q1 2031?", dock).facts[0]?.value).toBe(318);
  });
});
