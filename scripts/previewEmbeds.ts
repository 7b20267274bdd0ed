/**
 * What a member sees: answers to a few questions, rendered as the bot sends them, written as an
 * embed-preview scenario (`node ../shared/tools/embed-preview/render.js --shot out.png out.json`).
 *
 *   npx tsx scripts/previewEmbeds.ts --report FILE --out out.json "question" "question" …
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { renderAnswer } from "../src/bot/render.js";
import { answer } from "../src/qa/answer.js";
import { buildReportIndex } from "../src/qa/reportIndex.js";

const { values, positionals } = parseArgs({
  options: { report: { type: "string", default: "data/report.txt" }, out: { type: "string" } },
  allowPositionals: true,
});
const report = values.report ?? "data/report.txt";
const index = buildReportIndex(readFileSync(report, "utf8"), {
  name: basename(report),
  version: 1,
});
const scenarios = positionals.map((question) => ({
  caption: question,
  invocation: `/ask question: ${question}`,
  message: renderAnswer(answer(question, index), index.meta, { askerId: "1" }),
}));
const json = JSON.stringify(scenarios, null, 1);
if (values.out) writeFileSync(values.out, json);
else process.stdout.write(`${json}\n`);
