/**
 * Test-only: starts a refresh and freezes at a chosen point so the parent test can SIGKILL it
 * there, the way a power cut or an OOM kill would stop the bot mid-refresh.
 *
 *   node --import tsx tests/library/crashDuringRefresh.ts DATA_DIR GUILD_ID FILE before-commit|mid-transaction
 *
 * Prints "frozen" on stdout once it has stopped at that point.
 */
import { writeSync } from "node:fs";
import { openLibrary } from "../../src/library/open.js";
import { ReportLibrary } from "../../src/library/reportLibrary.js";
import { openStore } from "../../src/store/index.js";
import type { VersionTable } from "../../src/store/tables.js";
import { SEED_PATH, silentLogger } from "./harness.js";

const [dataDir, guildId, file, point] = process.argv.slice(2);
if (!dataDir || !guildId || !file || (point !== "before-commit" && point !== "mid-transaction")) {
  throw new Error(
    "usage: crashDuringRefresh.ts DATA_DIR GUILD_ID FILE before-commit|mid-transaction",
  );
}

function freeze(): void {
  writeSync(1, "frozen\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

const config = {
  DATA_DIR: dataDir,
  DATABASE_URL: undefined,
  FEEDBACK_SECRET: undefined,
  REPORT_PATH: SEED_PATH,
  REPORT_URL: undefined,
  REPORT_MAX_BYTES: 1024 * 1024,
  REPORT_FETCH_TIMEOUT_MS: 1000,
  REPORT_BUILD_TIMEOUT_MS: 10_000,
  REPORT_BUILD_MEMORY_MB: 512,
};

let library: ReportLibrary;
if (point === "before-commit") {
  ({ library } = await openLibrary(config, silentLogger, { hooks: { beforeCommit: freeze } }));
} else {
  // Freeze inside the transaction: the version row is inserted, the pointer not yet switched.
  const store = await openStore({ dataDir });
  library = await ReportLibrary.open(store, config, silentLogger);
  const transaction = store.transaction;
  store.transaction = (locks, work) =>
    transaction(locks, (tables) => {
      const versions: VersionTable = Object.create(tables.versions);
      versions.setPointer = async (...args) => {
        await tables.versions.setPointer(...args);
        freeze();
      };
      return work({ ...tables, versions });
    });
}
await library.refresh({ guildId, moderatorId: null, input: { kind: "file", path: file } });
