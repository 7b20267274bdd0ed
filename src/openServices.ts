import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { openLibrary } from "./library/open.js";
import { createTelemetry } from "./library/telemetry.js";
import type { LibraryOptions } from "./library/types.js";
import type { Services } from "./services.js";
import { DATABASE_FILE } from "./store/db.js";

/** How often a running bot looks for changes made by the operator CLI. */
const RELOAD_INTERVAL_MS = 5_000;

/**
 * Open DATA_DIR/factdesk.db (creating and migrating it), import REPORT_PATH on a first start,
 * and load every active report version into memory.
 */
export async function openServices(
  config: Config,
  logger: Logger,
  options: LibraryOptions = {},
): Promise<Services> {
  const { store, library } = await openLibrary(config, logger, options);
  const telemetry = createTelemetry(store, logger);
  const reload = setInterval(() => {
    library.reloadIfChangedElsewhere().catch((error: unknown) => {
      logger.error({ err: error }, "could not reload report versions changed by another process");
    });
  }, RELOAD_INTERVAL_MS);
  reload.unref();

  const active = library.active(null);
  logger.info(
    {
      database: join(config.DATA_DIR, DATABASE_FILE),
      version: active.version,
      source: active.source,
    },
    "report store open",
  );
  return {
    reports: library,
    telemetry,
    library,
    close() {
      clearInterval(reload);
      telemetry.flush();
      store.close();
    },
  };
}
