import { describe, expect, it } from "vitest";
import { bodiesInQuestion, reportBodies } from "../../src/facts/bodies.js";
import { parseReport } from "../../src/report/parse.js";

// Invented report.
const REPORT = parseReport(
  "Title\n\nThe plan gives $4 million to the Harbour Patrol Unit (HPU) and $2 million for the FBI.\n\nThe High-Intensity Drug Trafficking Areas programme grew.\n",
);
const bodies = reportBodies(REPORT);

describe("public bodies by name and acronym", () => {
  it("gives the full name for a gazetteer acronym and the acronym for a full name", () => {
    expect(bodies.aliases("funds for the FBI")).toBe("federal bureau of investigation fbi");
    expect(bodies.aliases("federal bureau of investigation")).toContain("fbi");
  });

  it("learns the report's own acronyms from 'Full Name (ACR)'", () => {
    expect(bodies.aliases("the HPU")).toBe("harbour patrol unit hpu");
  });

  it("reads acronyms only in their own case in report text", () => {
    expect(bodies.aliases("ice was seized")).toBe("");
  });

  it("remembers a name's forms by how it is written, so a lower-case acronym stays no match", () => {
    const fresh = reportBodies(REPORT);
    expect(fresh.aliases("the HPU and the hpu")).toBe("harbour patrol unit hpu");
    expect(fresh.aliases("the hpu")).toBe("");
    expect(fresh.aliases("the Harbour-Patrol unit")).toBe("harbour patrol unit hpu");
    expect(fresh.aliases("the HPU")).toBe("harbour patrol unit hpu");
  });

  it("knows which bodies the report names, hyphenated or not", () => {
    const named = (q: string) => bodiesInQuestion(q, () => false).map((b) => bodies.mentions(b));
    expect(named("what about the fbi?")).toEqual([true]);
    expect(named("high intensity drug trafficking areas funding")).toEqual([true]);
    expect(named("how many DEA agents?")).toEqual([false]);
  });

  it("does not read an English word as an acronym in a question", () => {
    expect(bodiesInQuestion("how much ice was seized", (w) => w.toLowerCase() === "ice")).toEqual(
      [],
    );
  });

  it("is safe with words that name object properties", () => {
    expect(bodies.aliases("constructor __proto__ toString hasOwnProperty")).toBe("");
  });
});
