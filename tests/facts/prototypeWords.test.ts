import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { FactTable } from "../../src/facts/schema.js";
import { countUnit } from "../../src/facts/units.js";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { parseReport } from "../../src/report/parse.js";

// Invented report whose words name object properties.
const TEXT =
  "Title\n\nInspectors listed 5 constructors, 3 __proto__ entries and 2 toString valueOf hasOwnProperty items.\n\nThe constructor seized 40 kilograms of cocaine.\n";

describe("words that name object properties", () => {
  it("are plain words to the count-noun table", () => {
    for (const word of ["constructor", "constructors", "__proto__", "toString", "valueOf"]) {
      expect(typeof countUnit(word)).toBe("string");
    }
  });

  it("give a valid fact table and ordinary answers", () => {
    const table = extractFacts(parseReport(TEXT));
    expect(FactTable.safeParse(table).success).toBe(true);
    expect(table.facts.map((f) => f.value)).toEqual([5, 3, 2, 40]);
    const index = buildReportIndex(TEXT, { name: "t", version: null });
    expect(answer("how many constructors?", index).facts[0]?.value).toBe(5);
    expect(answer("__proto__ toString constructor", index).status).toBeDefined();
  });
});
