import { describe, expect, it } from "vitest";
import { BoundedMemory, memoryPer } from "../../src/text/memory.js";

describe("BoundedMemory", () => {
  it("makes a key's value once while remembered, null included", () => {
    const memory = new BoundedMemory<string | null>(10);
    let made = 0;
    const make = (key: string) => {
      made++;
      return key === "none" ? null : key.toUpperCase();
    };
    expect(memory.recall("abc", make)).toBe("ABC");
    expect(memory.recall("abc", make)).toBe("ABC");
    expect(memory.recall("none", make)).toBeNull();
    expect(memory.recall("none", make)).toBeNull();
    expect(made).toBe(2);
  });

  it("starts again when full, so it never holds more than its limit", () => {
    const memory = new BoundedMemory<number>(2);
    let made = 0;
    const make = (key: string) => {
      made++;
      return key.length;
    };
    memory.recall("a", make);
    memory.recall("bb", make);
    memory.recall("ccc", make); // full: cleared, then "ccc" kept
    memory.recall("a", make); // forgotten, made again
    memory.recall("ccc", make); // still remembered
    expect(made).toBe(4);
  });
});

describe("memoryPer", () => {
  it("keeps one memory per owner", () => {
    const per = memoryPer<object, number>(10);
    const first = {};
    const second = {};
    expect(per(first)).toBe(per(first));
    expect(per(first)).not.toBe(per(second));
    per(first).recall("k", () => 1);
    expect(per(second).recall("k", () => 2)).toBe(2);
    expect(per(first).recall("k", () => 3)).toBe(1);
  });
});
