import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { estimateIndexBytes, IndexCache } from "../../src/library/indexCache.js";
import { openServices } from "../../src/openServices.js";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import { type ChangeFeed, localChanges } from "../../src/store/changes.js";
import {
  FIXTURE_PATH,
  GUILD_A,
  GUILD_B,
  MODERATOR,
  type OpenServices,
  SEED_PATH,
  silentLogger,
  testConfig,
} from "./harness.js";

const seedText = readFileSync(SEED_PATH, "utf8");
const fixtureText = readFileSync(FIXTURE_PATH, "utf8");
const HARBOUR_PATH = "tests/bot/fixtures/harbour-report.md";

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
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const services of opened.splice(0)) await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Services whose index builds are counted, by the text they were built from. */
  async function counted(overrides: Record<string, string> = {}, changes?: ChangeFeed) {
    const built: string[] = [];
    let heard: (() => void)[] = [];
    const applied = () => new Promise<void>((resolve) => heard.push(resolve));
    const services = await openServices(testConfig(dir, overrides), silentLogger, {
      hooks: {
        applied: () => {
          for (const resolve of heard) resolve();
          heard = [];
        },
      },
      buildIndex: async (text, meta) => {
        built.push(text === seedText ? "seed" : text === fixtureText ? "fixture" : "other");
        return buildReportIndex(text, meta);
      },
      ...(changes ? { changes, watchOtherProcesses: false } : {}),
    });
    opened.push(services);
    return { services, built, applied };
  }

  const upload = (services: OpenServices, guildId: string) =>
    services.library.refresh({
      guildId,
      moderatorId: MODERATOR,
      input: { kind: "file", path: FIXTURE_PATH },
    });

  it("two servers uploading the same bytes share one index, built once, each with its own version", async () => {
    dir = mkdtempSync(join(tmpdir(), "factdesk-cache-"));
    const { services, built } = await counted();
    await upload(services, GUILD_A);
    await upload(services, GUILD_B);
    const a = await services.library.active(GUILD_A);
    const b = await services.library.active(GUILD_B);
    expect(built).toEqual(["seed", "fixture"]);
    expect(a.version).not.toBe(b.version);
    expect(a.index.table).toBe(b.index.table);
    expect([a.index.meta.version, b.index.meta.version]).toEqual([a.version, b.version]);
  });

  it("builds only the default report at start, and a guild's own on its first question", async () => {
    dir = mkdtempSync(join(tmpdir(), "factdesk-cache-"));
    const first = await counted();
    await upload(first.services, GUILD_A);
    await first.services.close();

    const { services, built } = await counted();
    expect(built).toEqual(["seed"]);
    expect(services.reports.isIndexed(GUILD_A)).toBe(false);
    expect(services.reports.activeVersion(GUILD_A).version).toBe(2);
    const [one, two] = await Promise.all([
      services.reports.active(GUILD_A),
      services.reports.active(GUILD_A),
    ]);
    expect(built).toEqual(["seed", "fixture"]);
    expect(one.index.table).toBe(two.index.table);
    expect(services.reports.isIndexed(GUILD_A)).toBe(true);
    await services.reports.active(GUILD_B);
    expect(built).toEqual(["seed", "fixture"]);
  });

  it("evicts the least recently used index beyond INDEX_CACHE_MB, active or not, and builds it again when asked", async () => {
    dir = mkdtempSync(join(tmpdir(), "factdesk-cache-"));
    // Room for either report's index, not for both.
    const seedBytes = estimateIndexBytes(buildReportIndex(seedText, { name: "s", version: 1 }));
    const fixtureBytes = estimateIndexBytes(
      buildReportIndex(fixtureText, { name: "f", version: 2 }),
    );
    const budgetMb = (seedBytes + fixtureBytes / 2) / (1024 * 1024);
    const { services, built } = await counted({ INDEX_CACHE_MB: String(budgetMb) });
    await upload(services, GUILD_A);
    expect(services.reports.isIndexed(GUILD_B)).toBe(false);
    expect((await services.reports.active(GUILD_B)).version).toBe(1);
    expect(services.reports.isIndexed(GUILD_A)).toBe(false);
    expect((await services.reports.active(GUILD_A)).version).toBe(2);
    expect(built).toEqual(["seed", "fixture", "seed", "fixture"]);
  });

  it("a change heard from elsewhere is built at once only for guilds that ask here", async () => {
    dir = mkdtempSync(join(tmpdir(), "factdesk-cache-"));
    const feed = localChanges();
    const writer = await counted({}, feed);
    await upload(writer.services, GUILD_A);
    const reader = await counted({}, feed);
    const uploadAs = async (guildId: string, path: string) => {
      const applied = reader.applied();
      await writer.services.library.refresh({
        guildId,
        moderatorId: MODERATOR,
        input: { kind: "file", path },
      });
      await applied;
    };
    expect(reader.built).toEqual(["seed"]);

    // Nobody asked in GUILD_A here: the new version is taken in at once, its index waits for a question.
    await uploadAs(GUILD_A, HARBOUR_PATH);
    expect(reader.services.reports.activeVersion(GUILD_A).version).toBe(3);
    expect(reader.built).toEqual(["seed"]);

    // A member asked in GUILD_B here (this is the shard that serves it): its upload is built as
    // soon as it is heard, so the next question does not wait for it.
    await reader.services.reports.active(GUILD_B);
    await uploadAs(GUILD_B, FIXTURE_PATH);
    expect(reader.built).toEqual(["seed", "fixture"]);
    expect((await reader.services.reports.active(GUILD_B)).version).toBe(4);
    expect(reader.built).toEqual(["seed", "fixture"]);
  });
});
