import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { parseReport } from "../../src/report/parse.js";

const REPORT = `# Spring campaign results

| Province | Cases solved | Heroin seized (kg) |
|---|---:|---:|
| Yunnan | 1,234 | 120.5 |
| Guangxi | 86 | 9 |
| Total | 1,320 | 129.5 |

Guangxi police also closed two border crossings.`;

describe("Markdown tables", () => {
  const report = parseReport(REPORT);

  it("keep the whole table as one paragraph, so numbering still counts blocks", () => {
    expect(report.paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(report.paragraphs[1]?.text).not.toContain("|");
  });

  it("give each row's figures the row's place, the column's unit and what the column counts", () => {
    const facts = extractFacts(report).facts.filter((f) => f.paragraph === 2);
    const yunnanHeroin = facts.find((f) => f.value === 120.5);
    expect(yunnanHeroin).toMatchObject({ unit: "kg", places: ["Yunnan"], action: "seize" });
    expect(yunnanHeroin?.subject).toContain("heroin");
    expect(facts.find((f) => f.value === 86)).toMatchObject({ unit: "case", places: ["Guangxi"] });
  });

  it("do not lend a place to the total row", () => {
    const total = extractFacts(report).facts.find((f) => f.value === 1320);
    expect(total).toMatchObject({ places: [], scope: "national" });
  });
});
