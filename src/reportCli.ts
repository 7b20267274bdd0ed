import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import pino from "pino";
import { ConfigError, parseStorageConfig } from "./config.js";
import {
  describeChange,
  describeGaps,
  describeHistory,
  describeStatus,
  plainPresentation,
} from "./library/describe.js";
import { openLibrary } from "./library/open.js";
import type { ReportLibrary } from "./library/reportLibrary.js";
import { createLogger } from "./logger.js";
import { ReportError } from "./report/errors.js";

const USAGE = `usage: npm run report -- <command>
  import FILE [--guild ID]    make FILE the default report, or one server's report
  rollback N [--guild ID]     re-activate version N (default report, or one server's)
  history [--guild ID]        the last 10 versions
  status [--guild ID]         the active version
  gaps [--days N] [--guild ID]  most asked questions without a good answer (all servers by default)`;

class UsageError extends Error {}

function positiveInt(raw: string | undefined, what: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${what} must be a positive whole number`);
  return value;
}

async function run(
  library: ReportLibrary,
  command: string | undefined,
  args: string[],
  guild: string | null,
  days: string | undefined,
): Promise<string> {
  switch (command) {
    case "import": {
      const [path] = args;
      if (!path) throw new UsageError("import needs a FILE");
      const outcome = await library.refresh({
        guildId: guild,
        moderatorId: null,
        input: { kind: "file", path },
      });
      return outcome.kind === "unchanged"
        ? `Already up to date: version ${outcome.version} has exactly this content.`
        : describeChange(outcome, plainPresentation);
    }
    case "rollback": {
      const version = positiveInt(args[0], "the version");
      return describeChange(
        library.rollback({ guildId: guild, moderatorId: null, version }),
        plainPresentation,
      );
    }
    case "history":
      return describeHistory(library.history(guild), plainPresentation);
    case "status":
      return describeStatus(library.status(guild), plainPresentation);
    case "gaps": {
      const window = days === undefined ? 30 : positiveInt(days, "--days");
      return describeGaps(library.gaps(guild, window), window);
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    process.stderr.write(`factdesk: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  loadDotenv({ quiet: true });
  const config = parseStorageConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, { destination: pino.destination(2) });
  const { store, library } = await openLibrary(config, logger);
  try {
    const [command, ...args] = parsed.positionals;
    process.stdout.write(
      `${await run(library, command, args, parsed.values.guild ?? null, parsed.values.days)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`factdesk: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ReportError) {
      process.stderr.write(`factdesk: refused: ${error.reason}\n`);
      return 1;
    }
    throw error;
  } finally {
    store.close();
  }
}

function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: { guild: { type: "string" }, days: { type: "string" } },
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  const lines =
    error instanceof ConfigError
      ? error.problems
      : [
          error instanceof ReportError
            ? error.reason
            : String(error instanceof Error ? error.message : error),
        ];
  for (const line of lines) process.stderr.write(`factdesk: ${line}\n`);
  process.exitCode = 1;
}
