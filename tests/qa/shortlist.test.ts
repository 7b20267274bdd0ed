import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankFacts, shortlist } from "../../src/qa/rank.js";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import { TopScores } from "../../src/qa/topScores.js";
import { understand } from "../../src/qa/understand.js";
import { weightsWith } from "../../src/qa/weights.js";
import { ReportError } from "../../src/report/errors.js";

// Invented paragraphs of several shapes (a headline total, local rows, a labelled line, a change,
// a rate, money), put together at random into reports of up to forty paragraphs.
const SENTENCES = [
  "Rangers across the country seized 2,400 kilograms of cannabis in the spring drive.",
  "In Ontario, wardens arrested 41 poachers and fined 12 more.",
  "Quebec officers seized 310 kilograms of cannabis, including 25 kilograms at a ferry dock.",
  "Traps: 96 were pulled from the river near the mill.",
  "Poaching arrests fell 14 percent on the year before.",
  "The drive cost $3.2 million, about $40 per patrol.",
  "Harbour teams in Ontario and Quebec arrested 58 people, of whom 7 were minors.",
  "Officials said patrols would continue through the autumn.",
];
const report = fc
  .array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }), {
    minLength: 2,
    maxLength: 40,
  })
  .map((paragraphs) => paragraphs.map((p) => p.join(" ")).join("\n\n"));
const QUESTIONS = [
  "How much cannabis was seized?",
  "How many poachers were arrested?",
  "How many people were arrested in Ontario and Quebec?",
  "Which province arrested the most poachers?",
  "By what percentage did arrests fall?",
  "How much did the drive cost per patrol?",
  "How many traps were pulled?",
];

function built(text: string): ReportIndex | null {
  try {
    return buildReportIndex(text, { name: "invented.txt", version: null });
  } catch (error) {
    if (error instanceof ReportError) return null;
    throw error;
  }
}

describe("the shortlist's early stop", () => {
  it("keeps exactly the facts that scoring every candidate keeps", () => {
    let passedOver = 0;
    fc.assert(
      fc.property(
        report,
        fc.constantFrom(...QUESTIONS),
        fc.integer({ min: 1, max: 6 }),
        // A steep paragraph order, so that later candidates' ceilings fall below the kept ones.
        fc.constantFrom(0.001, 0.2, 0.5, 1.5),
        (text, question, limit, paragraphOrder) => {
          const index = built(text);
          if (index === null) return;
          const w = weightsWith({ fullScoreLimit: limit, paragraphOrder });
          const query = understand(question);
          const found = index.factDocs.map((_, id) => id);
          // A text match that varies from fact to fact, in [0, 1] as the real one is.
          const textMatch = (id: number) => ((id * 7) % 5) / 4;
          const early = shortlist(found, query, index, textMatch, w);
          const every = shortlist(found, query, index, textMatch, w, false);
          expect(early.ids).toEqual(every.ids);
          passedOver += every.scored - early.scored;
        },
      ),
      { numRuns: 150 },
    );
    // Not a vacuous check: some candidates were passed over unscored.
    expect(passedOver).toBeGreaterThan(0);
  });

  it("ranks as before for a question that retrieves more than it scores in full", () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => SENTENCES[i % SENTENCES.length]);
    const index = buildReportIndex(paragraphs.join("\n\n"), {
      name: "invented.txt",
      version: null,
    });
    const w = weightsWith({ fullScoreLimit: 3, paragraphOrder: 0.5 });
    const ranked = rankFacts(understand("How many poachers were arrested?"), index, [], w);
    expect(ranked).toHaveLength(3);
    // The first statement of the arrests, not a later repeat of it, heads the list.
    expect(ranked[0]?.fact).toMatchObject({ value: 41, paragraph: 2 });
  });
});

describe("TopScores", () => {
  it("holds the least of the best `size` scores seen", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (scores, size) => {
          const top = new TopScores(size);
          for (const score of scores) top.add(score);
          const sorted = [...scores].sort((a, b) => b - a);
          expect(top.full).toBe(scores.length >= size);
          expect(top.least).toBe(
            scores.length >= size ? sorted[size - 1] : Number.NEGATIVE_INFINITY,
          );
        },
      ),
    );
  });
});
