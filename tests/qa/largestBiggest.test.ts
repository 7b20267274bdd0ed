import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { readQuestion } from "../../src/qa/normalize.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { concept } from "../../src/qa/vocabulary.js";

describe("superlatives of size", () => {
  it("reads 'biggest' as the report's 'largest' ('the biggest haul' of 'the largest haul')", () => {
    expect(concept("biggest")).toBe(concept("largest"));
  });
});

describe("a bust sized as a haul", () => {
  it("is the report's seizure, not its verb for arrests", () => {
    const index = buildReportIndex(
      [
        "Harbour police results",
        "Officers arrested 312 people during the spring.",
        "The largest single seizure of the spring came on April 4, when divers found 2.1 tonnes of cocaine in a hull.",
      ].join("\n\n"),
      { name: "invented.txt", version: null },
    );
    expect(readQuestion("when was the biggest bust", index.spelling).text).toMatch(/seizure/);
    expect(answer("when was the biggest single bust?", index).text).toMatch(/April 4/);
  });
});
