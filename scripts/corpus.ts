/**
 * Score the engine on the real-text corpus, per half: `npm run corpus [-- --show]`.
 * `--show` lists the tuning half's misses. The validation half only ever prints its score: it is
 * never tuned on, so its answers are never read one by one.
 */
import { answer } from "../src/qa/answer.js";
import { buildReportIndex } from "../src/qa/reportIndex.js";
import {
  type CorpusHalf,
  corpusMeta,
  judgeCorpus,
  loadCorpusReport,
  loadSplit,
  readCorpusText,
} from "../tests/corpus/corpus.js";

const show = process.argv.includes("--show");
const split = loadSplit();
for (const half of ["tuning", "validation"] as const satisfies CorpusHalf[]) {
  let correct = 0;
  let total = 0;
  let leaks = 0;
  for (const name of split[half]) {
    const report = loadCorpusReport(name);
    const index = buildReportIndex(readCorpusText(report), corpusMeta(report));
    let good = 0;
    const misses: string[] = [];
    for (const q of report.questions) {
      const result = answer(q.q, index);
      const verdict = judgeCorpus(q, result);
      good += verdict.correct ? 1 : 0;
      leaks += verdict.leak ? 1 : 0;
      if (!verdict.correct && half === "tuning") {
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
