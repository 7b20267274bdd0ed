import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../store/tempDir.js";
import { FIXTURE_PATH, GUILD_A, open, testConfig, topFigure } from "./harness.js";

const tempDir = useTempDirs();

function reportCli(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/reportCli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", DISCORD_TOKEN: "" },
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
      /^▶ \*\*v2\*\* .*\n• \*\*v1\*\* file:data\/report\.txt · default/m,
    );

    const empty = join(tempDir(), "empty.txt");
    writeFileSync(empty, "\n\n");
    const refused = reportCli(dataDir, "import", empty, "--guild", GUILD_A);
    expect(refused).toMatchObject({ code: 1, stderr: "factdesk: refused: file is empty\n" });

    const services = await open(testConfig(dataDir));
    expect(
      topFigure(services, GUILD_A, "How many drug cases were cracked in Zhejiang?").value,
    ).toBe(3412);
    services.close();

    const rolledBack = reportCli(dataDir, "rollback", "1", "--guild", GUILD_A);
    expect(rolledBack.stdout).toContain("**Rolled back to version 1**");
    const reopened = await open(testConfig(dataDir));
    expect(reopened.reports.active(GUILD_A).version).toBe(1);
    reopened.close();
  });

  it("explains its usage when the command is wrong", () => {
    const result = reportCli(tempDir(), "rollback", "latest");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the version must be a positive whole number");
    expect(result.stderr).toContain("usage: npm run report");
  });
});
