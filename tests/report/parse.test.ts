import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/report/parse.js";

const texts = (text: string) => parseReport(text).paragraphs.map((p) => p.text);

describe("parseReport examples", () => {
  it("numbers blank-line blocks, ignoring whitespace-only lines, edges and CRLF", () => {
    const text =
      "\r\n  \r\nAlpha line one\r\nstill alpha.\r\n \t \r\nBeta here.\r\n\r\n\r\nGamma.\r\n  \r\n";
    const report = parseReport(text);
    expect(report.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [1, "Alpha line one still alpha."],
      [2, "Beta here."],
      [3, "Gamma."],
    ]);
  });

  it("strips Markdown headings, emphasis and links", () => {
    const report = parseReport(
      "# Annual Notes\n\n## Results\n\nWe **seized** a [large haul](http://example.test) in *May*.",
    );
    expect(report.paragraphs.map((p) => p.text)).toEqual([
      "Annual Notes",
      "Results",
      "We seized a large haul in May.",
    ]);
    expect(report.paragraphs[1]?.isHeading).toBe(true);
  });

  it("splits Markdown list items into their own paragraphs", () => {
    const report = parseReport("## Work\n\nHighlights:\n- first item\n- second item\n\nAfter.");
    expect(report.paragraphs.map((p) => [p.number, p.text, p.isListItem])).toEqual([
      [1, "Work", false],
      [2, "Highlights:", false],
      [3, "first item", true],
      [4, "second item", true],
      [5, "After.", false],
    ]);
  });

  it("detects ordinal sections with numbers and titles", () => {
    const report = parseReport(
      "Opening words.\n\nFirst, enforcement was strengthened.\n\nSome detail.\n\nThe second is prevention work.\n\nMore detail.",
    );
    expect(report.sections).toEqual([
      { number: 1, title: "First, enforcement was strengthened", paragraph: 2 },
      { number: 2, title: "The second is prevention work", paragraph: 4 },
    ]);
    expect(report.paragraphs[2]?.section).toEqual({
      number: 1,
      title: "First, enforcement was strengthened",
    });
    expect(report.paragraphs[4]?.section?.number).toBe(2);
    expect(report.paragraphs[0]?.section).toBeNull();
  });

  it("does not open a section for a skipped ordinal ('Third,' with no second)", () => {
    const report = parseReport(
      "First, enforcement was strengthened.\n\nSome detail.\n\nThird, officers visited schools and handed out leaflets.",
    );
    expect(report.sections.map((s) => s.number)).toEqual([1]);
    expect(report.paragraphs[2]?.section?.number).toBe(1);
  });

  // BUG: SectionTracker.offer always accepts number 1, so a prose "First, …" after section 2 restarts at section 1.
  it("does not open a new section for an out-of-sequence 'First,' in prose", () => {
    const report = parseReport(
      "First, enforcement was strengthened.\n\nThe second is prevention work.\n\nFirst, officers visited schools and then they handed out leaflets to hundreds of pupils in the county.",
    );
    expect(report.sections.map((s) => s.number)).toEqual([1, 2]);
    expect(report.paragraphs[2]?.section?.number).toBe(2);
  });

  it("gives sentence offsets into the paragraph text", () => {
    const report = parseReport(
      "The U.S. agency seized 3.5 tons on Monday. Officers made 12 arrests! Was it enough? Yes.",
    );
    const paragraph = report.paragraphs[0];
    expect(paragraph).toBeDefined();
    if (!paragraph) return;
    expect(paragraph.sentences.map((s) => s.text)).toEqual([
      "The U.S. agency seized 3.5 tons on Monday.",
      "Officers made 12 arrests!",
      "Was it enough?",
      "Yes.",
    ]);
    for (const s of paragraph.sentences) {
      expect(paragraph.text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));
const spaces = fc.stringMatching(/^[ \t]{0,3}$/);

describe("parseReport properties", () => {
  it("never throws on any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: "grapheme" }),
          fc
            .array(
              fc.constantFrom("\n", "\r\n", "#", "- ", "**", "[a](b)", "First, ", "1. ", "x", " "),
            )
            .map((p) => p.join("")),
        ),
        (s) => {
          parseReport(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("paragraphs are stable under whitespace changes and numbered 1..n", () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        spaces,
        spaces,
        (lines, indent, trail) => {
          const plain = parseReport(lines.join("\n\n"));
          const messy = parseReport(
            `\n \n${lines.map((l) => `${indent}${l}${trail}`).join("\n \n\t\n")}\n\t \n`,
          );
          expect(messy.paragraphs.map((p) => p.text)).toEqual(plain.paragraphs.map((p) => p.text));
          expect(plain.paragraphs.length).toBe(lines.length);
          expect(plain.paragraphs.map((p) => p.number)).toEqual(lines.map((_, i) => i + 1));
          expect(messy.paragraphs.map((p) => p.number)).toEqual(lines.map((_, i) => i + 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("paragraph numbers are always 1..n and sentence offsets always slice to the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const report = parseReport(s);
        report.paragraphs.forEach((p, i) => {
          expect(p.number).toBe(i + 1);
          for (const sentence of p.sentences) {
            expect(p.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});

it("texts helper sanity", () => {
  expect(texts("a\n\nb")).toEqual(["a", "b"]);
});
