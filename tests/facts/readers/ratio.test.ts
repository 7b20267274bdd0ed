import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/facts/extract.js";
import { parseReport } from "../../../src/report/parse.js";

// Invented sentence.
describe("ratios and the place they compare with", () => {
  it("reads 'N times higher than X' as a ratio belonging to X", () => {
    const { facts } = extractFacts(
      parseReport(
        "Title\n\nThe city's theft rate is four times higher than that of Lyon, France, and 9 times higher than that of Oslo, Norway.\n",
      ),
    );
    expect(facts.map((f) => [f.value, f.unit, f.places[0]])).toEqual([
      [4, "times", "Lyon"],
      [9, "times", "Oslo"],
    ]);
  });
});
