import { existsSync } from "node:fs";
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
import { mergeMeta } from "./library/metadata.js";
import { type OpenedLibrary, openLibrary } from "./library/open.js";
import { createLogger } from "./logger.js";
import { ReportError } from "./report/errors.js";
import { BackupElsewhereError } from "./store/index.js";
import type { VersionMeta } from "./store/reportVersions.js";

const USAGE = `usage: npm run report -- <command>
  import FILE [--guild ID] [--title T] [--url U] [--date YYYY-MM-DD]
                                make FILE the default report, or one server's report
  rollback N [--guild ID]       re-activate version N (of the default report, or one server's)
  history [--guild ID]          the last 10 versions
  status [--guild ID]           the active version
  gaps [--days N] [--guild ID]  most asked questions without a good answer (all servers by default)
  backup FILE                   a consistent copy of the SQLite database, safe while the bot runs
                                (on PostgreSQL: pg_dump)`;

const DEFAULT_GAP_DAYS = 30;

class UsageError extends Error {}

type CliCommand =
  | { name: "import"; path: string; meta: VersionMeta }
  | { name: "rollback"; version: number }
  | { name: "history" | "status" }
  | { name: "gaps"; days: number }
  | { name: "backup"; path: string };

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

const OPTIONS = {
  guild: { type: "string" },
  days: { type: "string" },
  title: { type: "string" },
  url: { type: "string" },
  date: { type: "string" },
} as const;

/** --title, --url and --date, as /report refresh takes them; anything that does not validate is refused. */
function metaOptions(values: { title?: string; url?: string; date?: string }): VersionMeta {
  const given = Object.fromEntries(
    Object.entries({ title: values.title, url: values.url, date: values.date }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const meta = mergeMeta(given);
  const refused = Object.keys(given).filter((key) => !(key in meta));
  if (refused.length > 0) {
    throw new UsageError(
      `--${refused[0]} is not valid (a date looks like 2024-03-03, a url like https://…)`,
    );
  }
  return meta;
}

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
      return { command: { name, path: argument, meta: metaOptions(parsed.values) }, guildId };
    case "backup":
      if (!argument) throw new UsageError("backup needs a FILE to write");
      if (existsSync(argument)) throw new UsageError(`${argument} already exists; pick a new name`);
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
async function run(
  { library, store }: OpenedLibrary,
  { command, guildId }: Invocation,
): Promise<string> {
  switch (command.name) {
    case "backup":
      await store.backup(command.path);
      return `Backed up the database to ${command.path}.`;
    case "import": {
      const input = { kind: "file", path: command.path } as const;
      const request = { guildId, moderatorId: null, input, meta: command.meta };
      return describeRefresh(await library.refresh(request), plain);
    }
    case "rollback": {
      const version = command.version;
      return describeChange(await library.rollback({ guildId, moderatorId: null, version }), plain);
    }
    case "history":
      return describeHistory(await library.history(guildId), plain);
    case "status":
      return describeStatus(await library.status(guildId), plain);
    case "gaps":
      return describeGaps(await library.gaps(guildId, command.days), command.days);
  }
}

async function main(): Promise<number> {
  const invocation = parseInvocation(process.argv.slice(2));
  loadDotenv({ quiet: true });
  const config = parseStorageConfig(process.env);
  // PostgreSQL has its own backup tools; say which before connecting to anything.
  if (invocation.command.name === "backup" && config.DATABASE_URL) throw new BackupElsewhereError();
  const logger = createLogger(config.LOG_LEVEL, { destination: pino.destination(2) });
  const opened = await openLibrary(config, logger);
  try {
    process.stdout.write(`${await run(opened, invocation)}\n`);
    return 0;
  } finally {
    await opened.store.close();
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
