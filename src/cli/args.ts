import { parseArgs } from "node:util";
import { z } from "zod";

const CliArgs = z.object({
  mode: z.enum(["ask", "chat"]),
  json: z.boolean(),
  facts: z.boolean(),
  report: z.string().min(1),
  maxBytes: z.number({ error: "--max-bytes must be a positive whole number" }).int().positive(),
  question: z.string().nullable(),
});
export type CliArgs = z.infer<typeof CliArgs>;

export const USAGE = `usage: npm run ask -- [--json] [--report FILE] [--max-bytes N] ["QUESTION"]
       npm run ask -- --facts [--json] [--report FILE]
       npm run chat [-- --report FILE]
With no QUESTION, questions are read from standard input, one per line.
A report over --max-bytes (default REPORT_MAX_BYTES, 1 MiB) is refused.`;

export function parseCliArgs(
  argv: string[],
  defaultReport: string,
  defaultMaxBytes: number,
): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      facts: { type: "boolean", default: false },
      report: { type: "string" },
      "max-bytes": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const [first, ...rest] = positionals;
  const mode = first === "chat" ? "chat" : "ask";
  const words = mode === "chat" ? rest : positionals;
  const maxBytes =
    values["max-bytes"] === undefined ? defaultMaxBytes : Number(values["max-bytes"]);
  const parsed = CliArgs.safeParse({
    mode,
    json: values.json,
    facts: values.facts,
    report: values.report ?? defaultReport,
    question: words.length > 0 ? words.join(" ") : null,
    maxBytes,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? USAGE);
  return parsed.data;
}

export class UsageError extends Error {}
