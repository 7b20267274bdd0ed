import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { datesTheSaying } from "../../src/qa/answers/saidOn.js";
import { dateRange } from "../../src/qa/answers/spans/date.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented report: the effort's sentence dates only the saying; the next one gives its own dates.
const REPORT = `Harbour sweep: 90 arrests in a fortnight of action

More than 90 people were arrested during a fortnight of action against dock smuggling, the Eastmark Harbour Police said on Tuesday.

Officers from six forces searched 400 containers between 2 and 15 June, according to the force.

Chief Inspector Mirela Vantongeren thanked the crews.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("the date of the event, not of its telling", () => {
  it("tells a date of the saying from the event's own", () => {
    const text = "Officers arrested 90 people, the force said on Tuesday.";
    expect(datesTheSaying(text, text.indexOf("Tuesday"))).toBe(true);
    const other = "Officers arrested 90 people on Tuesday, the force said.";
    expect(datesTheSaying(other, other.indexOf("Tuesday"))).toBe(false);
  });

  it("reads a span of days written day before month", () => {
    expect(dateRange("searched 400 containers between 2 and 15 June, it said")).toBe(
      "between 2 and 15 June",
    );
  });

  it("answers when the effort ran with the dates the next sentence gives", () => {
    const reply = answer("When was the fortnight of action?", index);
    expect(reply.status).toBe("answered");
    expect(reply.text).toMatch(/^\*\*between 2 and 15 June\*\*/);
  });
});
