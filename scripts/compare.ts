/**
 * Paired comparison of answers: `npm run compare -- --save before.json`, then after a change
 * `npm run compare -- --against before.json`. Answers every golden question (follow-ups after
 * their question, as the golden test asks them) and every corpus question (the real corpus and the invented one), and lists the answers
 * that changed and how. A change to speed must change none.
 *
 * The corpus's validation half is never read answer by answer: its answers are kept only as a
 * hash, and only the number that changed is printed.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { answer, reply } from "../src/qa/answer.js";
import { buildReportIndex } from "../src/qa/reportIndex.js";
import type { Answer } from "../src/qa/schema.js";
import {
  corpusAvailable,
  corpusGroups,
  corpusMeta,
  judgeCorpus,
  loadCorpusReport,
  readCorpusText,
} from "../tests/corpus/corpus.js";
import {
  loadGoldenSets,
  readReportText,
  reportMeta,
  scoreQuestion,
} from "../tests/golden/goldenSet.js";

const Entry = z.object({
  /** "golden/seed", "tuning/NAME" or "validation/NAME", then the question. */
  key: z.string(),
  correct: z.boolean(),
  /** The answer without its question, or for the validation half only its hash. */
  answer: z.string(),
  /** For the validation half: a hash of each field, so what changed can be named, never shown. */
  fields: z.record(z.string(), z.string()).optional(),
});
type Entry = z.infer<typeof Entry>;
const Snapshot = z.object({ entries: z.array(Entry) });

/** What an answer says: everything but the question it repeats. */
function fingerprint(a: Answer): string {
  const { question: _question, ...said } = a;
  return JSON.stringify(said);
}

function hidden(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

function hiddenFields(said: string): Record<string, string> {
  const fields = JSON.parse(said) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, hidden(JSON.stringify(value))]),
  );
}

function goldenEntries(): Entry[] {
  const entries: Entry[] = [];
  for (const set of loadGoldenSets()) {
    const index = buildReportIndex(readReportText(set), reportMeta(set));
    for (const q of set.questions) {
      const previous = q.after === undefined ? null : reply(q.after, index).query;
      const got = answer(q.q, index, { previous });
      entries.push({
        key: `golden/${set.name} ${JSON.stringify(q.q)}`,
        correct: scoreQuestion(q, got).correct,
        answer: fingerprint(got),
      });
    }
  }
  return entries;
}

function corpusEntries(): Entry[] {
  if (!corpusAvailable()) throw new Error("factdesk: compare: ../shared/corpus is missing");
  const entries: Entry[] = [];
  for (const { group: half, dir, names, report: reportPath } of corpusGroups()) {
    for (const name of names) {
      const report = loadCorpusReport(name, dir, reportPath);
      const index = buildReportIndex(readCorpusText(report), corpusMeta(report));
      for (const q of report.questions) {
        const got = answer(q.q, index);
        const said = fingerprint(got);
        entries.push({
          key: `${half}/${name} ${JSON.stringify(q.q)}`,
          correct: judgeCorpus(q, got).correct,
          ...(half === "validation"
            ? { answer: hidden(said), fields: hiddenFields(said) }
            : { answer: said }),
        });
      }
    }
  }
  return entries;
}

function totals(entries: Entry[]): string {
  const groups = new Map<string, { correct: number; total: number }>();
  for (const e of entries) {
    const group = e.key.startsWith("golden/") ? "golden" : (e.key.split("/")[0] ?? "");
    const g = groups.get(group) ?? { correct: 0, total: 0 };
    g.correct += e.correct ? 1 : 0;
    g.total += 1;
    groups.set(group, g);
  }
  return [...groups]
    .map(
      ([group, g]) =>
        `${group} ${g.correct}/${g.total} (${((100 * g.correct) / g.total).toFixed(1)}%)`,
    )
    .join(" · ");
}

/** The fields of two fingerprints that differ: "text, citations". */
function changedFields(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).join(", ");
}

function verdictChange(before: Entry, after: Entry): string {
  if (before.correct === after.correct) return before.correct ? "still right" : "still wrong";
  return after.correct ? "GAINED" : "LOST";
}

function compare(before: Entry[], after: Entry[]): number {
  const old = new Map(before.map((e) => [e.key, e]));
  let changed = 0;
  let hiddenChanged = 0;
  let missing = 0;
  for (const e of after) {
    const was = old.get(e.key);
    if (was === undefined) {
      missing++;
      continue;
    }
    if (was.answer === e.answer) continue;
    if (e.key.startsWith("validation/")) {
      hiddenChanged++;
      const keys = new Set([...Object.keys(was.fields ?? {}), ...Object.keys(e.fields ?? {})]);
      const fields = [...keys].filter((k) => was.fields?.[k] !== e.fields?.[k]).join(", ");
      console.log(`CHANGED a validation answer (${verdictChange(was, e)}; ${fields})`);
      continue;
    }
    changed++;
    const a = JSON.parse(was.answer) as Answer;
    const b = JSON.parse(e.answer) as Answer;
    console.log(
      `CHANGED ${e.key} (${verdictChange(was, e)}; ${changedFields(was.answer, e.answer)})`,
    );
    console.log(`  before: ${a.status} ${JSON.stringify(a.text.slice(0, 160))}`);
    console.log(`  after:  ${b.status} ${JSON.stringify(b.text.slice(0, 160))}`);
  }
  console.log(
    `\n${after.length} questions: ${changed} answer(s) changed, ${hiddenChanged} on the validation half` +
      ` (not shown), ${missing} not in the snapshot`,
  );
  console.log(`before: ${totals(before)}\nafter:  ${totals(after)}`);
  return changed + hiddenChanged;
}

const { values: args } = parseArgs({
  options: { save: { type: "string" }, against: { type: "string" } },
});
if (args.save === undefined && args.against === undefined) {
  console.error("factdesk: compare: give --save FILE and/or --against FILE");
  process.exit(2);
}
const entries = [...goldenEntries(), ...corpusEntries()];
if (args.against !== undefined) {
  const before = Snapshot.parse(JSON.parse(readFileSync(args.against, "utf8"))).entries;
  process.exitCode = compare(before, entries) === 0 ? 0 : 1;
}
if (args.save !== undefined) {
  writeFileSync(args.save, `${JSON.stringify({ entries }, null, 1)}\n`);
  console.log(`saved ${entries.length} answers to ${args.save}: ${totals(entries)}`);
}
