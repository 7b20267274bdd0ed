import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { countedByHeading } from "../../src/facts/listRows.js";
import { parseReport } from "../../src/report/parse.js";

const rows = (text: string) =>
  extractFacts(parseReport(`Title\n\n${text}\n`)).facts.map((f) => [f.value, f.unit, f.subject]);

// Invented lists of labelled rows.
describe("what a list row's bare figure counts", () => {
  it("is the noun of the heading above ('Arrests by district')", () => {
    const facts = rows(
      "Arrests by district\n\nNorthgate: 12\n\nEastvale: 9, most of them teenagers",
    );
    expect(facts[0]).toEqual([12, "person", "arrests"]);
    expect(facts[1]).toEqual([9, "person", "arrests"]);
  });

  it("is the noun of a lead-in ending in a colon", () => {
    const facts = rows(
      "Defendants by county, as of Friday:\n\nMarlow County: 6\n\nEssax County: 4",
    );
    expect(facts.map((f) => f[1])).toEqual(["person", "person"]);
  });

  it("is what the list's first row counts, when no heading says", () => {
    const facts = rows(
      "Officers said the raids went on for a week.\n\nNorthgate: 14 suspects, two of them minors\n\nWestvale: 6\n\nEastvale: 3",
    );
    expect(facts.filter((f) => f[0] === 6 || f[0] === 3).map((f) => f[1])).toEqual([
      "person",
      "person",
    ]);
  });

  it("is not given to a row that states its own measure, nor to a figure inside a sentence", () => {
    const facts = rows(
      "Arrests by district\n\nNorthgate: 3 tonnes seized\n\nOfficers in Westvale said 7 were later freed.",
    );
    expect(facts.find((f) => f[0] === 3)?.[1]).toBe("t");
    expect(facts.find((f) => f[0] === 7)?.[2]).not.toBe("arrests");
  });
});

describe("countedByHeading", () => {
  it("reads a plural count noun before 'by'", () => {
    expect(countedByHeading("Charges filed by county, 2024:")).toBe("charges");
    expect(countedByHeading("Seizures by province")).toBe("seizures");
  });

  it("reads no verb, and no sentence that only uses 'by'", () => {
    expect(countedByHeading("Seized by port")).toBeNull();
    expect(
      countedByHeading(
        "Arrests rose sharply this year by most accounts in every district of the state",
      ),
    ).toBeNull();
  });
});
