import postgres from "postgres";
import { feedbackKey } from "../feedbackKey.js";
import { BackupElsewhereError, type Store, type StoreOptions } from "../index.js";
import { announceInTransaction, postgresChanges } from "./changes.js";
import { migratePostgres } from "./migrations.js";
import { postgresTables } from "./tables.js";

/** host:port/database of a DATABASE_URL, without the user or password, for logs. */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  return `postgres://${parsed.host}${parsed.pathname}`;
}

/**
 * PostgreSQL at DATABASE_URL, shared by every host. A transaction is READ COMMITTED holding one
 * advisory lock per scope it names (pg_advisory_xact_lock, taken in sorted order so two never
 * deadlock), before anything is read: a second change of the same scope from any host waits for
 * the first to commit and then reads what it committed, while other scopes go on in parallel.
 * SERIALIZABLE would get the same safety by aborting one of two refreshes (40001) and retrying it,
 * a loop for every caller and aborts on unrelated rows (the audit log, other guilds' pins); the
 * lock makes the second simply wait. The lock goes with the transaction, also when its process
 * dies: the server rolls back a dropped session and releases what it held.
 */
export async function openPostgresStore(url: string, options: StoreOptions): Promise<Store> {
  const sql = postgres(url, {
    onnotice: () => {},
    connect_timeout: 10,
    // Named in pg_stat_activity, so an operator can tell factdesk's sessions from others.
    connection: { application_name: "factdesk" },
  });
  try {
    await migratePostgres(sql);
    const now = options.now ?? (() => new Date());
    const key = feedbackKey(options.dataDir, options.feedbackSecret);
    const onError = options.onChangeError ?? ((error) => process.emitWarning(String(error)));
    const changes = await postgresChanges(sql, onError);
    const store: Store = {
      backend: "postgres",
      location: describeDatabaseUrl(url),
      ...postgresTables(sql, key, now),
      changes,
      transaction: (locks, work, announce) =>
        sql.begin(async (tx) => {
          for (const lock of [...new Set(locks)].sort()) {
            await tx`SELECT pg_advisory_xact_lock(hashtext(${`factdesk:${lock}`}))`;
          }
          const result = await work(postgresTables(tx, key, now));
          if (announce) await announceInTransaction(tx, announce);
          return result;
        }) as Promise<Awaited<ReturnType<typeof work>>>,
      backup: async () => {
        throw new BackupElsewhereError();
      },
      ping: async () => {
        const [row] = await sql`SELECT 1 AS one`;
        return row?.one === 1;
      },
      close: async () => {
        await changes.close();
        await sql.end({ timeout: 5 });
      },
    };
    await store.feedback.purgeExpired();
    return store;
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
}
