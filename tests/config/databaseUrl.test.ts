import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseStorageConfig } from "../../src/config.js";

const base = { DISCORD_TOKEN: "token", DISCORD_CLIENT_ID: "400000000000000001" };
const secret = "s".repeat(32);

function problems(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("DATABASE_URL", () => {
  it("is unset by default: SQLite in DATA_DIR", () => {
    expect(parseConfig(base).DATABASE_URL).toBeUndefined();
    expect(parseConfig({ ...base, DATABASE_URL: " " }).DATABASE_URL).toBeUndefined();
  });

  it("takes a postgres:// or postgresql:// URL, for the bot and the operator CLI alike", () => {
    const url = "postgres://factdesk:pw@db.example:5432/factdesk";
    expect(parseConfig({ ...base, DATABASE_URL: url, FEEDBACK_SECRET: secret }).DATABASE_URL).toBe(
      url,
    );
    const other = "postgresql://db.example/factdesk";
    expect(parseStorageConfig({ DATABASE_URL: other, FEEDBACK_SECRET: secret }).DATABASE_URL).toBe(
      other,
    );
  });

  it("refuses anything else, saying what it should look like", () => {
    const env = { ...base, DATABASE_URL: "mysql://db/factdesk", FEEDBACK_SECRET: secret };
    expect(problems(() => parseConfig(env))).toEqual([
      "DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database",
    ]);
  });

  it("needs FEEDBACK_SECRET, the same on every host", () => {
    const url = "postgres://db.example/factdesk";
    const [problem] = problems(() => parseStorageConfig({ DATABASE_URL: url }));
    expect(problem).toMatch(/^FEEDBACK_SECRET is required with DATABASE_URL: the same secret/);
    expect(problems(() => parseConfig({ ...base, DATABASE_URL: url }))).toHaveLength(1);
  });
});
