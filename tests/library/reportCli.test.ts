import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../store/tempDir.js";
import { FIXTURE_PATH, GUILD_A, open, testConfig, topFigure } from "./harness.js";

const tempDir = useTempDirs();

function reportCli(dataDir: string, ...args: string[]) {
  return reportCliWith({ DATA_DIR: dataDir }, ...args);
}

function reportCliWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/reportCli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent", DISCORD_TOKEN: "", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run report", () => {
  it("imports, lists, rolls back and refuses through the same library as /report", async () => {
    const dataDir = tempDir();
    const imported = reportCli(dataDir, "import", FIXTURE_PATH, "--guild", GUILD_A);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`**Updated to version 2** (file:${FIXTURE_PATH})`);
    expect(imported.stdout).toMatch(/^• ¶1 3,412 drug criminal cases · crack · Zhejiang$/m);

    const history = reportCli(dataDir, "history", "--guild", GUILD_A);
    expect(history.stdout).toMatch(
      /^▶ \*\*v2\*\* · .*\n.*\n• \*\*v1\*\* · .* by the operator\n(?:.* · )?file:data\/report\.txt · default/m,
    );

    const empty = join(tempDir(), "empty.txt");
    writeFileSync(empty, "\n\n");
    const refused = reportCli(dataDir, "import", empty, "--guild", GUILD_A);
    expect(refused).toMatchObject({ code: 1, stderr: "factdesk: refused: file is empty\n" });

    const services = await open(testConfig(dataDir));
    expect(
      (await topFigure(services, GUILD_A, "How many drug cases were cracked in Zhejiang?")).value,
    ).toBe(3412);
    await services.close();

    const rolledBack = reportCli(dataDir, "rollback", "1", "--guild", GUILD_A);
    expect(rolledBack.stdout).toContain("**Rolled back to version 1**");
    const reopened = await open(testConfig(dataDir));
    expect(reopened.reports.activeVersion(GUILD_A).version).toBe(1);
    await reopened.close();
  });

  it("explains its usage when the command is wrong", () => {
    const result = reportCli(tempDir(), "rollback", "latest");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the version must be a positive whole number");
    expect(result.stderr).toContain("usage: npm run report");
  });

  it("backs up a database that a running bot holds open, consistently, and never over a file", async () => {
    const dataDir = tempDir();
    const services = await open(testConfig(dataDir));
    try {
      const imported = reportCli(dataDir, "import", FIXTURE_PATH, "--title", "Winter campaign");
      expect(imported.stdout).toContain("Winter campaign");
      // The bot's connection keeps writing while the copy is taken.
      services.telemetry.questionAnswered({
        guildId: null,
        channelId: null,
        question: "asked during the backup",
        status: "not_found",
        confidence: 0,
      });
      const file = join(tempDir(), "copy.db");
      const backup = reportCli(dataDir, "backup", file);
      expect(backup).toMatchObject({ code: 0, stdout: `Backed up the database to ${file}.\n` });

      const copy = new BetterSqlite3(file, { readonly: true });
      const metas = copy
        .prepare("SELECT meta FROM report_versions ORDER BY id")
        .pluck()
        .all()
        .map((meta) => JSON.parse(String(meta)));
      expect(metas).toHaveLength(2);
      expect(metas[1]).toMatchObject({ title: "Winter campaign" });
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      await copy.close();

      expect(reportCli(dataDir, "backup", file)).toMatchObject({ code: 2 });
    } finally {
      await services.close();
    }
  });

  it("points to pg_dump, in one line, for a backup of a PostgreSQL store", () => {
    const backup = join(tempDir(), "backup.db");
    const result = reportCliWith(
      {
        DATA_DIR: tempDir(),
        // Nothing listens there: the answer comes before any connection is tried.
        DATABASE_URL: "postgres://factdesk:secret@127.0.0.1:9/factdesk",
        FEEDBACK_SECRET: "f".repeat(32),
      },
      "backup",
      backup,
    );
    expect(result).toMatchObject({
      code: 1,
      stderr:
        'factdesk: the store is PostgreSQL (DATABASE_URL); back it up with pg_dump --format=custom --file=FILE "$DATABASE_URL"\n',
    });
  });
});
