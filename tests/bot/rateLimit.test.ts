import { describe, expect, it } from "vitest";
import { QuestionPace, secondsLeft } from "../../src/bot/rateLimit.js";

const limit = { burst: 8, windowMs: 60_000 };

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("QuestionPace", () => {
  it("answers a burst of eight at once and refuses the ninth, telling the member once", () => {
    const pace = new QuestionPace(clock().now);
    const verdicts = Array.from({ length: 11 }, () => pace.take("alice", limit));
    expect(verdicts.slice(0, 8).every((v) => v.allowed)).toBe(true);
    expect(verdicts.slice(8)).toEqual([
      expect.objectContaining({ allowed: false, firstRefusal: true }),
      expect.objectContaining({ allowed: false, firstRefusal: false }),
      expect.objectContaining({ allowed: false, firstRefusal: false }),
    ]);
  });

  it("refills continuously: one question every 7.5 s is never refused", () => {
    const time = clock();
    const pace = new QuestionPace(time.now);
    for (let i = 0; i < 8; i++) pace.take("alice", limit);
    for (let i = 0; i < 50; i++) {
      time.advance(7_500);
      expect(pace.take("alice", limit)).toEqual({ allowed: true });
    }
  });

  it("says how long until the next token, and notices again after a fresh refusal", () => {
    const time = clock();
    const pace = new QuestionPace(time.now);
    for (let i = 0; i < 8; i++) pace.take("alice", limit);
    const refused = pace.take("alice", limit);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(secondsLeft(refused)).toBe(8);
    time.advance(7_500);
    expect(pace.take("alice", limit)).toEqual({ allowed: true });
    expect(pace.take("alice", limit)).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it("keeps members apart and can be turned off", () => {
    const pace = new QuestionPace(clock().now);
    for (let i = 0; i < 9; i++) pace.take("alice", limit);
    expect(pace.take("bob", limit)).toEqual({ allowed: true });
    const off = { burst: 0, windowMs: 60_000 };
    expect(Array.from({ length: 20 }, () => pace.take("carol", off).allowed)).not.toContain(false);
  });
});
