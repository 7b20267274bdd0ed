import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

// Invented reports: each shape of English once made the engine say it had no figure it has.
describe("a hedging adverb in the question", () => {
  const report = invented(
    "Harbour customs year\n\nOfficers seized 30 tonnes of goods at the harbour in 2024.\n\nSolvents - the liquids used to cut counterfeit perfume - made up 7.5 tonnes of the 30-tonne total.\n\nDuring the raids, officers searched nine warehouses and recovered about $40,000 in cash.\n",
  );

  it("says nothing of which part is asked", () => {
    expect(
      answer("how much of the 30 tonnes was actually solvents?", report).facts[0],
    ).toMatchObject({ value: 7.5 });
  });

  it("is no word the report must use", () => {
    expect(
      answer("how much cash was recovered in the warehouse searches specifically", report).facts[0],
    ).toMatchObject({ value: 40_000 });
  });
});
