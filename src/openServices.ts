import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { StoredSettings } from "./library/guildSettings.js";
import { openLibrary } from "./library/open.js";
import type { ReportLibrary } from "./library/reportLibrary.js";
import { defaultSettings } from "./library/settings.js";
import { createTelemetry } from "./library/telemetry.js";
import type { LibraryOptions } from "./library/types.js";
import { createMetrics, type Metrics } from "./ops/metrics.js";
import type { Services } from "./services.js";
import { DATABASE_FILE } from "./store/db.js";
import type { Store } from "./store/index.js";

/** Services plus the handles the operator side needs: health, backup, retention, settings. */
export interface OpenedServices extends Services {
  store: Store;
  library: ReportLibrary;
  settings: StoredSettings;
  metrics: Metrics;
  close(): void;
}

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
): Promise<OpenedServices> {
  const metrics = createMetrics();
  const hooks = {
    ...options.hooks,
    changed: (action: Parameters<Metrics["reportChanged"]>[0]) => {
      metrics.reportChanged(action);
      options.hooks?.changed?.(action);
    },
  };
  const { store, library } = await openLibrary(config, logger, { ...options, hooks });
  const stored = createTelemetry(store, logger);
  const telemetry = {
    ...stored,
    questionAnswered: (event: Parameters<typeof stored.questionAnswered>[0]) => {
      metrics.questionAnswered(event.status);
      stored.questionAnswered(event);
    },
  };
  const settings = new StoredSettings(store, defaultSettings(config), logger, options.now);
  const reloadReports = () => {
    library.reloadIfChangedElsewhere().catch((error: unknown) => {
      logger.error({ err: error }, "could not reload report versions changed by another process");
    });
  };
  const stopListening = store.changes.onChange((change) => {
    if (change.kind === "settings" || change.kind === "all") settings.reload();
    if (change.kind !== "settings") reloadReports();
  });
  const reload = setInterval(reloadReports, RELOAD_INTERVAL_MS);
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
    settings,
    pins: library.pins,
    metrics,
    store,
    library,
    close() {
      clearInterval(reload);
      stopListening();
      telemetry.flush();
      store.close();
    },
  };
}
