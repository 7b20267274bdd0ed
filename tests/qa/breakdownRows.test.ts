import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

// Invented report: a national total in the body, then a breakdown under labels that are no places
// of the gazetteer, one of them a region said to include a city.
const REPORT = [
  "Freeland drug board half-year results",
  "MADRID, July 3, 2025 - The board said officers seized 96 million tablets in the first half of 2025.",
  "Officers opened 20,400 drug cases and arrested 24,310 suspects on drug charges during the period, down 3% from 25,060.",
  "A village sweep led to 4,020 arrests, officials said.",
  "Arrests and seizures by province, January–June 2025:",
  "Upland: 51 million tablets; 3,100 kg of crystal meth; 6,200 arrests",
  "Northeastern: 30 million tablets; 2,200 kg of crystal meth; 7,010 arrests",
  "Coastal (including Valencia): 9 million tablets; 800 kg of crystal meth; 8,400 arrests",
  "Southern: 6 million tablets; 500 kg of crystal meth; 2,700 arrests",
  "Valencia alone accounted for 3,950 of the coastal region's arrests, the city police said.",
].join("\n\n");
const index = invented(REPORT);
const value = (question: string) => answer(question, index).facts[0]?.value ?? null;

describe("a breakdown by labelled rows", () => {
  it("answers a total with the report's own figure, not a row nor a part of one sweep", () => {
    expect(value("total arrests on drug charges jan-june?")).toBe(24_310);
  });

  it("counts what each row's own noun says, under a heading that names two things", () => {
    expect(value("which region had the most arrests")).toBe(8_400);
    expect(value("northeast region tablet seizures, how many")).toBe(30_000_000);
    expect(value("how many arrests in the south")).toBe(2_700);
  });

  it("gives a city its own figure, not the row of the region said to include it", () => {
    expect(value("what about valencia, how many drug arrests there?")).toBe(3_950);
  });

  it("keeps the row a question names by its figures", () => {
    const ages = invented(
      [
        "County overdose review",
        "The county recorded 1,240 overdose deaths in 2025, down from 1,410.",
        "Deaths by age group:",
        "15 to 24: 120 deaths",
        "25 to 34: 301 deaths",
        "35 to 44: 280 deaths",
      ].join("\n\n"),
    );
    expect(answer("how many deaths in the 25 to 34 age group", ages).facts[0]?.value).toBe(301);
    expect(answer("total overdose deaths in 2025", ages).facts[0]?.value).toBe(1_240);
  });
});
