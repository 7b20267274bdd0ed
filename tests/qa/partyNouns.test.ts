import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { asksParty } from "../../src/qa/answers/surnames.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented report: defendants listed with their ages, later named by surname alone.
const REPORT = `Four Charged in Lakeport Heroin Case

LAKEPORT - Four people were charged on Monday with selling heroin in Lakeport, District Attorney Nora Bell said.

The defendants are:

Pieter Vandermolen-Aske, 29, of Lakeport, charged with possession with intent to distribute.

Greta Hollandsworth, 51, of Brimley, charged with conspiracy.

Three of the defendants were arrested at their homes. Vandermolen-Aske remains a fugitive.

Officers seized 2 kilograms of heroin.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("a party to a case", () => {
  it("is asked for by a party noun, not a title", () => {
    expect(asksParty("which defendant fled")).toBe(true);
    expect(asksParty("name a victim in the report")).toBe(true);
    expect(asksParty("which judge sentenced them")).toBe(false);
  });

  it("is named by the surname of someone named in full, 'on the run' being a fugitive", () => {
    const reply = answer("Which defendant is still on the run?", index);
    expect(reply.status).toBe("answered");
    expect(reply.text).toMatch(/^\*\*Vandermolen-Aske\*\*/);
  });
});
