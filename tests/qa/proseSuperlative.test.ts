import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const grants = buildReportIndex(
  [
    "Attorney general announces harbour-safety grants",
    "The attorney general's office announced $3.1 million in harbour-safety grants to 14 counties for the coming year.",
    "Lake County will receive the largest award, $520,000, followed by Wayne County at $480,000. Ashtabula County will get $150,000.",
  ].join("\n\n"),
  { name: "invented.txt", version: null },
);

describe("a superlative the report states in prose", () => {
  it("ranks the places' sums when no figure counting the thing asked is a place's", () => {
    const got = answer("which county is getting the biggest harbour-safety grant?", grants);
    expect(got.contest?.winner).toBe("Lake County");
    expect(got.facts[0]?.value).toBe(520000);
  });
});
