import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDatabase } from "../store/readDatabase.js";
import { useTempDirs } from "../store/tempDir.js";
import { type FileServer, startFileServer } from "./fileServer.js";
import {
  FIXTURE_PATH,
  GUILD_A,
  GUILD_B,
  MODERATOR,
  type OpenServices,
  open,
  SEED_PATH,
  testConfig,
  topFigure,
} from "./harness.js";

const tempDir = useTempDirs();
const QUESTION = "How many drug cases were cracked in Zhejiang?";
const MIB = 1024 * 1024;
const fixture = readFileSync(FIXTURE_PATH);
const seed = readFileSync(SEED_PATH, "utf8");

let server: FileServer;
let dataDir: string;
let services: OpenServices;

beforeEach(async () => {
  server = await startFileServer({
    "/zhejiang.txt": fixture,
    "/zhejiang.pdf": fixture,
    "/zhejiang": fixture,
    "/binary.txt": Uint8Array.from([0x46, 0x44, 0x00, 0x01, 0xff, 0x00]),
    "/latin1.txt": Uint8Array.from(Buffer.from("Caf\xe9 seized 12 kg.", "latin1")),
    "/empty.txt": "",
    "/words.md": "# Notes\n\nThe meeting was held.\n\nEveryone attended and spoke at length.\n",
    "/slow.txt": "hang",
  });
  dataDir = tempDir();
  services = await open(testConfig(dataDir));
});

afterEach(async () => {
  await services.close();
  await server.close();
});

function upload(guildId: string, path: string, size = 1000, contentType: string | null = null) {
  return services.library.refresh({
    guildId,
    moderatorId: MODERATOR,
    input: { kind: "upload", name: path.slice(1), url: server.url(path), size, contentType },
  });
}

describe("first start", () => {
  it("imports REPORT_PATH as version 1, the default for every guild", async () => {
    const active = await services.reports.active(GUILD_A);
    expect(active).toMatchObject({ version: 1, source: `file:${SEED_PATH}`, loadedBy: null });
    expect(active.index.meta.version).toBe(1);
    expect(services.reports.activeVersion(null).version).toBe(1);
    expect((await services.library.history(GUILD_A)).map((entry) => entry.version.id)).toEqual([1]);
  });
});

describe("refresh with an uploaded file", () => {
  it("changes that guild's answers, reports the diff, and leaves other guilds alone", async () => {
    const before = await topFigure(services, GUILD_B, QUESTION);
    const outcome = await upload(GUILD_A, "/zhejiang.txt");
    if (outcome.kind !== "changed") throw new Error("expected a new version");

    expect(outcome.version).toMatchObject({
      id: 2,
      guildId: GUILD_A,
      source: "upload:zhejiang.txt",
    });
    const newIndex = (await services.reports.active(GUILD_A)).index;
    const oldIndex = (await services.reports.active(GUILD_B)).index;
    expect(outcome.paragraphs).toEqual({
      before: oldIndex.report.paragraphs.length,
      after: newIndex.report.paragraphs.length,
    });
    expect(outcome.facts).toEqual({
      before: oldIndex.table.facts.length,
      after: newIndex.table.facts.length,
    });
    expect(outcome.diff.added.map((fact) => [fact.value, fact.paragraph])).toContainEqual([
      3412, 1,
    ]);
    expect(outcome.diff.removed.map((fact) => [fact.value, fact.paragraph])).toContainEqual([
      8657, 1,
    ]);

    expect(await topFigure(services, GUILD_A, QUESTION)).toEqual({
      status: "answered",
      value: 3412,
      paragraph: 1,
    });
    expect(await topFigure(services, GUILD_B, QUESTION)).toEqual(before);
    const meta = (await services.reports.active(GUILD_A)).index.meta;
    expect(meta).toMatchObject({ name: "zhejiang.txt", version: 2 });
    // The dateline opens with a city, so it gives the date but no publisher.
    expect(meta.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.publisher).toBeUndefined();
  });

  it("accepts a plain-text upload saved without an extension", async () => {
    const outcome = await upload(GUILD_A, "/zhejiang", 1000, "text/plain; charset=utf-8");
    expect(outcome).toMatchObject({ kind: "changed", version: { source: "upload:zhejiang" } });
  });

  it("says 'already up to date' for identical content and makes no version", async () => {
    await upload(GUILD_A, "/zhejiang.txt");
    expect(await upload(GUILD_A, "/zhejiang.txt")).toEqual({ kind: "unchanged", version: 2 });
    expect(await services.library.history(GUILD_A)).toHaveLength(2);
  });
});

describe("refresh of the default report", () => {
  it("reports a corrected figure as changed and reaches guilds without an upload", async () => {
    await upload(GUILD_A, "/zhejiang.txt");
    const corrected = join(tempDir(), "corrected.txt");
    writeFileSync(corrected, seed.replaceAll("8,657", "8,765"));

    const outcome = await services.library.refresh({
      guildId: null,
      moderatorId: null,
      input: { kind: "file", path: corrected },
    });
    if (outcome.kind !== "changed") throw new Error("expected a new version");
    expect(outcome.diff.added).toEqual([]);
    expect(outcome.diff.removed).toEqual([]);
    expect(
      outcome.diff.changed.map(({ before, after }) => [before.value, after.value, after.paragraph]),
    ).toEqual([
      [8657, 8765, 1],
      [8657, 8765, 4],
    ]);
    expect(services.reports.activeVersion(GUILD_B).version).toBe(3);
    expect(
      (await topFigure(services, GUILD_B, "How many drug crime cases were cracked?")).value,
    ).toBe(8765);
    expect(services.reports.activeVersion(GUILD_A).version).toBe(2);
  });

  it("fetches REPORT_URL when it is set", async () => {
    await services.close();
    services = await open(testConfig(dataDir, { REPORT_URL: server.url("/zhejiang.txt") }));
    const outcome = await services.library.refresh({
      guildId: null,
      moderatorId: MODERATOR,
      input: { kind: "default" },
    });
    expect(outcome).toMatchObject({
      kind: "changed",
      version: { id: 2, source: `url:${server.url("/zhejiang.txt")}` },
    });
    expect((await topFigure(services, GUILD_B, QUESTION)).value).toBe(3412);
  });
});

describe("refused refreshes leave the active report exactly as it was", () => {
  async function expectRefused(attempt: () => Promise<unknown>, reason: string) {
    const before = services.reports.activeVersion(GUILD_A);
    const answerBefore = await topFigure(services, GUILD_A, QUESTION);
    await expect(attempt()).rejects.toMatchObject({ reason });
    expect(services.reports.activeVersion(GUILD_A)).toBe(before);
    expect(await topFigure(services, GUILD_A, QUESTION)).toEqual(answerBefore);
    expect(await services.library.history(GUILD_A)).toHaveLength(1);
  }

  it("a binary file", () =>
    expectRefused(() => upload(GUILD_A, "/binary.txt"), "looks like a binary file, not text"));
  it("text that is not UTF-8", () =>
    expectRefused(() => upload(GUILD_A, "/latin1.txt"), "not UTF-8 text"));
  it("an empty file", () => expectRefused(() => upload(GUILD_A, "/empty.txt"), "file is empty"));
  it("a file without figures", () =>
    expectRefused(() => upload(GUILD_A, "/words.md"), "no figures found"));
  it("a file of the wrong type, whatever its content type says", () =>
    expectRefused(
      () => upload(GUILD_A, "/zhejiang.pdf", 1000, "text/plain"),
      "only .txt and .md files can be used as a report",
    ));
  it("an upload over the size limit, refused before downloading", () =>
    expectRefused(
      () => upload(GUILD_A, "/zhejiang.txt", Math.round(3.2 * MIB)),
      "file is 3.2 MiB; the limit is 1 MiB",
    ));

  it("a report file over the size limit", async () => {
    const big = join(tempDir(), "big.txt");
    writeFileSync(
      big,
      `${seed}\n\n`.repeat(Math.ceil((3.2 * MIB) / seed.length)).slice(0, 3.2 * MIB),
    );
    await expectRefused(
      () =>
        services.library.refresh({
          guildId: GUILD_A,
          moderatorId: null,
          input: { kind: "file", path: big },
        }),
      "file is 3.2 MiB; the limit is 1 MiB",
    );
  });

  it("a download that grows past the limit without announcing its size", async () => {
    await services.close();
    services = await open(testConfig(dataDir, { REPORT_MAX_BYTES: "100" }));
    await expectRefused(
      () => upload(GUILD_A, "/zhejiang.txt", 50),
      "file is over 100 bytes; the limit is 100 bytes",
    );
  });

  it("a URL that never answers", async () => {
    await services.close();
    services = await open(
      testConfig(dataDir, { REPORT_URL: server.url("/slow.txt"), REPORT_FETCH_TIMEOUT_MS: "300" }),
    );
    await expectRefused(
      () =>
        services.library.refresh({
          guildId: null,
          moderatorId: MODERATOR,
          input: { kind: "default" },
        }),
      "could not fetch URL: timeout",
    );
  });
});

describe("rollback", () => {
  it("brings the old answers back, within the guild's scope", async () => {
    const original = await topFigure(services, GUILD_A, QUESTION);
    await upload(GUILD_A, "/zhejiang.txt");
    expect((await topFigure(services, GUILD_A, QUESTION)).value).toBe(3412);

    const change = await services.library.rollback({
      guildId: GUILD_A,
      moderatorId: MODERATOR,
      version: 1,
    });
    expect(change).toMatchObject({
      action: "rollback",
      version: { id: 1 },
      previous: { version: 2 },
    });
    expect(await topFigure(services, GUILD_A, QUESTION)).toEqual(original);
    expect((await services.library.status(GUILD_A)).followsDefault).toBe(true);

    await services.library.rollback({ guildId: GUILD_A, moderatorId: MODERATOR, version: 2 });
    expect((await topFigure(services, GUILD_A, QUESTION)).value).toBe(3412);
  });

  it("refuses another guild's upload, an unknown version and the active one", async () => {
    await upload(GUILD_A, "/zhejiang.txt");
    const attempt = (guildId: string, version: number) =>
      services.library.rollback({ guildId, moderatorId: MODERATOR, version });
    await expect(attempt(GUILD_B, 2)).rejects.toThrow("version 2 is not in this server's history");
    await expect(attempt(GUILD_B, 9)).rejects.toThrow("version 9 does not exist");
    await expect(attempt(GUILD_A, 2)).rejects.toThrow("version 2 is already active");
    expect(services.reports.activeVersion(GUILD_B).version).toBe(1);
  });
});

describe("restart", () => {
  it("keeps every guild's active version and the history", async () => {
    await upload(GUILD_A, "/zhejiang.txt");
    await upload(GUILD_B, "/zhejiang.txt");
    await services.library.rollback({ guildId: GUILD_B, moderatorId: MODERATOR, version: 1 });
    const history = await services.library.history(GUILD_A);
    await services.close();

    services = await open(testConfig(dataDir));
    expect(services.reports.activeVersion(GUILD_A)).toMatchObject({
      version: 2,
      loadedBy: MODERATOR,
    });
    expect(services.reports.activeVersion(GUILD_B).version).toBe(1);
    expect((await topFigure(services, GUILD_A, QUESTION)).value).toBe(3412);
    expect(await services.library.history(GUILD_A)).toEqual(history);
  });
});

describe("audit trail", () => {
  it("records and logs who changed what, in which guild, to which version", async () => {
    await services.close();
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: "info" },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    services = await open(testConfig(dataDir), logger);
    await upload(GUILD_A, "/zhejiang.txt");
    await services.library.rollback({ guildId: GUILD_A, moderatorId: MODERATOR, version: 1 });
    await services.close();

    const rows = readDatabase(dataDir, (db) =>
      db
        .prepare("SELECT guild_id, moderator_id, action, version_id FROM audit_log ORDER BY id")
        .raw()
        .all(),
    );
    expect(rows).toEqual([
      [null, null, "import", 1],
      [GUILD_A, MODERATOR, "upload", 2],
      [GUILD_A, MODERATOR, "rollback", 1],
    ]);
    const changes = lines.filter((line) => line.msg === "report changed");
    expect(changes).toMatchObject([
      { guildId: GUILD_A, moderatorId: MODERATOR, action: "upload", version: 2 },
      { guildId: GUILD_A, moderatorId: MODERATOR, action: "rollback", version: 1 },
    ]);
    services = await open(testConfig(dataDir));
  });
});

describe("gaps", () => {
  it("lists repeated unanswered questions with their counts", async () => {
    const ask = async (guildId: string, question: string) => {
      const reply = await topFigure(services, guildId, question);
      services.telemetry.questionAnswered({
        guildId,
        channelId: "500000000000000001",
        question,
        status: reply.status,
        confidence: reply.status === "answered" ? 1 : 0,
      });
    };
    await ask(GUILD_A, "How many drugs were seized in Tibet?");
    await ask(GUILD_A, "Drugs seized in Tibbet?");
    await ask(GUILD_A, "how many drugs were seized in tibet");
    await ask(GUILD_A, "How many fentanyl pills were seized in Ohio?");
    await ask(GUILD_A, "How many fentanyl pills seized in Ohio");
    await ask(GUILD_A, "How many drug crime cases were cracked?");
    await ask(GUILD_B, "How many drugs were seized in Tibet?");
    await new Promise((resolve) => setImmediate(resolve));

    const gaps = await services.library.gaps(GUILD_A, 7);
    expect(gaps.map(({ question, count }) => ({ question, count }))).toEqual([
      { question: "how many drugs were seized in tibet", count: 3 },
      { question: "How many fentanyl pills seized in Ohio", count: 2 },
    ]);
    expect((await services.library.gaps(null, 7))[0]?.count).toBe(4);
  });
});

describe("changes made by another process", () => {
  it("are picked up by a running instance", async () => {
    const operator = await open(testConfig(dataDir));
    await operator.library.refresh({
      guildId: GUILD_A,
      moderatorId: null,
      input: { kind: "file", path: FIXTURE_PATH },
    });
    await operator.close();
    expect(services.reports.activeVersion(GUILD_A).version).toBe(1);
    await services.library.applyChange({ kind: "report", guildId: GUILD_A });
    expect(services.reports.activeVersion(GUILD_A).version).toBe(2);
    expect((await topFigure(services, GUILD_A, QUESTION)).value).toBe(3412);
  });
});
