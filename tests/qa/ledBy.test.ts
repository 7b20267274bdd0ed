import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { gluedHeadVerb } from "../../src/qa/answers/ledBy.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented reports: a body named as led by another with "-led", once with a person who heads it.
const GLUED = `Port of Eastmark Intake Results

EASTMARK - Customs officers working with the Harbour Police-led Regional Interdiction Coordination Centre (RICC) seized 300 kilograms of cocaine in May.

The centre screened 1,200 containers, officials said.`;

const WITH_HEAD = `${GLUED}

Inspector Mirela Vantongeren, who leads the RICC, said the results were the best in a decade.`;

function lead(report: string, question: string): string {
  const reply = answer(question, buildReportIndex(report, { name: "invented.txt", version: null }));
  expect(reply.status).toBe("answered");
  return /^\*\*(.+?)\*\*/.exec(reply.text)?.[1] ?? "";
}

describe("a body glued to '-led'", () => {
  it("is no title a name follows", () => {
    const text = "the Harbour Police-led Joint Intake Desk";
    expect(gluedHeadVerb(text, text.indexOf("led"), "led")).toBe(true);
    expect(gluedHeadVerb("the desk was led by Ana Ruiz", 14, "led")).toBe(false);
  });

  it("runs the body where no person is named its head", () => {
    expect(lead(GLUED, "Who runs the regional interdiction coordination centre?")).toBe(
      "Harbour Police",
    );
  });

  it("gives way to the person who heads it", () => {
    expect(lead(WITH_HEAD, "Who runs the regional interdiction coordination centre?")).toBe(
      "Mirela Vantongeren",
    );
  });
});
