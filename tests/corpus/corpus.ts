/**
 * The real-text corpus in `../shared/corpus/`, and the invented one in `tests/corpus/invented/`
 * laid out the same way: loader and judge.
 *
 * The judge mirrors `../shared/corpus/tools/score.py`, which scores the `ask --json` contract, so
 * the in-process score here and the script's score agree. The real corpus text is read from
 * `../shared/`, never copied into the repository. The invented reports were written for this
 * project by sessions that never saw the engine, with questions by other such sessions, in the
 * corpus's own format; every question is asked on its own, as the batch contract asks it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Answer } from "../../src/qa/schema.js";
import { decodeReportBytes } from "../../src/report/decode.js";

const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = resolve(HERE, "..", "..", "..", "shared", "corpus");
export const INVENTED_CORPUS_DIR = join(HERE, "invented");
/** Question sets about the seed report (`data/report.txt`), in the corpus's format. */
export const SEED_CORPUS_DIR = join(HERE, "seed");
export const SEED_REPORT = resolve(HERE, "..", "..", "data", "report.txt");

export const CorpusQuestion = z
  .object({
    q: z.string().min(1),
    kind: z.string().min(1),
    value: z.number().optional(),
    value_any: z.array(z.number()).optional(),
    kg: z.number().optional(),
    paras: z.array(z.number().int().positive()),
    expect: z.enum(["not_found", "no_figure"]).optional(),
    text_any: z.array(z.string()).optional(),
    text_all: z.array(z.string()).optional(),
  })
  .passthrough();
export type CorpusQuestion = z.infer<typeof CorpusQuestion>;

export const CorpusSplit = z.object({
  note: z.string(),
  tuning: z.array(z.string()).min(1),
  validation: z.array(z.string()).min(1),
});
export type CorpusSplit = z.infer<typeof CorpusSplit>;

export type CorpusHalf = "tuning" | "validation";
/**
 * The real corpus's two halves, the invented reports, and the seed sets (both tuning material like
 * the first half).
 */
export type CorpusGroup = CorpusHalf | "invented" | "seed";

export interface CorpusReport {
  name: string;
  reportPath: string;
  questions: CorpusQuestion[];
}

export function loadSplit(): CorpusSplit {
  return CorpusSplit.parse(JSON.parse(readFileSync(join(HERE, "split.json"), "utf8")));
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, "questions"));
}

/** A folder's question-set names, sorted: one per `questions/*.jsonl`. */
function questionSetNames(dir: string): string[] {
  return readdirSync(join(dir, "questions"))
    .filter((file) => file.endsWith(".jsonl"))
    .map((file) => file.slice(0, -".jsonl".length))
    .sort();
}

/** The invented corpus's report names, sorted. */
export function inventedCorpusNames(): string[] {
  return questionSetNames(INVENTED_CORPUS_DIR);
}

export interface CorpusGroupFiles {
  group: CorpusGroup;
  dir: string;
  names: string[];
  /** One report every set of the group asks about; otherwise each name has `reports/<name>.txt`. */
  report?: string;
}

/** Every group with its folder and report names, in the order reports print them. */
export function corpusGroups(): CorpusGroupFiles[] {
  const split = loadSplit();
  return [
    { group: "tuning", dir: CORPUS_DIR, names: split.tuning },
    { group: "validation", dir: CORPUS_DIR, names: split.validation },
    { group: "invented", dir: INVENTED_CORPUS_DIR, names: inventedCorpusNames() },
    {
      group: "seed",
      dir: SEED_CORPUS_DIR,
      names: questionSetNames(SEED_CORPUS_DIR),
      report: SEED_REPORT,
    },
  ];
}

export function loadCorpusReport(
  name: string,
  dir: string = CORPUS_DIR,
  reportPath: string = join(dir, "reports", `${name}.txt`),
): CorpusReport {
  const questionsPath = join(dir, "questions", `${name}.jsonl`);
  const questions = readFileSync(questionsPath, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const parsed = CorpusQuestion.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`factdesk corpus: ${name} line ${i + 1}: bad question`);
      return parsed.data;
    });
  return { name, reportPath, questions };
}

export function readCorpusText(report: CorpusReport): string {
  return decodeReportBytes(readFileSync(report.reportPath));
}

export function corpusMeta(report: CorpusReport): { name: string; version: null } {
  return { name: basename(report.reportPath), version: null };
}

function close(a: unknown, b: number, rel = 1e-6): boolean {
  if (typeof a !== "number") return false;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
}

function factMatches(fact: Answer["facts"][number] | undefined, q: CorpusQuestion): boolean {
  if (fact === undefined) return false;
  const wants = q.value_any ?? (q.value !== undefined ? [q.value] : []);
  if (wants.some((want) => close(fact.value, want))) return true;
  const unit = String(fact.base?.unit ?? "").toLowerCase();
  return (
    q.kg !== undefined &&
    ["kg", "kilogram", "kilograms"].includes(unit) &&
    close(fact.base?.value, q.kg, 0.005)
  );
}

export interface CorpusVerdict {
  correct: boolean;
  /** A figure given for a question the report cannot answer. */
  leak: boolean;
  reason: string;
}

/** The same verdict `score.py` gives one JSON answer. */
export function judgeCorpus(q: CorpusQuestion, a: Answer): CorpusVerdict {
  const numeric = a.facts.filter((f) => f.value !== null && f.value !== undefined);
  const cites = new Set(a.citations);
  const verdict = (correct: boolean, reason: string, leak = false) => ({ correct, leak, reason });
  if (q.expect === "not_found") {
    const ok = a.status === "not_found" && numeric.length === 0;
    return verdict(ok, ok ? "" : `status=${a.status} facts=${numeric.length}`, !ok);
  }
  if (q.expect === "no_figure") {
    const ok =
      a.status === "not_found" || (numeric.length === 0 && q.paras.some((p) => cites.has(p)));
    return verdict(ok, ok ? "" : `status=${a.status} facts=${numeric.length}`);
  }
  if (a.status !== "answered") return verdict(false, `status=${a.status}`);
  const paras = new Set(q.paras);
  const cited = q.paras.some((p) => cites.has(p)) || paras.has(a.facts[0]?.paragraph ?? -1);
  if (q.value !== undefined || q.value_any !== undefined) {
    if (!factMatches(a.facts[0], q)) return verdict(false, `top fact ${a.facts[0]?.value}`);
    return verdict(cited, cited ? "" : `cites ${[...cites]}`);
  }
  const low = a.text.toLowerCase();
  if (q.text_any && !q.text_any.some((s) => low.includes(s.toLowerCase()))) {
    return verdict(false, "text lacks every accepted span");
  }
  if (q.text_all && !q.text_all.every((s) => low.includes(s.toLowerCase()))) {
    return verdict(false, "text lacks a required span");
  }
  return verdict(cited, cited ? "" : `cites ${[...cites]}`);
}
