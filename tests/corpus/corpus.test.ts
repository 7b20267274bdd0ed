import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import {
  type CorpusGroup,
  corpusAvailable,
  corpusGroups,
  corpusMeta,
  INVENTED_CORPUS_DIR,
  inventedCorpusNames,
  judgeCorpus,
  loadCorpusReport,
  loadSplit,
  readCorpusText,
} from "./corpus.js";

/**
 * Floors sit at what was last measured: correct answers per half, and the most figures given for
 * out-of-scope questions. Raise them when the engine improves; never lower one to pass. The
 * validation half is measured once at the end of a round and never used to choose a change (that
 * would tune on it): its floor records that measurement. It was 99 after a round whose changes were
 * dropped when they cost a validation answer (tuning on it, by mistake); 98 is the measurement after
 * the next round, decided on the tuning half and the golden sets alone, and is the honest one. 100 is
 * session 3's measurement (acc1 and acc2 merged), its changes decided on the tuning half and the
 * golden sets alone; 103 is session 4's (accf with accs merged), decided the same way. The invented
 * reports' floor was their first sight (session 5, on main at 4adf8c4: 46); 47 with acc5c's
 * first-person authors; 79 of 96 after session 6's five accuracy branches merged. Session 6 added
 * eight reports (96 questions, first sight 57 on main at 4563821); with them the floor is 158 of 192.
 * Session 7 added eight more (96 questions, first sight 64 on main at 90e9022): 222 of 288 at
 * first sight, 248 after session 7's branches merged.
 * The seed sets (session 7: two of 50 well-formed questions, two of 40 typed as in chat, each by a
 * session that never saw the engine) were 162 of 180 at first sight on main at 90e9022, with one
 * figure given for a question about a drug the report never names; 178 and none after the merge.
 * Session 8 added six reports (72 questions) and two seed sets (fresh8b, 50; chat8b, 40), written
 * the same way; first sight on main at cc6153b: 50 of 72 and 83 of 90, so 298 of 360 and 261 of 270.
 * Session 9 redid the round on it (contest9, recall9, pick9 and scale9 merged): 317 of 360 and 266
 * of 270; validation, measured once after the merge and not used to choose, 104. A second round
 * (who10, pick10, speed10): 322 of 360, the rest unchanged.
 * Session 9's held-out material (four reports, 48 questions; seed sets fresh9a, 50, and chat9a, 40,
 * written the same way and scored once, totals only, at first sight and after the merge) joined the
 * tuning material in session 11: 32 of 48 and 82 of 90 on main at 475bfed, so 354 of 408 and 348
 * of 360. Two more chat-typed seed sets written blind for tuning (chat11b, chat11c, 40 each) were 32
 * and 31 at first sight on the same engine: 411 of 440. Session 11's branches merged (table11,
 * who11, measure11, chat11, speed11): 376 of 408 and 420 of 440; validation, measured once after
 * the merge and not used to choose, 104.
 * Session 11's held-out material (eight reports, 96 questions; seed sets fresh11a, 50, and chat11a,
 * 40, scored once, totals only, at first sight and after the merge: 73 and 74 of 96, 74 and 76 of
 * 90) joined the tuning material in session 12: 450 of 504 and 496 of 530 on main at eec2c1a.
 */
const FLOORS: Record<CorpusGroup, { correct: number; leaks: number }> = {
  tuning: { correct: 119, leaks: 0 },
  validation: { correct: 104, leaks: 0 },
  invented: { correct: 450, leaks: 0 },
  seed: { correct: 496, leaks: 0 },
};

function scoreGroup(group: CorpusGroup) {
  let correct = 0;
  let leaks = 0;
  let total = 0;
  const files = corpusGroups().find((g) => g.group === group);
  const { dir, names, report: reportPath } = files ?? { dir: "", names: [] };
  for (const name of names) {
    const report = loadCorpusReport(name, dir, reportPath);
    const index = buildReportIndex(readCorpusText(report), corpusMeta(report));
    for (const q of report.questions) {
      const verdict = judgeCorpus(q, answer(q.q, index));
      total += 1;
      correct += verdict.correct ? 1 : 0;
      leaks += verdict.leak ? 1 : 0;
    }
  }
  return { correct, leaks, total };
}

describe("the real-text corpus in ../shared/corpus", () => {
  it("is there: the tests read it from ../shared, never from a copy", () => {
    expect(corpusAvailable(), "../shared/corpus is missing next to the checkout").toBe(true);
  });

  it("is split once into two halves that share no report", () => {
    const split = loadSplit();
    expect(split.tuning.filter((name) => split.validation.includes(name))).toEqual([]);
    expect(split.tuning.length + split.validation.length).toBe(20);
  });

  it("has invented reports, each with a report file for its questions", () => {
    const names = inventedCorpusNames();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names)
      expect(readCorpusText(loadCorpusReport(name, INVENTED_CORPUS_DIR)).length).toBeGreaterThan(0);
  });

  for (const group of ["tuning", "validation", "invented", "seed"] as const) {
    it(`${group} scores at least its floor and leaks no more figures than measured`, () => {
      const { correct, leaks, total } = scoreGroup(group);
      const line = `${group}: ${correct}/${total} (${((100 * correct) / total).toFixed(1)}%), ${leaks} leak(s)`;
      expect(correct, line).toBeGreaterThanOrEqual(FLOORS[group].correct);
      expect(leaks, line).toBeLessThanOrEqual(FLOORS[group].leaks);
    });
  }
});
