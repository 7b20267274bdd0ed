import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { headVerbStems } from "../../src/qa/answers/headVerbs.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented report: the ring's head is named with a passive head verb the question does not use.
const REPORT = `Marlow County Smuggling Indictment

MARLOW - Nine people were charged on Friday with smuggling cocaine through the port of Marlow.

Chief Inspector Wendy Arkwright said the investigation had taken two years.

According to the indictment, the ring was led by Tomas Reyes, who shipped the drugs in fruit crates.

Officers seized 40 kilograms of cocaine and $120,000 in cash.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("who heads something", () => {
  it("takes any head verb for the one asked", () => {
    expect(headVerbStems(["was", "running", "the", "ring"])).toContain("led");
    expect(headVerbStems(["seized", "the", "drugs"])).toEqual([]);
  });

  it("answers 'who was running' with the name a passive 'led by' gives", () => {
    const reply = answer("Who was running the ring?", index);
    expect(reply.status).toBe("answered");
    expect(reply.text).toMatch(/^\*\*Tomas Reyes\*\*/);
  });
});
