import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });
const value = (question: string, text: string) =>
  answer(question, invented(text)).facts[0]?.value ?? null;

// Invented reports: the period or round a figure is for, against the one the question asks.
describe("the period a question asks", () => {
  it("is the report's own 'last year' when the question says last year", () => {
    const raids = [
      "Harbour police review",
      "January 12, 2026",
      "Police recorded 640 separate raids last year, compared with 720 in 2024 and 810 in 2023.",
    ].join("\n\n");
    expect(value("how many separate raids were there last year", raids)).toBe(640);
    expect(value("how many separate raids in 2024", raids)).toBe(720);
    const thefts = [
      "City crime bulletin",
      "Officers logged 95 bicycle thefts last year, against 120 in 2024.",
    ].join("\n\n");
    expect(value("bicycle thefts last year?", thefts)).toBe(95);
  });

  it("is not a round before the one reported", () => {
    const ring = [
      "Ring charged",
      "Six suspects were charged on Monday after a two-year inquiry.",
      "Eleven suspects charged in an earlier round of the case have been convicted.",
    ].join("\n\n");
    expect(value("how many suspects were charged", ring)).toBe(6);
    const sweep = [
      "Border sweep results",
      "Agents detained 85 migrants on Friday.",
      "A further 130 migrants detained in the first wave of the sweep were released.",
    ].join("\n\n");
    expect(value("how many migrants were detained", sweep)).toBe(85);
  });

  it("asks a mass when it asks a weight, though it names no unit", () => {
    const yearly = [
      "Annual drug control report",
      "Police seized 12.5 tonnes of drugs over the year.",
      "The number of registered drug users stood at 85,000 at the end of last year.",
    ].join("\n\n");
    expect(value("what was the total weight of drugs seized last year?", yearly)).toBe(12.5);
    const port = [
      "Port customs annual review",
      "Customs made 35 cocaine seizures at the port in 2025, including 4 large hauls.",
      "The cocaine seized had a combined weight of 2.6 tonnes, officials said.",
    ].join("\n\n");
    expect(value("total weight of cocaine seizures at the port", port)).toBe(2.6);
  });
});
