import { EventEmitter } from "node:events";
import { utimesSync, watch } from "node:fs";
import { basename, dirname } from "node:path";
import type { Database } from "better-sqlite3";
import { z } from "zod";
import { type ChangeFeed, StoreChange } from "./changes.js";

export interface FileChangeFeed extends ChangeFeed {
  close(): void;
}

export interface FileChangeOptions {
  /** Hear other processes' commits (a running bot); the operator CLI only tells. */
  watch: boolean;
  onError(error: unknown): void;
  /**
   * Runs a look at the file on the shared connection in its turn, never inside a transaction of
   * this process (which would show its own uncommitted audit rows).
   */
  inTurn(look: () => Promise<void>): Promise<void>;
}

const AuditRow = z.object({
  id: z.number().int(),
  action: z.string(),
  guildId: z.string().nullable(),
});

/** What an audited action asks other processes to read again; every change is audited. */
function changeOf(action: string, guildId: string | null): StoreChange | null {
  if (action === "pin" || action === "unpin") return guildId ? { kind: "pins", guildId } : null;
  if (action === "config") return guildId ? { kind: "settings", guildId } : null;
  return { kind: "report", guildId };
}

/**
 * Changes committed to one SQLite file by the other processes of this host (the operator CLI,
 * another bot process on the same DATA_DIR), heard through the file system, with no polling:
 * - every change is written to the audit log in its own transaction, so the log says what
 *   changed, and nothing is announced that did not commit;
 * - after committing, a process touches the database file's times (a "doorbell"): the commit's
 *   own write to the -wal file lands before SQLite publishes it in the shared-memory index, so a
 *   reader woken by that write alone can look too early; the doorbell comes after;
 * - a watching process wakes on the doorbell (or on any write to the -wal file, which also
 *   catches writers that ring no bell), reads PRAGMA data_version, which moves only when another
 *   connection committed, and only then reads the audit rows it has not seen.
 * WAL mode already requires every process on a database to share one host (and its memory), so
 * the file watch covers exactly the processes that can share the file. `transport` carries the
 * same changes faster where there is one (the ShardingManager's IPC); duplicates are no-ops.
 */
export function fileChanges(
  db: Database,
  file: string,
  transport: ChangeFeed,
  options: FileChangeOptions,
): FileChangeFeed {
  const heard = new EventEmitter();
  const watcher = options.watch ? watchFile(db, file, heard, options) : null;
  return {
    onChange(listener) {
      const stopTransport = transport.onChange(listener);
      heard.on("change", listener);
      return () => {
        stopTransport();
        heard.off("change", listener);
      };
    },
    notifyChange(change) {
      transport.notifyChange(change);
      try {
        const now = new Date();
        utimesSync(file, now, now);
      } catch (error) {
        options.onError(error);
      }
    },
    close: () => watcher?.close(),
  };
}

function watchFile(
  db: Database,
  file: string,
  heard: EventEmitter,
  { onError, inTurn }: FileChangeOptions,
) {
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  const newestAudit = db.prepare("SELECT coalesce(max(id), 0) FROM audit_log").pluck();
  const auditSince = db.prepare(
    "SELECT id, action, guild_id AS guildId FROM audit_log WHERE id > ? ORDER BY id",
  );
  let seenVersion = dataVersion.get();
  let seenAudit = z.number().parse(newestAudit.get());
  const look = () => {
    const version = dataVersion.get();
    if (version === seenVersion) return;
    seenVersion = version;
    for (const row of z.array(AuditRow).parse(auditSince.all(seenAudit))) {
      seenAudit = row.id;
      const change = changeOf(row.action, row.guildId);
      if (change) heard.emit("change", StoreChange.parse(change));
    }
  };
  const name = basename(file);
  const watcher = watch(dirname(file), { persistent: false }, (_event, changed) => {
    // Some platforms give no file name: look anyway, it is cheap.
    if (changed && changed !== name && changed !== `${name}-wal`) return;
    inTurn(async () => look()).catch(onError);
  });
  watcher.on("error", onError);
  return watcher;
}
