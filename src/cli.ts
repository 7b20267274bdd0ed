import { createInterface } from "node:readline";
import { type CliArgs, parseCliArgs, UsageError } from "./cli/args.js";
import { loadReportFile } from "./cli/loadReport.js";
import { answerToJson, answerToText, factsToText } from "./cli/output.js";
import { answer, reply } from "./qa/answer.js";
import type { ReportIndex } from "./qa/reportIndex.js";
import type { Answer } from "./qa/schema.js";
import type { Query } from "./qa/understand.js";
import { ReportError } from "./report/errors.js";

const DEFAULT_REPORT = process.env.REPORT_PATH || "data/report.txt";

function printAnswer(result: Answer, json: boolean): void {
  process.stdout.write(`${json ? answerToJson(result) : answerToText(result)}\n`);
}

async function answerLines(index: ReportIndex, args: CliArgs, prompt: boolean): Promise<void> {
  const lines = createInterface({ input: process.stdin, terminal: prompt });
  if (prompt) {
    process.stdout.write(
      `factdesk: ${index.report.paragraphs.length} paragraphs, ${index.table.facts.length} figures. Ask away (Ctrl-D to quit).\n`,
    );
    lines.setPrompt("? ");
    lines.prompt();
  }
  // The chat prompt is a conversation: each question may follow on from the one before. Batch
  // lines are independent questions.
  let previous: Query | null = null;
  for await (const line of lines) {
    if (prompt && line.trim() === "") {
      lines.prompt();
      continue;
    }
    const replied = reply(line, index, { previous: prompt ? previous : null });
    previous = replied.query;
    printAnswer(replied.answer, args.json);
    if (prompt) lines.prompt();
  }
}

async function run(args: CliArgs): Promise<void> {
  const index = await loadReportFile(args.report);
  if (args.facts) {
    process.stdout.write(
      `${args.json ? JSON.stringify(index.table, null, 2) : factsToText(index.table.facts)}\n`,
    );
  } else if (args.mode === "chat") {
    await answerLines(index, args, true);
  } else if (args.question !== null) {
    printAnswer(answer(args.question, index), args.json);
  } else {
    await answerLines(index, args, false);
  }
}

try {
  await run(parseCliArgs(process.argv.slice(2), DEFAULT_REPORT));
} catch (error) {
  if (error instanceof ReportError) {
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
