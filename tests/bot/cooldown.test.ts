import { describe, expect, it } from "vitest";
import { Cooldown, secondsLeft } from "../../src/bot/cooldown.js";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("Cooldown", () => {
  it("refuses a second action within the window and says how long to wait", () => {
    const time = clock();
    const cooldown = new Cooldown(5_000, time.now);
    expect(cooldown.take("alice")).toEqual({ allowed: true });
    time.advance(1_200);
    const refused = cooldown.take("alice");
    expect(refused).toEqual({ allowed: false, retryAfterMs: 3_800, firstRefusal: true });
    if (!refused.allowed) expect(secondsLeft(refused)).toBe(4);
  });

  it("marks only the first refusal of a window, so one notice is sent and then silence", () => {
    const time = clock();
    const cooldown = new Cooldown(5_000, time.now);
    cooldown.take("alice");
    const verdicts = [cooldown.take("alice"), cooldown.take("alice"), cooldown.take("alice")];
    expect(verdicts.map((v) => !v.allowed && v.firstRefusal)).toEqual([true, false, false]);
  });

  it("does not extend the window on refusals, and allows again once it ends", () => {
    const time = clock();
    const cooldown = new Cooldown(5_000, time.now);
    cooldown.take("alice");
    time.advance(4_000);
    cooldown.take("alice");
    time.advance(1_000);
    expect(cooldown.take("alice")).toEqual({ allowed: true });
    time.advance(1);
    expect(cooldown.take("alice")).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it("keeps users apart", () => {
    const cooldown = new Cooldown(5_000, clock().now);
    cooldown.take("alice");
    expect(cooldown.take("bob")).toEqual({ allowed: true });
  });

  it("is off when the duration is 0", () => {
    const cooldown = new Cooldown(0, clock().now);
    expect([cooldown.take("alice"), cooldown.take("alice")]).toEqual([
      { allowed: true },
      { allowed: true },
    ]);
  });
});
