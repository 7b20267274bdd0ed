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
import type { StoreChange } from "./store/changes.js";
import type { Store } from "./store/index.js";

/** Services plus the handles the operator side needs: health, backup, retention, settings. */
export interface OpenedServices extends Services {
  store: Store;
  library: ReportLibrary;
  settings: StoredSettings;
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * Open the store (PostgreSQL at DATABASE_URL, else DATA_DIR/factdesk.db; created and migrated),
 * import REPORT_PATH on a first start, read which version every guild answers from, and build the
 * default report's index (every other index is built on its guild's first question).
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
  const { store, library } = await openLibrary(config, logger, {
    watchOtherProcesses: true,
    ...options,
    hooks,
  });
  const stored = createTelemetry(store, logger);
  const telemetry = {
    ...stored,
    questionAnswered: (event: Parameters<typeof stored.questionAnswered>[0]) => {
      metrics.questionAnswered(event.status);
      stored.questionAnswered(event);
    },
  };
  metrics.watchIndexes(() => library.cacheStats());
  const settings = await StoredSettings.open(store, defaultSettings(config), logger, options.now);
  // Every source of change is heard as an event (another shard over IPC, another host over
  // PostgreSQL's NOTIFY, the operator CLI through the SQLite file): nothing is polled.
  const takeIn = async (change: StoreChange) => {
    if (change.kind === "settings" || change.kind === "all") await settings.reload();
    await library.applyChange(change);
  };
  const stopListening = store.changes.onChange((change) => {
    takeIn(change).then(
      () => logger.debug({ change }, "change taken in"),
      (error: unknown) => {
        logger.error({ err: error, change }, "could not take in a change committed elsewhere");
      },
    );
  });

  const active = library.activeVersion(null);
  logger.info(
    {
      database: store.location,
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
    async close() {
      stopListening();
      await telemetry.flush();
      await store.close();
    },
  };
}
