import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import pino from "pino";
import { reasonOf } from "./bot/startup.js";
import { ConfigError, parseStorageConfig } from "./config.js";
import {
  describeChange,
  describeGaps,
  describeHistory,
  describeRefresh,
  describeStatus,
  plainPresentation as plain,
} from "./library/describe.js";
import { openLibrary } from "./library/open.js";
import type { ReportLibrary } from "./library/reportLibrary.js";
import { createLogger } from "./logger.js";
import { ReportError } from "./report/errors.js";

const USAGE = `usage: npm run report -- <command>
  import FILE [--guild ID]      make FILE the default report, or one server's report
  rollback N [--guild ID]       re-activate version N (of the default report, or one server's)
  history [--guild ID]          the last 10 versions
  status [--guild ID]           the active version
  gaps [--days N] [--guild ID]  most asked questions without a good answer (all servers by default)`;

const DEFAULT_GAP_DAYS = 30;

class UsageError extends Error {}

type CliCommand =
  | { name: "import"; path: string }
  | { name: "rollback"; version: number }
  | { name: "history" | "status" }
  | { name: "gaps"; days: number };

interface Invocation {
  command: CliCommand;
  /** null: the default report (or, for gaps, every server). */
  guildId: string | null;
}

function positiveInt(raw: string | undefined, what: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${what} must be a positive whole number`);
  }
  return value;
}

const OPTIONS = { guild: { type: "string" }, days: { type: "string" } } as const;

function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseInvocation(argv: string[]): Invocation {
  const parsed = readArgs(argv);
  const { guild, days } = parsed.values;
  if (guild !== undefined && !/^\d{15,22}$/.test(guild)) {
    throw new UsageError("--guild must be a Discord server id (15–22 digits)");
  }
  const [name, argument] = parsed.positionals;
  const guildId = guild ?? null;
  switch (name) {
    case "import":
      if (!argument) throw new UsageError("import needs a FILE");
      return { command: { name, path: argument }, guildId };
    case "rollback":
      return { command: { name, version: positiveInt(argument, "the version") }, guildId };
    case "history":
    case "status":
      return { command: { name }, guildId };
    case "gaps":
      return {
        command: {
          name,
          days: days === undefined ? DEFAULT_GAP_DAYS : positiveInt(days, "--days"),
        },
        guildId,
      };
    default:
      throw new UsageError(name ? `unknown command "${name}"` : "no command given");
  }
}

/** The same library calls /report makes, with the operator (null) as the moderator. */
async function run(library: ReportLibrary, { command, guildId }: Invocation): Promise<string> {
  switch (command.name) {
    case "import": {
      const input = { kind: "file", path: command.path } as const;
      return describeRefresh(await library.refresh({ guildId, moderatorId: null, input }), plain);
    }
    case "rollback": {
      const version = command.version;
      return describeChange(await library.rollback({ guildId, moderatorId: null, version }), plain);
    }
    case "history":
      return describeHistory(library.history(guildId), plain);
    case "status":
      return describeStatus(library.status(guildId), plain);
    case "gaps":
      return describeGaps(library.gaps(guildId, command.days), command.days);
  }
}

async function main(): Promise<number> {
  const invocation = parseInvocation(process.argv.slice(2));
  loadDotenv({ quiet: true });
  const config = parseStorageConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, { destination: pino.destination(2) });
  const { store, library } = await openLibrary(config, logger);
  try {
    process.stdout.write(`${await run(library, invocation)}\n`);
    return 0;
  } finally {
    store.close();
  }
}

function fail(lines: readonly string[], code: number): number {
  for (const line of lines) process.stderr.write(`factdesk: ${line}\n`);
  return code;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) process.exitCode = fail([error.message, USAGE], 2);
  else if (error instanceof ReportError) process.exitCode = fail([`refused: ${error.reason}`], 1);
  else if (error instanceof ConfigError) process.exitCode = fail(error.problems, 1);
  else process.exitCode = fail([reasonOf(error)], 1);
}
