import type { Sql, TransactionSql } from "postgres";
import { type ChangeFeed, type ChangeListener, StoreChange } from "../changes.js";

/** The LISTEN/NOTIFY channel every factdesk process on one database shares. */
export const CHANGE_CHANNEL = "factdesk_changes";

export interface PostgresChangeFeed extends ChangeFeed {
  /** Stop listening; the connection itself belongs to the caller. */
  close(): Promise<void>;
}

/**
 * Changes told to every process on one PostgreSQL database through LISTEN/NOTIFY: a NOTIFY reaches
 * every listening session, on every host, as soon as it is sent. postgres.js keeps the listening
 * connection alive and listens again after a reconnect; what was sent meanwhile is lost, so a
 * reconnect is announced as `all` and each process reloads everything once.
 */
export async function postgresChanges(
  sql: Sql,
  onError: (error: unknown) => void,
): Promise<PostgresChangeFeed> {
  const listeners = new Set<ChangeListener>();
  const tell = (change: StoreChange) => {
    for (const listener of listeners) listener(change);
  };
  let listening = false;
  const subscription = await sql.listen(
    CHANGE_CHANNEL,
    (payload) => {
      const parsed = StoreChange.safeParse(safeJson(payload));
      if (parsed.success) tell(parsed.data);
      else
        onError(new Error(`factdesk: ignored a malformed change notice: ${payload.slice(0, 200)}`));
    },
    () => {
      if (listening) tell({ kind: "all" });
      listening = true;
    },
  );
  return {
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notifyChange(change) {
      const payload = JSON.stringify(StoreChange.parse(change));
      sql.notify(CHANGE_CHANNEL, payload).catch(onError);
    },
    close: () => subscription.unlisten(),
  };
}

/** NOTIFY from inside a transaction: PostgreSQL delivers it when, and only if, that commits. */
export async function announceInTransaction(
  tx: TransactionSql,
  change: StoreChange,
): Promise<void> {
  const payload = JSON.stringify(StoreChange.parse(change));
  await tx`SELECT pg_notify(${CHANGE_CHANNEL}, ${payload})`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
