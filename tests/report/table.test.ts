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

const SPLIT = `Harbour results by area

The force published this breakdown:

Area | Thefts 2024 (Jan.-Mar.) | Thefts 2025 (Jan.-Mar.) | Funding (mln euros) | Change vs. 2024

Zone 7 | 40 | 31 | 2.5 | -22%

Westvale | 12 | 15 | 1.0 | +25%

Officers also opened a new station.`;

const BY_YEAR = `Seizures by year

Harbour seizures | FY 2024 | FY 2025

Cannabis (kg) | 310 | 275

Boats stopped | 12 | 19`;

describe("tables written one row per paragraph", () => {
  const report = parseReport(SPLIT);
  const facts = extractFacts(report).facts;

  it("keep each row as its own numbered paragraph", () => {
    expect(report.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.paragraphs[3]?.text.startsWith("Zone 7: ")).toBe(true);
  });

  it("give each cell its column's meaning and year, and the row's label as its place", () => {
    const thefts2025 = facts.find((f) => f.paragraph === 4 && f.value === 31);
    expect(thefts2025).toMatchObject({ subject: "thefts", places: ["Zone 7"], period: "2025" });
    expect(facts.find((f) => f.paragraph === 4 && f.value === 40)?.period).toBe("2024");
    expect(facts.find((f) => f.paragraph === 5 && f.value === 1_000_000)).toMatchObject({
      unit: "EUR",
      places: ["Westvale"],
    });
  });

  it("read a signed change as the rise or fall it is, and a label's number as no figure", () => {
    expect(facts.find((f) => f.paragraph === 4 && f.value === 22)?.action).toBe("decrease");
    expect(facts.find((f) => f.paragraph === 5 && f.value === 25)?.action).toBe("increase");
    expect(facts.some((f) => f.paragraph === 4 && f.value === 7)).toBe(false);
  });

  it("under columns headed only by years, take what is counted from the row's label", () => {
    const byYear = extractFacts(parseReport(BY_YEAR)).facts;
    expect(byYear.find((f) => f.value === 275)).toMatchObject({
      unit: "kg",
      subject: "cannabis",
      period: "FY 2025",
    });
    expect(byYear.find((f) => f.value === 12)?.period).toBe("FY 2024");
  });

  it("leave a single line of pipes, such as a byline, as it is", () => {
    const byline = parseReport("By A. Writer | The Daily | Updated today\n\nPolice seized 4 kg.");
    expect(byline.paragraphs[0]?.text).toContain("|");
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
    expect(report.paragraphs[2]?.text).toContain("a decrease of 12.0% vs. 2024");
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

describe("a word cell beside a row's money", () => {
  it("says what kind of sum the money is", () => {
    const report = parseReport(`# Awards

| State | Program | Award |
|---|---|---:|
| Vermont | Harbour Safety Grant | $40,000 |
| Maine | Rural Patrol Fund | $25,500 |`);
    const facts = extractFacts(report).facts;
    expect(facts.find((f) => f.value === 40000)?.subject).toContain("harbour safety grant");
    expect(facts.find((f) => f.value === 25500)?.quote).toContain("Rural Patrol Fund");
  });
});

describe("a row for the whole", () => {
  it("is no one place's, whatever another cell's heading names", () => {
    const report = parseReport(`# Results

| Country | Arrests | Transfers to the United States |
|---|---:|---:|
| Chile | 120 | 4 |
| Peru | 80 | 2 |
| Total | 200 | 6 |`);
    const total = extractFacts(report).facts.find((f) => f.value === 200);
    expect(total?.places).toEqual([]);
    expect(total?.scope).toBe("national");
  });
});
