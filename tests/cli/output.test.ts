import { describe, expect, it } from "vitest";
import { answerToJson, answerToText } from "../../src/cli/output.js";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { PATROLS_REPORT } from "../support/patrols.js";

const patrols = buildReportIndex(PATROLS_REPORT, { name: "patrols.txt", version: 1 });
const asked = (question: string) => answer(question, patrols);

describe("the CLI's text answer names a contest's winner from the answer's structure", () => {
  it("leads with the winner a question asks for", () => {
    const [lead] = answerToText(asked("Did Kerala or Goa seize more heroin?")).split("\n");
    expect(lead).toBe("Goa — 75 kilograms of heroin seized in Goa (¶3)");
  });

  it("names no winner for sides only set beside each other, nor for level figures", () => {
    const sideBySide = answerToText(asked("kerala vs goa heroin"));
    expect(sideBySide.split("\n")[0]).toBe("40 kilograms of heroin seized in Kerala (¶2)");
    expect(sideBySide).toContain("• Goa: 75 kilograms of heroin seized in Goa (¶3)");
    const level = answerToText(asked("Which destroyed more labs, Kerala or Goa?"));
    expect(level.split("\n")[0]).toBe("Level: the report gives the same figure for both.");
  });

  it("answers each part of a question asking several things, the ranked part with its leader", () => {
    const text = answerToText(
      asked("how many suspects were arrested in kerala and which state seized the most heroin?"),
    );
    const [first, second] = text.split("\n\n");
    expect(first?.startsWith("12 suspects arrested in Kerala (¶2)")).toBe(true);
    expect(second?.startsWith("Goa — 75 kilograms of heroin")).toBe(true);
  });
});

describe("the --json line of a contest", () => {
  it("keeps its text as the engine wrote it and adds the winner and options", () => {
    const reply = asked("Which state seized the most heroin?");
    const json = JSON.parse(answerToJson(reply));
    expect(json.text).toBe(reply.text);
    expect(json.contest).toEqual({
      kind: "superlative",
      winner: "Goa",
      options: [
        { name: "Goa", value: 75, unit: "kg", paragraph: 3 },
        { name: "Kerala", value: 40, unit: "kg", paragraph: 2 },
        { name: "Punjab", value: 12, unit: "kg", paragraph: 4 },
      ],
    });
  });

  it("adds nothing to an answer that sets nothing side by side", () => {
    const json = JSON.parse(answerToJson(asked("How many suspects were arrested in Goa?")));
    expect(Object.keys(json)).toEqual([
      "question",
      "status",
      "text",
      "citations",
      "confidence",
      "facts",
      "suggestions",
    ]);
  });
});
