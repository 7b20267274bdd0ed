import type { Logger } from "pino";
import type { Config } from "../config.js";
import { openStore, type Store } from "../store/index.js";
import { ReportLibrary } from "./reportLibrary.js";
import type { LibraryConfig, LibraryOptions } from "./types.js";

export interface OpenedLibrary {
  store: Store;
  library: ReportLibrary;
}

export type StoreConfig = Pick<Config, "DATA_DIR" | "DATABASE_URL" | "FEEDBACK_SECRET">;

/**
 * Open the store (PostgreSQL at DATABASE_URL, else DATA_DIR/factdesk.db) and load the active
 * report versions, importing REPORT_PATH on a first start.
 */
export async function openLibrary(
  config: LibraryConfig & StoreConfig,
  logger: Logger,
  options: LibraryOptions = {},
): Promise<OpenedLibrary> {
  const store = await openStore({
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    feedbackSecret: config.FEEDBACK_SECRET,
    ...(options.changes ? { changes: options.changes } : {}),
    watchOtherProcesses: options.watchOtherProcesses ?? false,
    onChangeError: (error) => logger.error({ err: error }, "could not hear or announce a change"),
  });
  try {
    return { store, library: await ReportLibrary.open(store, config, logger, options) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
