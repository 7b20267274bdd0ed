import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { clippedName, reportNames } from "../../src/qa/names.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { parseReport } from "../../src/report/parse.js";

const forces = buildReportIndex(
  [
    "Week of action against dealing lines",
    "Results by force:",
    "Bramwell Constabulary (12 lines closed), 140 arrests",
    "Corbyn’s Patrol Group (9 lines closed), 88 arrests",
    "Inspector Dale, who heads the Bram's county lines desk, said Corb officers helped.",
  ].join("\n\n"),
  { name: "invented.txt", version: null },
);

describe("a name's clipped short form", () => {
  it("is the report's full name when it clips exactly one", () => {
    const got = answer("how many arrests did the Bram make?", forces);
    expect(got.facts[0]?.value).toBe(140);
  });

  it("is no clip of a name a possessive follows, nor of a word it only begins", () => {
    const names = reportNames(
      parseReport("Corbyn’s Patrol Group closed nine lines.\n\nBramwell Constabulary closed 12."),
    );
    expect(clippedName("Corbyn", names)).toBeNull();
    expect(clippedName("Bram", names)).toBe("Bramwell Constabulary");
    expect(clippedName("Bramwell", names)).toBeNull();
  });
});
