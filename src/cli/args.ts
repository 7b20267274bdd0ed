import { parseArgs } from "node:util";
import { z } from "zod";

const CliArgs = z.object({
  mode: z.enum(["ask", "chat"]),
  json: z.boolean(),
  facts: z.boolean(),
  report: z.string().min(1),
  question: z.string().nullable(),
});
export type CliArgs = z.infer<typeof CliArgs>;

export const USAGE = `usage: npm run ask -- [--json] [--report FILE] ["QUESTION"]
       npm run ask -- --facts [--json] [--report FILE]
       npm run chat [-- --report FILE]
With no QUESTION, questions are read from standard input, one per line.`;

export function parseCliArgs(argv: string[], defaultReport: string): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      facts: { type: "boolean", default: false },
      report: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const [first, ...rest] = positionals;
  const mode = first === "chat" ? "chat" : "ask";
  const words = mode === "chat" ? rest : positionals;
  return CliArgs.parse({
    mode,
    json: values.json,
    facts: values.facts,
    report: values.report ?? defaultReport,
    question: words.length > 0 ? words.join(" ") : null,
  });
}

export class UsageError extends Error {}
