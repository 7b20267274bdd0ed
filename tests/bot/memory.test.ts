import { describe, expect, it } from "vitest";
import { ChannelActivity } from "../../src/bot/channelActivity.js";
import { ExpiringMap } from "../../src/bot/expiringMap.js";

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("ExpiringMap (a member's previous question, which message answered which)", () => {
  it("forgets an entry once its time is up", () => {
    const time = clock();
    const map = new ExpiringMap<string, string>(10 * 60_000, 100, time.now);
    map.set("channel:alice", "cases");
    time.advance(9 * 60_000);
    expect(map.get("channel:alice")).toBe("cases");
    time.advance(2 * 60_000);
    expect(map.get("channel:alice")).toBeUndefined();
  });

  it("drops the oldest entry when full, and a set renews an entry", () => {
    const time = clock();
    const map = new ExpiringMap<string, number>(60_000, 2, time.now);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 3);
    map.set("c", 4);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([3, undefined, 4]);
  });
});

describe("ChannelActivity", () => {
  it("calls a channel busy once enough messages arrived within the window", () => {
    const time = clock();
    const activity = new ChannelActivity(time.now);
    const rule = { messages: 3, windowMs: 60_000 };
    expect([1, 2, 3].map(() => activity.arrive("c", rule))).toEqual([false, false, false]);
    expect(activity.arrive("c", rule)).toBe(true);
    expect(activity.arrive("other", rule)).toBe(false);
    time.advance(61_000);
    expect(activity.arrive("c", rule)).toBe(false);
    expect(activity.arrive("c", null)).toBe(false);
  });
});
