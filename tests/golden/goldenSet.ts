/**
 * Golden question sets: file format, loader and scoring.
 *
 * Every `tests/golden/*.json` file is one set of questions about one report. The scoring here is
 * the only definition of "correct": the golden test and `npm run bench` (factdesk and the fuse.js
 * baseline alike) both call `scoreQuestion`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Answer } from "../../src/qa/schema.js";
import { decodeReportBytes } from "../../src/report/decode.js";

export const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(GOLDEN_DIR, "..", "..");

const ParagraphList = z.array(z.number().int().positive()).min(1);

export const GoldenExpect = z.enum(["answered", "not_found", "no_figures"]);
export type GoldenExpect = z.infer<typeof GoldenExpect>;

/**
 * One question. `expect` decides which other fields apply:
 * - `answered` with `value`: a figure answer (`unit` optional, `alsoParagraphs` for comparisons);
 * - `answered` without `value`: a sentence answer (`contains` strings);
 * - `no_figures`: a place mentioned without figures, `paragraphs` = where it is mentioned;
 * - `not_found`: nothing else.
 */
export const GoldenQuestion = z
  .object({
    q: z.string().min(1),
    expect: GoldenExpect,
    /** The full number: 5.19 tons → 5.19 with unit "t"; 38,000 → 38000. */
    value: z.number().finite().optional(),
    /** Normalised unit as the engine writes it: "kg", "t", "case", "person"... */
    unit: z.string().min(1).optional(),
    /** Every paragraph that legitimately answers the question. */
    paragraphs: ParagraphList.optional(),
    /** Paragraphs that must also be cited, e.g. the second place of a comparison. */
    alsoParagraphs: ParagraphList.optional(),
    /** Short strings the answer text must contain (case-insensitive). */
    contains: z.array(z.string().min(1)).min(1).optional(),
    /** A follow-up: the question of this set asked just before, whose Query is passed as `previous`. */
    after: z.string().min(1).optional(),
    tags: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((q, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    if (q.expect === "not_found") {
      for (const key of ["value", "unit", "paragraphs", "alsoParagraphs", "contains"] as const) {
        if (q[key] !== undefined) problem(`"${key}" makes no sense with expect "not_found"`);
      }
      return;
    }
    if (q.paragraphs === undefined) problem(`expect "${q.expect}" needs "paragraphs"`);
    if (q.expect === "no_figures") {
      for (const key of ["value", "unit", "alsoParagraphs"] as const) {
        if (q[key] !== undefined) problem(`"${key}" makes no sense with expect "no_figures"`);
      }
      return;
    }
    if (q.value === undefined && q.contains === undefined) {
      problem('expect "answered" needs "value" (figure answer) or "contains" (sentence answer)');
    }
    if (q.unit !== undefined && q.value === undefined) problem('"unit" needs "value"');
  });
export type GoldenQuestion = z.infer<typeof GoldenQuestion>;

export const GoldenFile = z
  .object({
    /** Report path, relative to the repository root (or to tests/golden/). */
    report: z.string().min(1),
    questions: z.array(GoldenQuestion).min(1),
  })
  .strict();
export type GoldenFile = z.infer<typeof GoldenFile>;

export interface GoldenSet extends GoldenFile {
  /** File name without extension: "seed" for seed.json. Keys the accuracy floors. */
  name: string;
  /** Absolute path of the JSON file. */
  file: string;
  /** Absolute path of the report the questions are about. */
  reportPath: string;
}

/** Absolute paths of every golden file, sorted so runs are reproducible. */
export function listGoldenFiles(dir: string = GOLDEN_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}

/** Load and validate one golden file. Throws `factdesk golden: <file>: <why>` on any problem. */
export function loadGoldenSet(file: string): GoldenSet {
  const shown = file.startsWith(REPO_ROOT) ? file.slice(REPO_ROOT.length + 1) : file;
  const fail = (why: string): never => {
    throw new Error(`factdesk golden: ${shown}: ${why}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }
  const parsed = GoldenFile.safeParse(raw);
  if (!parsed.success) return fail(`bad golden file\n${z.prettifyError(parsed.error)}`);
  const data = parsed.data;
  const seen = new Set<string>();
  for (const q of data.questions) {
    if (seen.has(q.q)) fail(`question asked twice: ${JSON.stringify(q.q)}`);
    seen.add(q.q);
  }
  for (const q of data.questions) {
    if (q.after !== undefined && !seen.has(q.after)) {
      fail(`"after" names no question of this set: ${JSON.stringify(q.after)}`);
    }
  }
  const candidates = isAbsolute(data.report)
    ? [data.report]
    : [resolve(REPO_ROOT, data.report), resolve(dirname(file), data.report)];
  const reportPath = candidates.find((p) => existsSync(p));
  if (reportPath === undefined) return fail(`report not found: ${data.report}`);
  return { ...data, name: basename(file, ".json"), file, reportPath };
}

export function loadGoldenSets(dir: string = GOLDEN_DIR): GoldenSet[] {
  return listGoldenFiles(dir).map(loadGoldenSet);
}

/** The report's text, decoded the way the bot and CLI decode uploads. */
export function readReportText(set: GoldenSet): string {
  return decodeReportBytes(readFileSync(set.reportPath));
}

/** The meta a set's report is indexed under, as the CLI does for `--report FILE`. */
export function reportMeta(set: GoldenSet): { name: string; version: null } {
  return { name: basename(set.reportPath), version: null };
}

export interface Score {
  correct: boolean;
  /** Why it was judged wrong; empty when correct. */
  reason: string;
}

/** The slice of an `Answer` that scoring reads, so comparators can produce it too. */
export type ScoredAnswer = Pick<Answer, "status" | "text" | "citations"> & {
  facts: Pick<Answer["facts"][number], "value" | "unit" | "paragraph">[];
};

const REL_TOLERANCE = 1e-9;

export function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= REL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** A question whose right answer gives no figure at all. */
export function mustGiveNoFigure(q: GoldenQuestion): boolean {
  return q.expect !== "answered";
}

/**
 * Whether `got` is a correct answer to `q`. Pure, so tests can pin it down:
 * - figure answers: answered, top fact has the value (relative tolerance 1e-9), the unit if one is
 *   expected, one of the expected paragraphs, and every `alsoParagraphs` is cited;
 * - sentence answers: answered, first citation is an expected paragraph, text has every `contains`;
 * - `not_found`: status not_found and no facts;
 * - `no_figures`: no facts, and one of the expected paragraphs is cited.
 * `contains`, when given, is checked for every kind of answer.
 */
export function scoreQuestion(q: GoldenQuestion, got: ScoredAnswer): Score {
  const problems: string[] = [];
  const top = got.facts[0];
  const paragraphs = q.paragraphs ?? [];
  switch (q.expect) {
    case "not_found":
      if (got.status !== "not_found") problems.push(`status ${got.status}`);
      if (top !== undefined) problems.push(`gave ${got.facts.length} fact(s)`);
      break;
    case "no_figures":
      if (top !== undefined) problems.push(`gave ${got.facts.length} fact(s)`);
      if (!got.citations.some((c) => paragraphs.includes(c))) {
        problems.push(
          `cites [${got.citations.join(", ")}], wanted one of [${paragraphs.join(", ")}]`,
        );
      }
      break;
    case "answered":
      if (got.status !== "answered") problems.push(`status ${got.status}`);
      if (q.value !== undefined) {
        if (top === undefined) problems.push("no facts");
        else {
          if (!sameValue(top.value, q.value)) problems.push(`value ${top.value}`);
          if (q.unit !== undefined && top.unit !== q.unit) problems.push(`unit ${top.unit}`);
          if (!paragraphs.includes(top.paragraph)) problems.push(`top fact from ¶${top.paragraph}`);
        }
      } else {
        const first = got.citations[0];
        if (first === undefined || !paragraphs.includes(first)) {
          problems.push(`first citation ¶${first ?? "none"}`);
        }
      }
      for (const p of q.alsoParagraphs ?? []) {
        if (!got.citations.includes(p)) problems.push(`¶${p} not cited`);
      }
      break;
  }
  const text = got.text.toLowerCase();
  for (const s of q.contains ?? []) {
    if (!text.includes(s.toLowerCase())) problems.push(`text lacks ${JSON.stringify(s)}`);
  }
  return { correct: problems.length === 0, reason: problems.join("; ") };
}

/** What was expected, in one short line for failure lists. */
export function describeExpected(q: GoldenQuestion): string {
  const cites = (ps: number[] | undefined) => (ps ?? []).map((p) => `¶${p}`).join("/");
  if (q.expect === "not_found") return "not_found, no facts";
  if (q.expect === "no_figures") return `no figures, cite ${cites(q.paragraphs)}`;
  const also = q.alsoParagraphs ? ` + cite ${cites(q.alsoParagraphs)}` : "";
  const contains = q.contains ? ` containing ${q.contains.map((s) => `"${s}"`).join(", ")}` : "";
  if (q.value === undefined) return `sentence from ${cites(q.paragraphs)}${contains}${also}`;
  return `${q.value}${q.unit ? ` ${q.unit}` : ""} from ${cites(q.paragraphs)}${also}${contains}`;
}

/** What an answer gave, in one short line for failure lists. */
export function describeGot(got: ScoredAnswer): string {
  const top = got.facts[0];
  const fact = top ? ` ${top.value}${top.unit ? ` ${top.unit}` : ""} from ¶${top.paragraph}` : "";
  const cites = got.citations.map((c) => `¶${c}`).join(",");
  return `${got.status}${fact}, cites [${cites}], ${got.facts.length} fact(s)`;
}

export interface QuestionResult {
  question: GoldenQuestion;
  /** Null when answering threw. */
  answer: ScoredAnswer | null;
  score: Score;
  /** A figure given where none may be: a hard failure whatever the accuracy. */
  gaveForbiddenFigure: boolean;
}

export interface SetResult {
  set: GoldenSet;
  results: QuestionResult[];
  correct: number;
  accuracy: number;
  failures: QuestionResult[];
  forbiddenFigures: QuestionResult[];
}

/** Ask one question and score it. A throw counts as a wrong answer, never as a crash. */
/**
 * Asks one question. `after`, for a follow-up, is the question asked just before it: an asker that
 * keeps a conversation answers it first and passes on what it understood; others ignore it.
 */
export type Ask = (q: string, after?: string) => ScoredAnswer;

export function runQuestion(q: GoldenQuestion, ask: Ask): QuestionResult {
  let answer: ScoredAnswer | null = null;
  let score: Score;
  try {
    answer = ask(q.q, q.after);
    score = scoreQuestion(q, answer);
  } catch (err) {
    score = { correct: false, reason: `threw: ${(err as Error).message}` };
  }
  const gaveForbiddenFigure = mustGiveNoFigure(q) && (answer?.facts.length ?? 0) > 0;
  return { question: q, answer, score, gaveForbiddenFigure };
}

/** Ask every question of a set through `ask` and score the answers. */
export function runGoldenSet(set: GoldenSet, ask: Ask): SetResult {
  const results = set.questions.map((q) => runQuestion(q, ask));
  const correct = results.filter((r) => r.score.correct).length;
  return {
    set,
    results,
    correct,
    accuracy: results.length === 0 ? 0 : correct / results.length,
    failures: results.filter((r) => !r.score.correct),
    forbiddenFigures: results.filter((r) => r.gaveForbiddenFigure),
  };
}

/** Per-tag accuracy, for reports. */
export function accuracyByTag(results: QuestionResult[]): Map<string, { n: number; ok: number }> {
  const byTag = new Map<string, { n: number; ok: number }>();
  for (const r of results) {
    for (const tag of r.question.tags) {
      const row = byTag.get(tag) ?? { n: 0, ok: 0 };
      row.n++;
      if (r.score.correct) row.ok++;
      byTag.set(tag, row);
    }
  }
  return new Map([...byTag].sort(([a], [b]) => a.localeCompare(b)));
}

/** Failure list lines: question, expected, got, why. */
export function formatFailures(result: SetResult): string {
  return result.failures
    .map((r) => {
      const got = r.answer ? describeGot(r.answer) : "(threw)";
      return `  ✗ ${JSON.stringify(r.question.q)}\n      expected: ${describeExpected(r.question)}\n      got:      ${got}\n      why:      ${r.score.reason}`;
    })
    .join("\n");
}

/** Render rows as a plain aligned table (first row is the header). */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  const [header, ...body] = rows;
  if (header === undefined) return "";
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...body.map(line)].join("\n");
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
