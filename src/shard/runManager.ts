import type { Logger } from "pino";
import { exitWith, reasonOf } from "../bot/startup.js";
import type { Config } from "../config.js";
import { openLibrary } from "../library/open.js";
import { ReportError } from "../report/errors.js";
import { createShardingManager, stopShards } from "./manager.js";

/**
 * TOTAL_SHARDS: this process holds no client. It imports REPORT_PATH on a first start (once, so
 * the shards never race to import it), forks the shards and, on SIGTERM/SIGINT, stops them all:
 * each finishes its in-flight work and closes with 1000, then this exits 0.
 */
export async function runShardingManager(
  config: Config,
  rootLogger: Logger,
  entry: string,
  totalShards: number | "auto",
): Promise<void> {
  const logger = rootLogger.child({ shardManager: true });
  await openLibrary(config, logger)
    .then(({ store }) => store.close())
    .catch((error: unknown) =>
      exitWith([
        error instanceof ReportError
          ? `could not load the report: ${error.reason}`
          : `could not open the database in ${config.DATA_DIR}: ${reasonOf(error)}`,
      ]),
    );
  let stopping = false;
  const manager = await createShardingManager({
    entry,
    totalShards,
    token: config.DISCORD_TOKEN,
    api: config.DISCORD_API_URL,
    logger,
  }).catch((error: unknown) =>
    exitWith([`could not ask Discord how many shards: ${reasonOf(error)}`]),
  );
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping every shard");
    await stopShards(manager);
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void shutdown(signal));
  process.on("SIGTERM", (signal) => void shutdown(signal));
  await manager.spawn({ timeout: -1 });
  logger.info({ shards: manager.shards.size }, "every shard is connected");
}
