import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { loadGoldenSets, readReportText, reportMeta } from "../golden/goldenSet.js";

// An invented report: shapes that used to give "How many arrests were arrested?" and the like.
const REPORT = `Harbour police results

Officers seized 40 kilograms of heroin and arrested 120 suspects in Oakport, and thefts rose 12% in 2025.

Police made 85 arrests in the Netherlands, 30 arrests in Chile, 12 arrests in Peru and 9 arrests in Spain.

The inquiry took 3 years, and 900 officers carried out 60 raids.

Investigators seized $2 million in cash and $1 million in losses were recovered.`;

const suggestionsOf = (text: string) =>
  buildReportIndex(text, { name: "invented.txt", version: null }).suggestions;

describe("suggestions read as English", () => {
  const suggestions = suggestionsOf(REPORT);

  it("never ask for a figure's rise or fall, a time span, or a thing that did the action", () => {
    const joined = suggestions.join(" | ");
    expect(joined).not.toMatch(/were (?:increased|decreased)/);
    expect(joined).not.toMatch(/How many (?:years|days|months)/);
    expect(joined).not.toMatch(/How many officers were/);
  });

  it("ask for money only by a word for money, and for arrests as made", () => {
    expect(suggestions).toContain("How much cash was seized?");
    expect(suggestions.join(" | ")).not.toContain("losses");
    expect(suggestions.join(" | ")).not.toMatch(/arrests were arrested/);
  });

  it("name a place as a sentence does", () => {
    expect(suggestions).toContain("What are the figures for the Netherlands?");
  });
});

describe("every suggestion on every golden report", () => {
  const reports = new Map(loadGoldenSets().map((set) => [set.reportPath, set]));

  it("is a question the engine answers", () => {
    const unanswered: string[] = [];
    for (const set of reports.values()) {
      const index = buildReportIndex(readReportText(set), reportMeta(set));
      for (const question of index.suggestions) {
        const got = answer(question, index);
        if (got.status !== "answered") unanswered.push(`${set.name}: ${question}`);
      }
    }
    expect(unanswered).toEqual([]);
  });
});
