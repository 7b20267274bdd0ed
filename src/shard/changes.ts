import { EventEmitter } from "node:events";
import { z } from "zod";
import { type ChangeFeed, StoreChange } from "../store/changes.js";

/**
 * The IPC message the shards of one host exchange through their ShardingManager: a committed
 * StoreChange. Each shard reads what changed from the shared SQLite file, so the message only
 * says where to look.
 */
const ShardMessage = z.object({ factdesk: z.literal("store-changed"), change: StoreChange });
export type ShardMessage = z.infer<typeof ShardMessage>;

export function shardMessage(message: unknown): ShardMessage | null {
  const parsed = ShardMessage.safeParse(message);
  return parsed.success ? parsed.data : null;
}

/**
 * The change seam's transport in a ShardingManager's child: a change is heard here at once and
 * sent to the manager, which relays it to every other shard of the host.
 */
export function shardChanges(): ChangeFeed {
  const emitter = new EventEmitter();
  process.on("message", (message) => {
    const parsed = shardMessage(message);
    if (parsed) emitter.emit("change", parsed.change);
  });
  return {
    onChange(listener) {
      emitter.on("change", listener);
      return () => emitter.off("change", listener);
    },
    notifyChange(change) {
      const checked = StoreChange.parse(change);
      emitter.emit("change", checked);
      process.send?.({ factdesk: "store-changed", change: checked } satisfies ShardMessage);
    },
  };
}
