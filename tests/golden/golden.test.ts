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

/**
 * Minimum accuracy per golden file (file name without `.json`), each at what was last measured,
 * rounded down to a tenth of a percent, with the count beside it: a set at 100% has a floor of
 * 100%. The seed and the first four invented reports were written alongside the engine; the rest
 * were written in batches by someone who never saw the engine, measured on first sight (recorded
 * in the README), and only then used to find what to fix. Raise a floor when a set improves;
 * never lower one to pass without a written reason.
 */
const FLOORS: Record<string, number> = {
  "australia-acic-wastewater": 0.833, // 20/24
  "australia-afp": 1.0, // 24/24
  "brazil-federal-police": 0.88, // 22/25
  "canada-cbsa-rcmp": 0.96, // 24/25
  "cbp-monthly-update": 0.92, // 23/25
  "china-customs-antismuggling": 1.0, // 25/25
  "china-daily-drug-control": 0.96, // 24/25
  "china-mps-drug-report": 0.96, // 24/25
  "colombia-police-results": 0.96, // 24/25
  "dea-district-indictment": 1.0, // 25/25
  "dea-fentanyl": 1.0, // 32/32
  "eu-drug-markets-summary": 0.84, // 21/25
  "fbi-operation-summary": 1.0, // 25/25
  "guangdong-police-briefing": 1.0, // 25/25
  "hk-customs": 0.92, // 23/25
  "interpol-lionfish": 1.0, // 31/31
  "interpol-trafficking-op": 0.92, // 23/25
  "kenya-nacada-police": 0.96, // 24/25
  "maritime-centre-annual": 0.888, // 24/27
  "mexico-security-cabinet": 0.96, // 24/25
  "mps-hundred-days-followup": 1.0, // 25/25
  "ncb-india": 0.96, // 24/25
  "nsw-police-strike-force": 0.909, // 20/22
  "oncb-thailand": 1.0, // 25/25
  "pdea-philippines": 1.0, // 25/25
  "philippine-bucor-report": 0.92, // 23/25
  "provincial-bureau-report": 0.96, // 24/25
  "provincial-results": 1.0, // 32/32
  seed: 1.0, // 104/104
  "seed-heldout": 1.0, // 60/60
  "sichuan-drug-report": 0.88, // 22/25
  "singapore-cnb-annual": 0.96, // 24/25
  "uk-nca-operation": 0.96, // 24/25
  "ukraine-customs-or-europol": 1.0, // 25/25
  "un-human-trafficking-brief": 0.96, // 24/25
  "unodc-regional-brief": 0.92, // 23/25
  "vietnam-mps-report": 0.88, // 22/25
  "xinhua-ministry-briefing": 0.96, // 24/25
  "yunnan-border-police": 1, // 25/25
  // Chat-style and fresh seed sets by a helper who never saw the engine: 55.7% and 71.7% on sight.
  "seed-chat": 70 / 70,
  "seed-fresh": 60 / 60,
  // 180 questions on the tuning-half corpus reports by a helper who never saw the engine,
  // at first sight: 137/180 = 76.1%, with 5 figures given for questions the report cannot answer;
  // then 151/180 = 83.9%; now 162/180 = 90.0%, none given.
  "corpus-extra-2021-04-07_community_violence_intervention": 15 / 18,
  "corpus-extra-2022-03-01_addiction_overdose": 18 / 18,
  "corpus-extra-2023-03-20_freedom_caucus_public_safety": 17 / 18,
  "corpus-extra-2023-11-16_global_drug_trafficking": 18 / 18,
  "corpus-extra-2024-03-11_budget_border_fentanyl": 17 / 18,
  "corpus-extra-2024-09-24_synthetic_drug_coalition": 15 / 18,
  "corpus-extra-2025-03-26_opioid_epidemic_cost": 17 / 18,
  "corpus-extra-2025-04-28_border_promises": 16 / 18,
  "corpus-extra-2025-08-11_dc_crime": 17 / 18,
  "corpus-extra-2026-07-29_crime_midyear_2026": 18 / 18,
  // 120 more questions on the same 10 tuning-half reports (4 per report unanswerable), by a helper
  // who never saw the engine. First sight, on this branch at be9c0a3: 92/120 = 76.7%, with 12
  // figures given for questions the report cannot answer (91/120 at the session's start, 33390a2);
  // then 113/120 = 94.2%; now 114/120 = 95.0%, none given.
  "corpus-blind2-2021-04-07_community_violence_intervention": 12 / 12,
  // A third and fourth seed set (60 well-written, 40 typed as in chat), by a helper who never saw
  // the engine, written in session 3. First sight, on main at 1c86ac4 before any change for them.
  "seed-fresh2": 60 / 60,
  "seed-chat2": 39 / 40,
  "seed-chat3": 40 / 40, // first sight (session 4) 33/40, before any change for it
  "seed-fresh3": 59 / 60, // first sight (session 4) 52/60, before any change for it
  "seed-fresh4": 55 / 60, // first sight (session 5) 49/60, before any change for it; 55 in session 7
  "corpus-blind2-2022-03-01_addiction_overdose": 12 / 12,
  "corpus-blind2-2023-03-20_freedom_caucus_public_safety": 12 / 12,
  "corpus-blind2-2023-11-16_global_drug_trafficking": 12 / 12,
  "corpus-blind2-2024-03-11_budget_border_fentanyl": 12 / 12,
  "corpus-blind2-2024-09-24_synthetic_drug_coalition": 11 / 12,
  "corpus-blind2-2025-03-26_opioid_epidemic_cost": 12 / 12,
  "corpus-blind2-2025-04-28_border_promises": 12 / 12,
  "corpus-blind2-2025-08-11_dc_crime": 12 / 12,
  "corpus-blind2-2026-07-29_crime_midyear_2026": 10 / 12,
  // 100 chat-style questions on the same 10 tuning-half reports (4 per report unanswerable), by a
  // helper who never saw the engine. First sight, on this branch at 52af544: 67/100 = 67.0%, with
  // 14 figures given for questions the report cannot answer; now 79/100 = 79.0%, with 6 given.
  "corpus-blind3-2021-04-07_community_violence_intervention": 9 / 10,
  "corpus-blind3-2022-03-01_addiction_overdose": 10 / 10,
  "corpus-blind3-2023-03-20_freedom_caucus_public_safety": 10 / 10,
  "corpus-blind3-2023-11-16_global_drug_trafficking": 10 / 10,
  "corpus-blind3-2024-03-11_budget_border_fentanyl": 10 / 10,
  "corpus-blind3-2024-09-24_synthetic_drug_coalition": 10 / 10,
  "corpus-blind3-2025-03-26_opioid_epidemic_cost": 10 / 10,
  "corpus-blind3-2025-04-28_border_promises": 9 / 10,
  "corpus-blind3-2025-08-11_dc_crime": 10 / 10,
  "corpus-blind3-2026-07-29_crime_midyear_2026": 9 / 10,
  // 120 questions in the corpus's own style (7 figures, 2 sentences, 1 comparison, 1 never mentioned,
  // 1 mentioned without a figure per report) on the 10 tuning-half reports, by a helper who never saw
  // the engine, written in session 3. First sight, on main at 1c86ac4: 103/120 = 85.8%, 3 figures
  // given for questions the report cannot answer.
  "corpus-blind4-2021-04-07_community_violence_intervention": 12 / 12,
  "corpus-blind4-2022-03-01_addiction_overdose": 12 / 12,
  "corpus-blind4-2023-03-20_freedom_caucus_public_safety": 12 / 12,
  "corpus-blind4-2023-11-16_global_drug_trafficking": 12 / 12,
  "corpus-blind4-2024-03-11_budget_border_fentanyl": 12 / 12,
  "corpus-blind4-2024-09-24_synthetic_drug_coalition": 12 / 12,
  "corpus-blind4-2025-03-26_opioid_epidemic_cost": 11 / 12,
  "corpus-blind4-2025-04-28_border_promises": 11 / 12,
  "corpus-blind4-2025-08-11_dc_crime": 12 / 12,
  "corpus-blind4-2026-07-29_crime_midyear_2026": 12 / 12,
  // Four invented reports of the genre (two US fact sheets, two news articles), written in session 3
  // by one helper, with 15 questions each written from the text alone by another; neither saw the
  // engine. First sight, on main at daf434a: 33/60 = 55.0%, 2 figures given where the report has none.
  "invented6-fact-sheet-border": 14 / 15,
  "invented6-fact-sheet-grants": 15 / 15,
  "invented6-news-city-crime": 15 / 15,
  "invented6-news-police-operation": 15 / 15,
  "invented7-news-national-stats-bulletin": 16 / 16, // first sight (session 4) 11/16
  "invented7-news-provincial-police-results": 15 / 16, // first sight (session 4) 13/16
  "invented7-news-wire-customs-haul": 14 / 16, // first sight (session 4) 11/16
  "invented7-wh-article-crime-results": 15 / 15, // first sight (session 4) 12/15
  "invented7-wh-by-the-numbers-enforcement": 14 / 15, // first sight (session 4) 10/15
  "invented7-wh-fact-sheet-fentanyl-border": 11 / 15, // first sight (session 4) 10/15
  "invented8-news-asia-meth-golden-triangle": 13 / 15, // first sight (session 4) 9/15
  "invented8-news-australia-police-media-release": 14 / 15, // first sight (session 4) 12/15
  "invented8-news-europe-europol-operation": 14 / 15, // first sight (session 4) 12/15
  "invented8-news-us-attorney-indictment": 15 / 15, // first sight (session 4) 10/15
  "invented8-wh-bilateral-readout-security": 12 / 15, // first sight (session 4) 8/15
  "invented8-wh-hidta-funding-fact-sheet": 12 / 15, // first sight (session 4) 8/15
  "invented8-wh-monthly-border-update": 12 / 15, // first sight (session 4) 9/15
  "invented8-wh-ten-things-safer-communities": 15 / 15, // first sight (session 4) 14/15
};

/**
 * Figures still given for unanswerable questions, per set, as measured: a ceiling that only goes
 * down. Every other set gives none. The third blind set's remaining cases are listed in the README.
 */
const KNOWN_LEAKS: Record<string, number> = {
  "invented8-wh-bilateral-readout-security": 1,
  "invented7-wh-fact-sheet-fentanyl-border": 1,
  "seed-fresh3": 1,
  "corpus-blind3-2025-04-28_border_promises": 1,
};

function floorFor(name: string): number {
  return FLOORS[name] ?? 1;
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
      const known = KNOWN_LEAKS[result.set.name] ?? 0;
      if (known === 0) expect(offenders).toEqual([]);
      else expect(offenders.length, offenders.join("\n")).toBeLessThanOrEqual(known);
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
