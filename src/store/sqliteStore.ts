import { AsyncLocalStorage } from "node:async_hooks";
import { join } from "node:path";
import { AuditTrail } from "./audit.js";
import { localChanges } from "./changes.js";
import { DATABASE_FILE, openDatabase } from "./db.js";
import { FeedbackStore } from "./feedback.js";
import { feedbackKey } from "./feedbackKey.js";
import { fileChanges } from "./fileChanges.js";
import { GuildSettingsStore } from "./guildSettings.js";
import type { Store, StoreOptions } from "./index.js";
import { PinStore } from "./pins.js";
import { QuestionLog } from "./questionLog.js";
import { ReportVersions } from "./reportVersions.js";
import type { StoreTables } from "./tables.js";

type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** The same table with every method queued behind `exclusive` (methods live on the class's prototype). */
function queued<T extends object>(table: T, exclusive: Exclusive): T {
  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(table)).flatMap((name) => {
    const method: unknown = Reflect.get(table, name);
    return name === "constructor" || typeof method !== "function" ? [] : [{ name, method }];
  });
  return Object.fromEntries(
    methods.map(({ name, method }) => [
      name,
      (...args: unknown[]) => exclusive(() => Promise.resolve(method.apply(table, args))),
    ]),
  ) as T;
}

/**
 * SQLite in DATA_DIR/factdesk.db, one connection. A transaction is the file's write lock (BEGIN
 * IMMEDIATE, waiting up to busy_timeout for another process such as the operator CLI), which
 * covers every scope at once. Since the connection is shared, every call from this process waits
 * its turn behind an open transaction, so none lands inside another's work. Other processes on the
 * file are heard through it (src/store/fileChanges.ts), and the shards of a host also over IPC.
 */
export async function openSqliteStore(dataDir: string, options: StoreOptions): Promise<Store> {
  const db = openDatabase(dataDir);
  const key = feedbackKey(dataDir, options.feedbackSecret);
  const tables: StoreTables = {
    versions: new ReportVersions(db),
    questions: new QuestionLog(db),
    feedback: new FeedbackStore(db, key, options.now),
    audit: new AuditTrail(db),
    settings: new GuildSettingsStore(db),
    pins: new PinStore(db),
  };
  const inTransaction = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive: Exclusive = (work) => {
    if (inTransaction.getStore()) {
      return Promise.reject(
        new Error("factdesk: inside a transaction, use the tables it was handed"),
      );
    }
    const run = tail.then(work);
    tail = run.catch(() => {});
    return run;
  };
  const file = join(dataDir, DATABASE_FILE);
  const changes = fileChanges(db, file, options.changes ?? localChanges(), {
    watch: options.watchOtherProcesses ?? false,
    onError: options.onChangeError ?? ((error) => process.emitWarning(String(error))),
    inTurn: exclusive,
  });
  const store: Store = {
    backend: "sqlite",
    location: file,
    versions: queued(tables.versions, exclusive),
    questions: queued(tables.questions, exclusive),
    feedback: queued(tables.feedback, exclusive),
    audit: queued(tables.audit, exclusive),
    settings: queued(tables.settings, exclusive),
    pins: queued(tables.pins, exclusive),
    changes,
    transaction: (_locks, work, announce) =>
      exclusive(async () => {
        const result = await inTransaction.run(true, async () => {
          db.exec("BEGIN IMMEDIATE");
          try {
            const committed = await work(tables);
            db.exec("COMMIT");
            return committed;
          } catch (error) {
            if (db.inTransaction) db.exec("ROLLBACK");
            throw error;
          }
        });
        // Outside the transaction's context, so listeners that read the store at once may do so.
        if (announce) changes.notifyChange(announce);
        return result;
      }),
    backup: (file) => exclusive(async () => void (await db.backup(file))),
    ping: async () => db.open && db.prepare("SELECT 1").pluck().get() === 1,
    close: () =>
      exclusive(async () => {
        changes.close();
        db.close();
      }),
  };
  await store.feedback.purgeExpired();
  return store;
}
