import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { shardIdsOf, shardPlan } from "../../src/shard/plan.js";

const base = { DISCORD_TOKEN: "token", DISCORD_CLIENT_ID: "123456789012345678" };

describe("shard plan", () => {
  it("is one process by default", () => {
    expect(shardPlan(parseConfig(base), {})).toEqual({ kind: "single" });
  });

  it("TOTAL_SHARDS starts a manager; its children, which inherit it, are told apart by SHARDING_MANAGER", () => {
    const config = parseConfig({ ...base, TOTAL_SHARDS: "auto" });
    expect(shardPlan(config, {})).toEqual({ kind: "manager", totalShards: "auto" });
    const child = { SHARDING_MANAGER: "true", SHARDS: "1", SHARD_COUNT: "2" };
    const plan = shardPlan(config, child);
    expect(plan).toEqual({ kind: "child" });
    expect(shardIdsOf(plan, child)).toEqual([1]);
    expect(parseConfig({ ...base, TOTAL_SHARDS: "3" }).TOTAL_SHARDS).toBe(3);
  });

  it("SHARD_IDS takes lists and ranges of SHARD_COUNT", () => {
    const config = parseConfig({ ...base, SHARD_COUNT: "12", SHARD_IDS: "4-7,1" });
    expect(shardPlan(config, {})).toEqual({
      kind: "subset",
      shards: [1, 4, 5, 6, 7],
      shardCount: 12,
    });
  });

  it("refuses a shard outside SHARD_COUNT, SHARD_IDS alone, both ways at once, and junk", () => {
    expect(() => parseConfig({ ...base, SHARD_COUNT: "2", SHARD_IDS: "0-2" })).toThrow(/shard 2/);
    expect(() => parseConfig({ ...base, SHARD_IDS: "0" })).toThrow(/needs SHARD_COUNT/);
    expect(() =>
      parseConfig({ ...base, TOTAL_SHARDS: "2", SHARD_COUNT: "2", SHARD_IDS: "0" }),
    ).toThrow(/set one/);
    expect(() => parseConfig({ ...base, TOTAL_SHARDS: "many" })).toThrow(/auto/);
    expect(() => parseConfig({ ...base, SHARD_COUNT: "4", SHARD_IDS: "3-1" })).toThrow(/0,1/);
  });
});
