import type { Config } from "../config.js";

/**
 * How this process takes part in sharding:
 * - single: one client, one shard (the default);
 * - manager: TOTAL_SHARDS is set, so this process only forks one child per shard and relays between them;
 * - child: forked by a ShardingManager, which passes SHARDS and SHARD_COUNT in the environment
 *   (discord.js's Client reads them itself);
 * - subset: SHARD_IDS of SHARD_COUNT, for one host of several, in this one process.
 */
export type ShardPlan =
  | { kind: "single" }
  | { kind: "manager"; totalShards: number | "auto" }
  | { kind: "child" }
  | { kind: "subset"; shards: number[]; shardCount: number };

export function shardPlan(
  config: Pick<Config, "TOTAL_SHARDS" | "SHARD_IDS" | "SHARD_COUNT">,
  env: NodeJS.ProcessEnv,
): ShardPlan {
  // The manager's children inherit TOTAL_SHARDS too: SHARDING_MANAGER is what tells them apart.
  if (env.SHARDING_MANAGER) return { kind: "child" };
  if (config.TOTAL_SHARDS !== undefined)
    return { kind: "manager", totalShards: config.TOTAL_SHARDS };
  if (config.SHARD_IDS && config.SHARD_COUNT) {
    return { kind: "subset", shards: config.SHARD_IDS, shardCount: config.SHARD_COUNT };
  }
  return { kind: "single" };
}

/** "0", "1,2": the shards a client runs, for log lines and /report status. */
export function shardLabel(ids: readonly number[] | null | undefined): string {
  return ids && ids.length > 0 ? ids.join(",") : "0";
}

/** The shard ids this process runs, known before it connects: for its log lines. */
export function shardIdsOf(plan: ShardPlan, env: NodeJS.ProcessEnv): number[] {
  if (plan.kind === "subset") return plan.shards;
  if (plan.kind === "child") {
    // The manager passes one id ("1") per process; a JSON list ("[0,1]") when it is told to.
    const ids: unknown = JSON.parse(env.SHARDS ?? "0");
    const list: unknown[] = Array.isArray(ids) ? ids : [ids];
    return list.filter((id): id is number => Number.isInteger(id));
  }
  return [0];
}
