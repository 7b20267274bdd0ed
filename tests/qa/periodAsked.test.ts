import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { splitQuestions } from "../../src/qa/split.js";

const report = (...paragraphs: string[]) =>
  buildReportIndex(`${paragraphs.join("\n\n")}\n`, { name: "invented.txt", version: null });

describe("the span of time figures cover, asked as a figure", () => {
  it("answers 'over how many weeks' from the period the figures asked about are stated for", () => {
    const sweep = report(
      "Harbour sweep",
      "The Harbour Sweep was launched by the coast guard and the port police in the spring.",
      "Over the past three weeks, officers made 240 arrests and seized 12 kilograms of heroin.",
    );
    const asked = answer("Over how many weeks were the arrests of the Harbour Sweep made?", sweep);
    expect(asked.status).toBe("answered");
    expect(asked.facts[0]?.value).toBe(3);
    expect(asked.facts[0]?.unit).toBe("week");
    expect(asked.citations).toEqual([3]);
  });

  it("reads 'how many months do the figures cover' from a span inside a longer period", () => {
    const audit = report(
      "Audit office",
      "In the first six months of the year, the audit office opened 85 inquiries into county contracts.",
    );
    const asked = answer("roughly how many months do the inquiry figures cover?", audit);
    expect(asked.facts[0]?.value).toBe(6);
    expect(asked.facts[0]?.unit).toBe("month");
  });

  it("leaves a figure that is itself a span of time to answer for itself", () => {
    const court = report(
      "Sentencing",
      "In the past two years, the court heard 40 trafficking cases.",
      "The ringleader, a harbour pilot, was sentenced to 96 months in prison.",
    );
    const asked = answer("for how many months was the ringleader sentenced?", court);
    expect(asked.facts[0]?.value).toBe(96);
  });

  it("splits 'how many … and over how long' into its two questions", () => {
    expect(splitQuestions("how many arrests were made and over how long")).toEqual([
      "how many arrests were made",
      "over how long",
    ]);
  });
});
