import { warmAnswering } from "./bot/answering.js";
import { connectBot, createBot } from "./bot/client.js";
import { InFlight } from "./bot/inFlight.js";
import { exitWith, loadConfigOrExit, reasonOf } from "./bot/startup.js";
import { createLogger } from "./logger.js";
import { openServices } from "./openServices.js";
import { startOperations } from "./ops/operations.js";
import { ReportError } from "./report/errors.js";
import { shardChanges } from "./shard/changes.js";
import { shardIdsOf, shardLabel, shardPlan } from "./shard/plan.js";
import { runShardingManager } from "./shard/runManager.js";
import { describeDatabaseUrl } from "./store/postgres/store.js";

const config = loadConfigOrExit({ offlineHint: true });
const plan = shardPlan(config, process.env);
const rootLogger = createLogger(config.LOG_LEVEL, { secrets: [config.DISCORD_TOKEN] });

// A stray rejection from a library callback is logged; it must not stop the bot for everyone.
process.on("unhandledRejection", (reason) =>
  rootLogger.error({ err: reason }, "unhandled rejection"),
);

if (plan.kind === "manager") {
  await runShardingManager(config, rootLogger, import.meta.url, plan.totalShards);
} else {
  await runBot();
}

function databaseName(): string {
  return config.DATABASE_URL ? describeDatabaseUrl(config.DATABASE_URL) : config.DATA_DIR;
}

function openFailure(error: unknown): never {
  return exitWith([
    error instanceof ReportError
      ? `could not load the report: ${error.reason}`
      : `could not open the database (${databaseName()}): ${reasonOf(error)}`,
  ]);
}

async function runBot(): Promise<void> {
  const logger = rootLogger.child({ shardId: shardLabel(shardIdsOf(plan, process.env)) });
  // A shard hears the other shards of its host through the manager's IPC.
  const options = plan.kind === "child" ? { changes: shardChanges() } : {};
  const services = await openServices(config, logger, options).catch((error: unknown) =>
    openFailure(error),
  );
  warmAnswering((await services.reports.active(null)).index);
  const inFlight = new InFlight();
  const client = createBot(config, logger, services, {
    inFlight,
    // Discord will not take this bot back until the operator changes something: say what, and exit 1
    // so a supervisor shows the failure instead of restarting into the same refusal forever.
    onFatalClose: (line) => {
      void services.close().finally(() => exitWith([line]));
    },
  });
  // A version committed elsewhere for a guild this process serves is built as soon as it is heard.
  services.library.serveGuilds((guildId) => client.guilds.cache.has(guildId));
  const operations = await startOperations(config, services, client, logger).catch(
    (error: unknown) => exitWith([`could not start the health endpoint: ${reasonOf(error)}`]),
  );

  function flushLogs(): Promise<void> {
    return new Promise((resolve) => logger.flush(() => resolve()));
  }

  let stopping = false;
  /**
   * Stop taking new interactions, let the ones under way finish (refreshes included) within
   * SHUTDOWN_GRACE_MS, then write what is queued, close the gateway with 1000 and exit 0.
   */
  async function shutdown(signal: NodeJS.Signals): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: inFlight.size }, "shutting down: finishing what is under way");
    const { finished, abandoned } = await inFlight.drain(config.SHUTDOWN_GRACE_MS);
    logger.info({ finished, abandoned }, "in-flight work done; disconnecting");
    await operations.stop();
    await client.destroy();
    await services.close();
    await flushLogs();
    process.exit(0);
  }
  process.on("SIGINT", (signal) => void shutdown(signal));
  process.on("SIGTERM", (signal) => void shutdown(signal));

  await connectBot(client, config.DISCORD_TOKEN, logger).catch((error: unknown) => {
    // A signal during login destroys the client, which fails the login; that is a clean stop.
    if (!stopping) exitWith([`could not connect to Discord: ${reasonOf(error)}`]);
  });
}
