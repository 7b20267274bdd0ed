import { spawn } from "node:child_process";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../src/store/db.js";
import { useTempDirs } from "../store/tempDir.js";
import { FIXTURE_PATH, GUILD_A, open, testConfig, topFigure } from "./harness.js";

const tempDir = useTempDirs();
const QUESTION = "How many drug cases were cracked in Zhejiang?";

/** Run a refresh in a child process and SIGKILL it once it reports it is frozen at `point`. */
async function killRefreshAt(dataDir: string, point: "before-commit" | "mid-transaction") {
  const script = join("tests", "library", "crashDuringRefresh.ts");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, dataDir, GUILD_A, FIXTURE_PATH, point],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  let output = "";
  for await (const chunk of child.stdout) {
    output += String(chunk);
    if (output.includes("frozen")) break;
  }
  expect(output).toContain("frozen");
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

describe("a crash in the middle of a refresh", () => {
  for (const point of ["before-commit", "mid-transaction"] as const) {
    it(`(${point}) leaves a consistent database with the old version active`, async () => {
      const dataDir = tempDir();
      const first = await open(testConfig(dataDir));
      const before = await topFigure(first, GUILD_A, QUESTION);
      await first.close();

      await killRefreshAt(dataDir, point);

      const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.prepare("SELECT id FROM report_versions").pluck().all()).toEqual([1]);
      expect(db.prepare("SELECT count(*) FROM audit_log").pluck().get()).toBe(1);
      db.close();

      const restarted = await open(testConfig(dataDir));
      expect(restarted.reports.activeVersion(GUILD_A).version).toBe(1);
      expect(await topFigure(restarted, GUILD_A, QUESTION)).toEqual(before);
      const retry = await restarted.library.refresh({
        guildId: GUILD_A,
        moderatorId: null,
        input: { kind: "file", path: FIXTURE_PATH },
      });
      expect(retry).toMatchObject({ kind: "changed", version: { id: 2 } });
      await restarted.close();
    });
  }
});
