import { connectBot, createBot } from "./bot/client.js";
import { exitWith, loadConfigOrExit, reasonOf } from "./bot/startup.js";
import { createLogger } from "./logger.js";
import { openServices } from "./openServices.js";
import { startOperations } from "./ops/operations.js";

const config = loadConfigOrExit({ offlineHint: true });
const logger = createLogger(config.LOG_LEVEL, { secrets: [config.DISCORD_TOKEN] });

// A stray rejection from a library callback is logged; it must not stop the bot for everyone.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

const services = await openServices(config, logger).catch((error: unknown) =>
  exitWith([`could not load the report: ${reasonOf(error)}`]),
);
const client = createBot(config, logger, services);
const operations = await startOperations(config, services, client, logger).catch((error: unknown) =>
  exitWith([`could not start the health endpoint: ${reasonOf(error)}`]),
);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  stopping = true;
  logger.info({ signal }, "shutting down");
  await operations.stop();
  await client.destroy();
  services.close?.();
  process.exit(0);
}
process.once("SIGINT", (signal) => void shutdown(signal));
process.once("SIGTERM", (signal) => void shutdown(signal));

await connectBot(client, config.DISCORD_TOKEN, logger).catch((error: unknown) => {
  // A signal during login destroys the client, which fails the login; that is a clean stop.
  if (!stopping) exitWith([`could not connect to Discord: ${reasonOf(error)}`]);
});
