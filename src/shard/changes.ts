import { z } from "zod";

/**
 * The one IPC message shards of a host exchange: "the store changed, read it again". It carries no
 * data: each shard reads what changed from the shared SQLite file, so a lost or doubled message
 * can never make two shards disagree about what the store says.
 */
const StoreChanged = z.object({ factdesk: z.literal("store-changed") });
const STORE_CHANGED: z.infer<typeof StoreChanged> = { factdesk: "store-changed" };

export function isStoreChanged(message: unknown): boolean {
  return StoreChanged.safeParse(message).success;
}

/** In a ShardingManager's child: tell the manager, which tells every other shard. */
export function announceStoreChanged(): void {
  process.send?.(STORE_CHANGED);
}

/** In a ShardingManager's child: run `reload` whenever another shard changed the store. */
export function onStoreChangedElsewhere(reload: () => void): void {
  process.on("message", (message) => {
    if (isStoreChanged(message)) reload();
  });
}

export { STORE_CHANGED };
