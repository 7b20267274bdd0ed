import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fact } from "../../src/facts/schema.js";
import { answer, reply as replyTo } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import type { Answer } from "../../src/qa/schema.js";
import {
  accuracyByTag,
  formatFailures,
  formatTable,
  GOLDEN_DIR,
  type GoldenQuestion,
  listGoldenFiles,
  loadGoldenSet,
  percent,
  readReportText,
  reportMeta,
  runGoldenSet,
  type SetResult,
  scoreQuestion,
} from "./goldenSet.js";

/** Minimum accuracy per golden file, keyed by file name without `.json`; `default` for the rest. */
/**
 * A few points under what was last measured. The seed and the first four invented reports were
 * written alongside the engine; the other ten were written in batches of three by someone who never
 * saw the engine, measured on first sight, and only then used to find what to fix. First sight:
 * afp 62.5%, europol 92%, xinhua 84%; hk 60%, ncb 64%, pdea 48%; cbp 76%, oncb 80%, zhejiang 76%;
 * china 92%, nca 68%, unodc 80%; guangdong 80%, colombia 76%, indictment 60%; singapore 60%,
 * mexico 88%, vietnam 76%; customs 92%, trafficking 80%, nsw 91%; eu 68%, carnapping 84%, yunnan 92%;
 * gun crackdown 84%, fbi 96%, brazil 72%; china daily 84%, canada 72%, kenya 76%; sichuan 76%,
 * wastewater 75%, trafficking brief 84% (batches: 80%, 57%, 77%, 80%, 72%, 75%, 87.5%, 81.3%, 84%,
 * 77.3%, 78.4%); each batch's fixes carried over to
 * the next. The floors below follow the current figures, which `npm run bench` prints.
 */
const FLOORS: Record<string, number> = {
  seed: 1,
  // A second seed set, written later by someone who never saw the first or the engine: 98.3% on sight.
  "seed-heldout": 1,
  // Chat-style (typos, slang, shorthand, bare names, several questions in one, follow-ups) and
  // fresh seed sets by a helper who never saw the engine: 55.7% and 71.7% on sight.
  "seed-chat": 61 / 70,
  "seed-fresh": 56 / 60,
  "dea-fentanyl": 0.9,
  "interpol-lionfish": 0.93,
  "provincial-results": 0.88,
  "maritime-centre-annual": 0.77,
  "australia-afp": 0.85,
  "ukraine-customs-or-europol": 0.9,
  "xinhua-ministry-briefing": 0.9,
  "pdea-philippines": 0.9,
  "ncb-india": 0.9,
  "hk-customs": 0.8,
  "cbp-monthly-update": 0.88,
  "oncb-thailand": 0.92,
  "provincial-bureau-report": 0.9,
  "china-mps-drug-report": 0.9,
  "uk-nca-operation": 0.88,
  "unodc-regional-brief": 0.88,
  "guangdong-police-briefing": 0.84,
  "colombia-police-results": 0.88,
  "dea-district-indictment": 0.84,
  "singapore-cnb-annual": 0.8,
  "mexico-security-cabinet": 0.84,
  "vietnam-mps-report": 0.8,
  "china-customs-antismuggling": 0.88,
  "interpol-trafficking-op": 0.8,
  "nsw-police-strike-force": 0.86,
  "eu-drug-markets-summary": 0.72,
  "philippine-bucor-report": 0.8,
  "yunnan-border-police": 0.92,
  "mps-hundred-days-followup": 0.8,
  "fbi-operation-summary": 0.92,
  "brazil-federal-police": 0.84,
  "china-daily-drug-control": 0.8,
  "canada-cbsa-rcmp": 0.88,
  "kenya-nacada-police": 0.8,
  "sichuan-drug-report": 0.8,
  "australia-acic-wastewater": 0.72,
  "un-human-trafficking-brief": 0.84,
  default: 0.8,
};

function floorFor(name: string): number {
  return FLOORS[name] ?? FLOORS.default ?? 0;
}

const finished: SetResult[] = [];

for (const file of listGoldenFiles()) {
  describe(`golden set ${basename(file)}`, () => {
    let result: SetResult;

    beforeAll(() => {
      const set = loadGoldenSet(file);
      const index = buildReportIndex(readReportText(set), reportMeta(set));
      result = runGoldenSet(set, (q, after) => {
        const previous = after === undefined ? null : replyTo(after, index).query;
        return answer(q, index, { previous });
      });
      finished.push(result);
      const failures = result.failures.length === 0 ? "  (none)" : formatFailures(result);
      console.log(
        `golden ${set.name}: ${result.correct}/${result.results.length} correct (${percent(result.accuracy)})\n${failures}`,
      );
    });

    it("never gives a figure where the report has none (out-of-scope, no-figures)", () => {
      const offenders = result.forbiddenFigures.map(
        (r) => `${r.question.q} → ${r.answer?.facts.map((f) => `${f.value} ¶${f.paragraph}`)}`,
      );
      expect(offenders).toEqual([]);
    });

    it(`accuracy is at least its floor (${basename(file, ".json")})`, () => {
      expect(result.accuracy).toBeGreaterThanOrEqual(floorFor(result.set.name));
    });
  });
}

afterAll(() => {
  if (finished.length === 0) return;
  const rows = [["golden file", "questions", "correct", "accuracy", "floor", "figures leaked"]];
  for (const r of finished) {
    rows.push([
      r.set.name,
      String(r.results.length),
      String(r.correct),
      percent(r.accuracy),
      percent(floorFor(r.set.name)),
      String(r.forbiddenFigures.length),
    ]);
  }
  const tags = finished.map((r) => {
    const byTag = [...accuracyByTag(r.results)].map(([t, { n, ok }]) => `${t} ${ok}/${n}`);
    return `  ${r.set.name}: ${byTag.join(", ")}`;
  });
  console.log(`golden accuracy\n${formatTable(rows)}\nby tag\n${tags.join("\n")}`);
});

// --- the scoring itself, pinned on hand-made answers -------------------------------------------

function fact(value: number, unit: string | null, paragraph: number): Fact {
  return {
    id: `p${paragraph}-0`,
    value,
    text: `${value}`,
    unit,
    base: null,
    qualifier: null,
    subject: "drugs",
    action: "seize",
    places: [],
    scope: "national",
    section: null,
    paragraph,
    sentence: 0,
    quote: "A sentence.",
    dates: [],
    period: null,
  };
}

function reply(over: Partial<Answer>): Answer {
  return {
    question: "q",
    status: "answered",
    text: "",
    citations: [],
    facts: [],
    confidence: 0.5,
    suggestions: [],
    ...over,
  };
}

function question(over: Partial<GoldenQuestion> & Pick<GoldenQuestion, "expect">): GoldenQuestion {
  return { q: "q", tags: [], ...over };
}

describe("golden scoring", () => {
  const figure = question({ expect: "answered", value: 5.19, unit: "t", paragraphs: [1, 4] });

  it("accepts the right figure, unit and paragraph", () => {
    const got = reply({ facts: [fact(5.19, "t", 4)], citations: [4] });
    expect(scoreQuestion(figure, got)).toEqual({ correct: true, reason: "" });
  });

  it("tolerates float noise but not a different figure", () => {
    expect(scoreQuestion(figure, reply({ facts: [fact(5.19 + 1e-12, "t", 1)] })).correct).toBe(
      true,
    );
    expect(scoreQuestion(figure, reply({ facts: [fact(5.2, "t", 1)] })).reason).toContain("value");
  });

  it("rejects the wrong unit, the wrong paragraph, a runner-up, or a not_found", () => {
    expect(scoreQuestion(figure, reply({ facts: [fact(5190, "kg", 1)] })).correct).toBe(false);
    expect(scoreQuestion(figure, reply({ facts: [fact(5.19, "t", 12)] })).reason).toContain("¶12");
    const runnerUp = reply({ facts: [fact(1.85, "t", 12), fact(5.19, "t", 1)] });
    expect(scoreQuestion(figure, runnerUp).correct).toBe(false);
    const abstained = reply({ status: "not_found", facts: [fact(5.19, "t", 1)] });
    expect(scoreQuestion(figure, abstained).reason).toContain("status");
  });

  it("ignores the unit when none is expected", () => {
    const q = question({ expect: "answered", value: 2, paragraphs: [8] });
    expect(scoreQuestion(q, reply({ facts: [fact(2, "campaign", 8)] })).correct).toBe(true);
  });

  it("needs every alsoParagraphs cited for comparisons", () => {
    const q = question({ ...figure, value: 1.85, paragraphs: [12], alsoParagraphs: [29] });
    const both = reply({ facts: [fact(1.85, "t", 12), fact(5.69, "kg", 29)], citations: [12, 29] });
    expect(scoreQuestion(q, both).correct).toBe(true);
    const one = reply({ facts: [fact(1.85, "t", 12)], citations: [12] });
    expect(scoreQuestion(q, one).reason).toContain("¶29 not cited");
  });

  it("scores sentence answers on first citation and contained text, case-insensitively", () => {
    const q = question({ expect: "answered", paragraphs: [1], contains: ["Narcotics Control"] });
    const good = reply({
      text: "¶1: … the national NARCOTICS CONTROL Office …",
      citations: [1, 3],
    });
    expect(scoreQuestion(q, good).correct).toBe(true);
    expect(scoreQuestion(q, reply({ ...good, citations: [3, 1] })).correct).toBe(false);
    expect(scoreQuestion(q, reply({ ...good, text: "Liang Yun ¶1" })).correct).toBe(false);
    expect(scoreQuestion(q, reply({ ...good, status: "not_found" })).correct).toBe(false);
  });

  it("scores not_found on status and no facts", () => {
    const q = question({ expect: "not_found" });
    expect(scoreQuestion(q, reply({ status: "not_found" })).correct).toBe(true);
    expect(scoreQuestion(q, reply({ status: "answered" })).correct).toBe(false);
    const leaked = reply({ status: "not_found", facts: [fact(1, "case", 1)] });
    expect(scoreQuestion(q, leaked).correct).toBe(false);
  });

  it("scores no_figures on no facts and a citation of the place's paragraph", () => {
    const q = question({ expect: "no_figures", paragraphs: [23] });
    expect(scoreQuestion(q, reply({ citations: [23] })).correct).toBe(true);
    expect(scoreQuestion(q, reply({ status: "not_found", citations: [20, 23] })).correct).toBe(
      true,
    );
    expect(scoreQuestion(q, reply({ citations: [20] })).correct).toBe(false);
    expect(scoreQuestion(q, reply({ citations: [23], facts: [fact(1, "t", 23)] })).correct).toBe(
      false,
    );
  });

  it("never counts an answer with facts as correct for not_found or no_figures", () => {
    const arbitraryFact = fc
      .record({
        value: fc.double({ noNaN: true, noDefaultInfinity: true }),
        unit: fc.option(fc.string()),
        paragraph: fc.integer({ min: 1, max: 50 }),
      })
      .map((f) => fact(f.value, f.unit, f.paragraph));
    fc.assert(
      fc.property(
        fc.constantFrom<GoldenQuestion>(
          question({ expect: "not_found" }),
          question({ expect: "no_figures", paragraphs: [23] }),
        ),
        fc.constantFrom<Answer["status"]>("answered", "not_found"),
        fc.array(arbitraryFact, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 50 })),
        fc.string(),
        (q, status, facts, citations, text) =>
          !scoreQuestion(q, reply({ status, facts, citations, text })).correct,
      ),
    );
  });
});

describe("golden file loader", () => {
  const dir = mkdtempSync(join(tmpdir(), "factdesk-golden-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };

  it("reads every golden file with its report", () => {
    const files = listGoldenFiles(GOLDEN_DIR);
    expect(files.map((f) => basename(f))).toContain("seed.json");
    for (const file of files) expect(() => loadGoldenSet(file)).not.toThrow();
  });

  it("keeps the seed set at issue 2's minimums", () => {
    const seed = loadGoldenSet(join(GOLDEN_DIR, "seed.json"));
    expect(seed.questions.length).toBeGreaterThanOrEqual(60);
    const outOfScope = seed.questions.filter((q) => q.tags.includes("out-of-scope"));
    expect(outOfScope.length).toBeGreaterThanOrEqual(10);
    expect(outOfScope.every((q) => q.expect === "not_found")).toBe(true);
  });

  it("names the file and the problem when a file is bad", () => {
    expect(() => loadGoldenSet(write("broken.json", "{ nope"))).toThrow(
      /factdesk golden: .*broken\.json: not valid JSON/,
    );
    const noParagraphs = {
      report: "data/report.txt",
      questions: [{ q: "How many?", expect: "answered", value: 3 }],
    };
    expect(() => loadGoldenSet(write("bad.json", noParagraphs))).toThrow(
      /bad\.json.*\n.*paragraphs/s,
    );
    const typo = {
      report: "data/report.txt",
      questions: [{ q: "How many?", expect: "answered", value: 3, paragraph: [1] }],
    };
    expect(() => loadGoldenSet(write("typo.json", typo))).toThrow(/paragraph/);
    const missing = { report: "nowhere.txt", questions: [{ q: "Hi", expect: "not_found" }] };
    expect(() => loadGoldenSet(write("missing.json", missing))).toThrow(
      /report not found: nowhere\.txt/,
    );
  });
});
