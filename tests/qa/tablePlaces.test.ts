import { describe, expect, it } from "vitest";
import { reportPlaces } from "../../src/facts/localPlaces.js";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { parseReport } from "../../src/report/parse.js";

// An invented regional bulletin: a table by county whose labels drop the word "County", which the
// prose then uses, and a table by province whose labels carry accents.
const REPORT = `Valley task force posts quarterly results

Investigators seized 40.1 pounds of fentanyl across six counties between April and June.

County | Fentanyl (lbs) | Arrests

Wexmoor | 12.5 | 61

Tallow | 8.4 | 27

Brindle | 4.2 | 19

Total | 25.1 | 107

The 27 Tallow County arrests were the second-highest of the quarter. Brindle County deputies handed out 3,400 naloxone kits.

Province | Resin (kg) | Boats

Móldava | 1,250 | 6

León | 980 | 4`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });
const asked = (question: string) => answer(question, index);

describe("a table's row labels under a column naming a kind of area", () => {
  it("are areas of that kind, one place with the prose's 'X County'", () => {
    const { names } = reportPlaces(parseReport(REPORT));
    expect(names).toContain("Tallow County");
    expect(names).not.toContain("Tallow");
    expect(asked("how many people were arrested in tallow county").facts[0]?.value).toBe(27);
    expect(asked("wexmoor county fentanyl pounds?").facts[0]?.value).toBe(12.5);
  });

  it("are still asked by the label alone", () => {
    expect(asked("arrests in wexmoor").facts[0]?.value).toBe(61);
  });

  it("are asked without their accents, and are no typo of a country one letter away", () => {
    expect(asked("how many boats in moldava").facts[0]?.value).toBe(6);
    expect(asked("resin seized in leon province, kg?").facts[0]?.value).toBe(980);
  });
});

describe("an area named just before a body of it", () => {
  it("is a place: 'the Harlow County Sheriff's Office' names Harlow County", () => {
    const text = `Grants announced\n\nThe state will pay $9 million, including $2.5 million for the Harlow County Sheriff's Office.`;
    expect(reportPlaces(parseReport(text)).names).toContain("Harlow County");
    const grants = buildReportIndex(text, { name: "invented.txt", version: null });
    expect(answer("what about harlow county?", grants).facts[0]?.value).toBe(2_500_000);
  });
});

describe("which area gets the most money", () => {
  it("ranks every sum of money given to an area, whatever its sentence makes the subject", () => {
    const text = [
      "Grants announced",
      "The office announced $3.1 million in patrol grants to 12 counties. Harlow County will receive the largest award, $520,000, followed by Wexmoor County at $410,000. Tallow County gets $95,000.",
    ].join("\n\n");
    const grants = buildReportIndex(text, { name: "invented.txt", version: null });
    const result = answer("which county is getting the biggest patrol grant?", grants);
    expect(result.contest?.winner).toBe("Harlow County");
    expect(result.facts[0]?.value).toBe(520_000);
  });
});
