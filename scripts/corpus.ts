/**
 * Score the engine on the real-text corpus, per half, and on the invented corpus:
 * `npm run corpus [-- --show]`. `--show` lists the misses of the tuning half and the invented
 * reports. The validation half only ever prints its score: it is never tuned on, so its answers are
 * never read one by one.
 */
import { answer } from "../src/qa/answer.js";
import { buildReportIndex } from "../src/qa/reportIndex.js";
import {
  corpusGroups,
  corpusMeta,
  judgeCorpus,
  loadCorpusReport,
  readCorpusText,
} from "../tests/corpus/corpus.js";

const show = process.argv.includes("--show");
for (const { group: half, dir, names, report: reportPath } of corpusGroups()) {
  let correct = 0;
  let total = 0;
  let leaks = 0;
  for (const name of names) {
    const report = loadCorpusReport(name, dir, reportPath);
    const index = buildReportIndex(readCorpusText(report), corpusMeta(report));
    let good = 0;
    const misses: string[] = [];
    for (const q of report.questions) {
      const result = answer(q.q, index);
      const verdict = judgeCorpus(q, result);
      good += verdict.correct ? 1 : 0;
      leaks += verdict.leak ? 1 : 0;
      if (!verdict.correct && half !== "validation") {
        misses.push(
          `  MISS [${q.kind}] ${JSON.stringify(q.q)}: ${verdict.reason} | ${result.text.slice(0, 140).replace(/\n/g, " ")}`,
        );
      }
    }
    correct += good;
    total += report.questions.length;
    console.log(`${half} ${name}: ${good}/${report.questions.length}`);
    if (show) for (const miss of misses) console.log(miss);
  }
  console.log(
    `${half}: ${correct}/${total} = ${((100 * correct) / total).toFixed(1)}%, ${leaks} leak(s)\n`,
  );
}
