import { EventEmitter } from "node:events";
import { z } from "zod";

/**
 * What another process must reload after a commit: a guild's active report (refresh, rollback,
 * import; null is the default report), its pins, or its settings; or all of it, when a transport
 * may have missed changes (its connection was lost and came back).
 */
export const StoreChange = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("report"), guildId: z.string().nullable() }),
  z.object({ kind: z.literal("pins"), guildId: z.string() }),
  z.object({ kind: z.literal("settings"), guildId: z.string() }),
  z.object({ kind: z.literal("all") }),
]);
export type StoreChange = z.infer<typeof StoreChange>;

export type ChangeListener = (change: StoreChange) => void;

/**
 * The one way a committed change reaches every process that shares the store. `notifyChange` is
 * called after the commit; every other process on the same transport hears it (the sender may
 * hear its own too), so a listener must treat a change it already has as a no-op. Transports:
 * in-process (below), the ShardingManager's IPC, PostgreSQL's LISTEN/NOTIFY.
 */
export interface ChangeFeed {
  onChange(listener: ChangeListener): () => void;
  notifyChange(change: StoreChange): void;
}

/** Changes heard only inside this process: one process alone on its SQLite file. */
export function localChanges(): ChangeFeed {
  const emitter = new EventEmitter();
  return {
    onChange(listener) {
      emitter.on("change", listener);
      return () => emitter.off("change", listener);
    },
    notifyChange(change) {
      emitter.emit("change", StoreChange.parse(change));
    },
  };
}
