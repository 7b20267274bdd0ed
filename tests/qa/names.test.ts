import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPlacesInQuestion } from "../../src/facts/places.js";
import { namesTypedLow, type ReportNames, reportNames } from "../../src/qa/names.js";
import { STOP_WORDS } from "../../src/qa/vocabulary.js";
import { parseReport } from "../../src/report/parse.js";

/** What the look-ups stand in for: every run and every all-capitals word tried against the question. */
function everyName(question: string, names: ReportNames): string[] {
  const asked = ` ${question.toLowerCase().replace(/[^\w'’-]+/g, " ")} `;
  const typed = (name: string) =>
    asked.includes(` ${name.toLowerCase()} `) && !question.includes(name);
  const runs = names.runs.filter(
    (run) =>
      /\s/.test(run) &&
      !STOP_WORDS.has(run.split(/\s+/)[0]?.toLowerCase() ?? "") &&
      typed(run) &&
      findPlacesInQuestion(run).length === 0,
  );
  const acronyms = [...names.capitals].filter(
    (word) =>
      word.length >= 2 &&
      !names.common.has(word) &&
      !names.acronyms.has(word) &&
      !STOP_WORDS.has(word) &&
      typed(word.toUpperCase()) &&
      !runs.some((run) => run.toLowerCase().split(/\s+/).includes(word)) &&
      findPlacesInQuestion(word.toUpperCase()).length === 0,
  );
  return [...runs, ...acronyms.map((word) => word.toUpperCase())];
}

// Invented names and acronyms, some sharing words, so runs overlap and nest.
const NAMES = [
  "Harbour Watch Unit",
  "Watch Unit",
  "Blue Harbour Task Force",
  "Task Force",
  "the HWU",
  "the BHTF",
  "QRX",
  "harbour",
];
const report = fc
  .array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 8 })
  .map((used) =>
    used.map((name, i) => `${name} seized ${i + 2} boats near the pier.`).join("\n\n"),
  );
const question = fc
  .array(
    fc.constantFrom("harbour", "watch", "unit", "blue", "task", "force", "hwu", "qrx", "the"),
    {
      minLength: 1,
      maxLength: 7,
    },
  )
  .map((words) => `how many boats did ${words.join(" ")} seize?`);

describe("names typed in lower case", () => {
  it("are, first, the runs and acronyms a scan of every name finds, in the report's order", () => {
    fc.assert(
      fc.property(report, question, (text, q) => {
        const names = reportNames(parseReport(text));
        const found = namesTypedLow(q, names).map(([name]) => name);
        const expected = everyName(q, names);
        expect(found.slice(0, expected.length)).toEqual(expected);
        // What follows them are surnames: single capitalised words, which no look-up changed.
        for (const name of found.slice(expected.length)) expect(name).toMatch(/^[A-Z][a-z]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
