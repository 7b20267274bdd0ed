import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const report = (...paragraphs: string[]) =>
  buildReportIndex(`${paragraphs.join("\n\n")}\n`, { name: "invented.txt", version: null });

describe("a count a quoted name states", () => {
  const port = report(
    "Port security plan",
    "Inspectors checked 1,240 containers at the east terminal this year.",
    'The plan rests on the "four rings of inspection" around each terminal, backed by night patrols.',
    'The drive, named "Operation Two Rivers", ran along the coast.',
  );

  it("answers 'how many rings of inspection' with the count the quoted name opens on", () => {
    const asked = answer("how many rings of inspection are there around each terminal?", port);
    expect(asked.status).toBe("answered");
    expect(asked.facts[0]?.value).toBe(4);
    expect(asked.citations).toEqual([3]);
  });

  it("reads no count from a name written in capitals", () => {
    const asked = answer("how many rivers did the drive patrol?", port);
    expect(asked.facts.map((fact) => fact.value)).not.toContain(2);
  });
});
