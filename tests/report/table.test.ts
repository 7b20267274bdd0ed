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

describe("tables written one row to a paragraph", () => {
  // Invented fact sheet: rows as paragraphs under a header row, no separator row.
  const SHEET = [
    "Harbour Awards",
    "Town | Total FY 2026 awards | 2025 drownings (provisional) | Assets seized (mln euros) | Change vs. 2024",
    "Oakfield | $9.5 million | 312 | 4.5 | -12.0%",
    "Riverton | $2.1 million | 48 | 0.7 | +3.1%",
    "Lifeboat launches | FY 2025 | FY 2026",
    "Rescues (people) | 410 | 455",
    "Precinct 4 saw 12 drownings.",
  ].join("\n\n");
  const report = parseReport(SHEET);
  const facts = extractFacts(report).facts;

  it("reads each row under the header row above it, keeping one paragraph per row", () => {
    expect(report.paragraphs).toHaveLength(7);
    const oakfield = facts.filter((f) => f.paragraph === 3);
    expect(oakfield.find((f) => f.value === 9_500_000)).toMatchObject({ unit: "USD" });
    expect(oakfield.find((f) => f.value === 312)?.subject).toContain("drownings");
    expect(oakfield.find((f) => f.value === 312)?.period ?? report.paragraphs[2]?.text).toContain(
      "2025",
    );
    expect(oakfield.find((f) => f.value === 4_500_000)).toMatchObject({ unit: "EUR" });
    expect(report.paragraphs[2]?.text).toContain("change vs. 2024");
  });

  it("takes what a row counts from its label when the columns are periods", () => {
    expect(report.paragraphs[5]?.text).toBe(
      "Lifeboat launches: 410 rescues in FY 2025; 455 rescues in FY 2026.",
    );
  });

  it("reads a numbered area as a place, not a figure", () => {
    const precinct = facts.filter((f) => f.paragraph === 7);
    expect(precinct.map((f) => f.value)).toEqual([12]);
    expect(precinct[0]?.places).toEqual(["Precinct 4"]);
  });
});
