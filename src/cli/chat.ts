import { createInterface } from "node:readline";
import { reply } from "../qa/answer.js";
import type { ReportIndex } from "../qa/reportIndex.js";
import type { Query } from "../qa/understand.js";
import { answerToText, type TextStyle } from "./output.js";

const PROMPT = "? ";
/** Like the bot in chat: a question within ten minutes continues the previous one. */
const FOLLOW_UP_MS = 10 * 60 * 1000;

/**
 * `npm run chat`: a prompt with line editing and history on a terminal, a blank line between
 * answers, follow-ups that carry the previous question, and Ctrl-C or Ctrl-D to quit. Piped input
 * is echoed after the prompt, so a transcript reads like the session it records.
 */
export async function chat(index: ReportIndex, style: TextStyle): Promise<void> {
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal,
    historySize: 200,
    prompt: PROMPT,
  });
  lines.on("SIGINT", () => lines.close());
  process.stdout.write(
    `factdesk: ${index.report.paragraphs.length} paragraphs, ${index.table.facts.length} figures. Ask away (Ctrl-D or Ctrl-C to quit).\n`,
  );
  let previous: { query: Query; at: number } | null = null;
  lines.prompt();
  for await (const line of lines) {
    if (!terminal) process.stdout.write(`${line}\n`);
    const question = line.trim();
    if (question) {
      const recent = previous && Date.now() - previous.at < FOLLOW_UP_MS ? previous.query : null;
      const result = reply(question, index, { previous: recent });
      if (result.query) previous = { query: result.query, at: Date.now() };
      process.stdout.write(`${answerToText(result.answer, style)}\n\n`);
    }
    lines.prompt();
  }
  process.stdout.write("\n");
}
