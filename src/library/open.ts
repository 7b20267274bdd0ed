import type { Logger } from "pino";
import { openStore, type Store } from "../store/index.js";
import { ReportLibrary } from "./reportLibrary.js";
import type { LibraryConfig, LibraryOptions } from "./types.js";

export interface OpenedLibrary {
  store: Store;
  library: ReportLibrary;
}

/** Open DATA_DIR/factdesk.db and load the active report versions (importing REPORT_PATH on a first start). */
export async function openLibrary(
  config: LibraryConfig & { DATA_DIR: string; FEEDBACK_SECRET?: string | undefined },
  logger: Logger,
  options: LibraryOptions = {},
): Promise<OpenedLibrary> {
  const store = openStore(config.DATA_DIR, {
    feedbackSecret: config.FEEDBACK_SECRET,
    ...(options.changes ? { changes: options.changes } : {}),
    watchOtherProcesses: options.watchOtherProcesses ?? false,
    onChangeError: (error) => logger.error({ err: error }, "could not hear or announce a change"),
  });
  try {
    return { store, library: await ReportLibrary.open(store, config, logger, options) };
  } catch (error) {
    store.close();
    throw error;
  }
}
