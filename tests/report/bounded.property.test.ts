// Hostile shapes of report and question: every build finishes within a work budget proportional
// to the text, and JavaScript's own property names are just words.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { ReportError } from "../../src/report/errors.js";
import { REPORT_LIMITS } from "../../src/report/limits.js";
import { regexCharactersScanned } from "../support/regexWork.js";

const PROTOTYPE_NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "prototype",
];
const prototypeWord = fc
  .constantFrom(...PROTOTYPE_NAMES)
  .chain((name) => fc.constantFrom(name, `${name}s`, name.toLowerCase(), name.toUpperCase()));
const units = fc.constantFrom("kg", "tons", "cases", "suspects", "pills", "grams", "%", "");
const figure = fc.integer({ min: 1, max: 999_999 });

/** Build, or be refused with a ReportError: anything else is a crash. */
function buildOrRefuse(text: string) {
  try {
    return buildReportIndex(text, { name: "fuzz.txt", version: null });
  } catch (error) {
    if (error instanceof ReportError) return null;
    throw error;
  }
}

describe("prototype names", () => {
  it("are ordinary words in a report and in a question", () => {
    fc.assert(
      fc.property(prototypeWord, prototypeWord, figure, units, (word, other, n, unit) => {
        const report = [
          `Police arrested ${n} ${word} and 12 miners in ${other}.`,
          `In ${word} Province, ${n} ${unit} of ${other} were seized, ${word} ${other}.`,
          `| ${word} | ${other} (${unit || "kg"}) |\n|---|---|\n| ${other} | ${n} |`,
          `${word}: ${n} ${other} were ${word}ed.`,
        ].join("\n\n");
        const index = buildOrRefuse(report);
        expect(index).not.toBeNull();
        if (!index) return;
        for (const question of [
          `how many ${word}?`,
          `${word} ${other} in ${word}`,
          `what are ${other}'s figures?`,
          `which ${word} ${other} the most ${word}?`,
          word,
        ]) {
          expect(() => answer(question, index)).not.toThrow();
        }
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * Characters scanned, at most, per character of report text and per character of the sentences
 * the figures sit in (a sentence is read around each of its figures; REPORT_LIMITS caps the sum).
 * Linear work stays under these whatever the size; a step that rescans a paragraph per figure does not.
 */
const SCAN_PER_TEXT_CHAR = 400;
const SCAN_PER_QUOTED_CHAR = 40;

const denseShape = fc.oneof(
  // One long sentence of figures.
  fc
    .record({ n: fc.integer({ min: 50, max: 600 }), unit: units })
    .map(
      ({ n, unit }) =>
        `Police seized ${Array.from({ length: n }, (_, i) => `${i + 2} ${unit} of heroin`).join(", ")}.`,
    ),
  // A paragraph of many short sentences.
  fc
    .record({ n: fc.integer({ min: 50, max: 600 }), unit: units })
    .map(({ n, unit }) =>
      Array.from(
        { length: n },
        (_, i) => `Officers seized ${i * 7 + 3} ${unit} in District ${i}.`,
      ).join(" "),
    ),
  // A wide or long Markdown table.
  fc
    .record({ rows: fc.integer({ min: 1, max: 300 }), cols: fc.integer({ min: 2, max: 60 }) })
    .map(({ rows, cols }) => {
      const header = `| Place | ${Array.from({ length: cols - 1 }, (_, c) => `Item ${c} (kg)`).join(" | ")} |`;
      const rule = `|${"---|".repeat(cols)}`;
      const body = Array.from(
        { length: rows },
        (_, r) =>
          `| Region ${r} | ${Array.from({ length: cols - 1 }, (_, c) => r * cols + c + 1).join(" | ")} |`,
      );
      return `# Results\n\n${[header, rule, ...body].join("\n")}`;
    }),
  // Labels that look like figures, unclosed brackets, and a deep list.
  fc
    .integer({ min: 100, max: 3_000 })
    .map((n) => `Police seized 5 kg. ${"[".repeat(n)} ${"<a ".repeat(n)}`),
  fc
    .integer({ min: 100, max: 2_000 })
    .map((n) =>
      Array.from({ length: n }, (_, i) => `${" ".repeat(i % 30)}- item ${i} section ${i}`).join(
        "\n",
      ),
    ),
);

describe("figure-dense reports", () => {
  it("build within a work budget proportional to their length, or are refused", () => {
    fc.assert(
      fc.property(denseShape, (text) => {
        let index: ReturnType<typeof buildOrRefuse> = null;
        const scanned = regexCharactersScanned(() => {
          index = buildOrRefuse(text);
        });
        const built = index as ReturnType<typeof buildOrRefuse>;
        // A refused report stopped before reading its figures, so it counts no quoted text.
        const quoted = (built?.table.facts ?? []).reduce((sum, fact) => sum + fact.quote.length, 0);
        expect(scanned).toBeLessThanOrEqual(
          SCAN_PER_TEXT_CHAR * text.length + SCAN_PER_QUOTED_CHAR * quoted + 10_000,
        );
        if (built) expect(built.table.facts.length).toBeLessThanOrEqual(REPORT_LIMITS.figures);
      }),
      { numRuns: 25 },
    );
  });

  it("over a cap are refused with the count and the limit", () => {
    const many = Array.from({ length: 210 }, (_, p) =>
      Array.from({ length: 100 }, (_, i) => `Officers seized ${p * 100 + i + 1} kg.`).join(" "),
    ).join("\n\n");
    expect(() => buildReportIndex(many, { name: "x", version: null })).toThrow(
      /the report has 2\d,\d{3} figures; the limit is 20,000/,
    );
    const wide = `| A | B |\n|---|---|\n${"| x | 1 |\n".repeat(REPORT_LIMITS.tableCells / 2)}`;
    expect(() => buildReportIndex(wide, { name: "x", version: null })).toThrow(
      /a table has 20,00\d cells; the limit is 20,000/,
    );
  });

  it("take their caps from the caller when given, the shipped ones otherwise", () => {
    const meta = { name: "x", version: null };
    const text = "Officers seized 12 kg of heroin and 40 kg of cocaine.\n\nThey arrested 9 people.";
    expect(buildReportIndex(text, meta).table.facts).toHaveLength(3);
    const fewFigures = { ...REPORT_LIMITS, figures: 2 };
    expect(() => buildReportIndex(text, meta, { limits: fewFigures })).toThrow(
      /the report has 3 figures; the limit is 2$/,
    );
    const table = "| Drug | Kg |\n|---|---|\n| heroin | 12 |\n| cocaine | 40 |";
    expect(buildReportIndex(table, meta).table.facts.length).toBeGreaterThan(0);
    const smallTables = { ...REPORT_LIMITS, tableCells: 4 };
    expect(() => buildReportIndex(table, meta, { limits: smallTables })).toThrow(
      /a table has 8 cells; the limit is 4$/,
    );
  });
});
