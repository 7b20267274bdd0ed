import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { IndexCache } from "../../src/library/indexCache.js";
import { openServices } from "../../src/openServices.js";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import { FIXTURE_PATH, GUILD_A, GUILD_B, MODERATOR, silentLogger, testConfig } from "./harness.js";

const tiny = buildReportIndex(
  "Police seized 12 boats in the first week.\n\nThey arrested 40 people in the second.",
  { name: "t.txt", version: 1 },
);
/** Each test index weighs 10 "bytes", so a budget of 25 holds two of them. */
const tenEach = () => 10;

describe("IndexCache", () => {
  it("drops the least recently used beyond its budget, and a use counts as recent", () => {
    const cache = new IndexCache(25, tenEach);
    cache.put("a", tiny);
    cache.put("b", tiny);
    expect(cache.get("a")).toBe(tiny);
    cache.put("c", tiny);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(tiny);
    expect(cache.get("c")).toBe(tiny);
    expect(cache.heldBytes).toBe(20);
  });

  it("never drops an index while it is held, and lets it go once released", () => {
    const cache = new IndexCache(25, tenEach);
    cache.put("a", tiny);
    const release = cache.hold("a");
    cache.put("b", tiny);
    cache.put("c", tiny);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")).toBe(tiny);
    expect(cache.size).toBe(2);
    release();
    release();
    cache.put("d", tiny);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("c")).toBe(tiny);
  });

  it("keeps the first index put for the same bytes, so every user shares one", () => {
    const cache = new IndexCache(1_000, tenEach);
    const other: ReportIndex = { ...tiny };
    expect(cache.put("a", tiny)).toBe(tiny);
    expect(cache.put("a", other)).toBe(tiny);
    expect(cache.size).toBe(1);
  });
});

describe("the library's indexes", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("two servers uploading the same bytes share one index, built once, each with its own version", async () => {
    dir = mkdtempSync(join(tmpdir(), "factdesk-cache-"));
    let builds = 0;
    const services = await openServices(testConfig(dir), silentLogger, {
      buildIndex: async (text, meta) => {
        builds += 1;
        return buildReportIndex(text, meta);
      },
    });
    try {
      const input = { kind: "file", path: FIXTURE_PATH } as const;
      await services.library.refresh({ guildId: GUILD_A, moderatorId: MODERATOR, input });
      await services.library.refresh({ guildId: GUILD_B, moderatorId: MODERATOR, input });
      const a = services.library.active(GUILD_A);
      const b = services.library.active(GUILD_B);
      expect(builds).toBe(2); // the default report, then the upload once
      expect(a.version).not.toBe(b.version);
      expect(a.index.table).toBe(b.index.table);
      expect([a.index.meta.version, b.index.meta.version]).toEqual([a.version, b.version]);
    } finally {
      await services.close();
    }
  });
});
