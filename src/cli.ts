import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { type CliArgs, parseCliArgs, USAGE, UsageError } from "./cli/args.js";
import { chat } from "./cli/chat.js";
import { loadReportFile } from "./cli/loadReport.js";
import { answerToJson, answerToText, factsToText, type TextStyle } from "./cli/output.js";
import { BUILT_ENGINE, type SavedIndexes } from "./cli/savedIndex.js";
import { ConfigError, parseReportMaxBytes } from "./config.js";
import { answer } from "./qa/answer.js";
import type { ReportIndex } from "./qa/reportIndex.js";
import { ReportError } from "./report/errors.js";

const DEFAULT_REPORT = process.env.REPORT_PATH || "data/report.txt";
const style: TextStyle = process.stdout.isTTY ? "ansi" : "plain";
/**
 * The built CLI (dist/cli.js) keeps the indexes it builds in dist/.cache/index, which goes with
 * dist/ when it is rebuilt; under tsx nothing is saved.
 */
const saved: SavedIndexes | null = BUILT_ENGINE
  ? { dir: fileURLToPath(new URL("./.cache/index", import.meta.url)), engine: BUILT_ENGINE }
  : null;

function printAnswer(question: string, index: ReportIndex, json: boolean): void {
  const result = answer(question, index);
  process.stdout.write(`${json ? answerToJson(result) : answerToText(result, style)}\n`);
}

/** Batch mode: one question per line of standard input, one answer per line (or JSON line). */
async function answerLines(index: ReportIndex, args: CliArgs): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, terminal: false })) {
    printAnswer(line, index, args.json);
  }
}

async function run(args: CliArgs): Promise<void> {
  // Nobody types a batch at a terminal by accident: waiting silently on stdin looks like a hang.
  const batchFromTerminal = args.mode === "ask" && !args.facts && args.question === null;
  if (batchFromTerminal && process.stdin.isTTY) throw new UsageError(USAGE);
  const index = await loadReportFile(args.report, args.maxBytes, saved);
  if (args.facts) {
    process.stdout.write(
      `${args.json ? JSON.stringify(index.table, null, 2) : factsToText(index.table.facts)}\n`,
    );
  } else if (args.mode === "chat") {
    await chat(index, style);
  } else if (args.question !== null) {
    printAnswer(args.question, index, args.json);
  } else {
    await answerLines(index, args);
  }
}

/**
 * The whole CLI; a failure a user can fix is one line and exit code 2, anything else is thrown.
 * A function called at the end, not top-level await: the built CLI is bundled as CommonJS, which
 * Node can start from V8's code cache (scripts/cachedEntry.mjs).
 */
async function main(): Promise<void> {
  try {
    await run(
      parseCliArgs(process.argv.slice(2), DEFAULT_REPORT, parseReportMaxBytes(process.env)),
    );
  } catch (error) {
    if (error instanceof ReportError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

void main();
