import type { Database } from "better-sqlite3";
import { z } from "zod";
import type { SettingsTable } from "./tables.js";

const snowflake = z.string().regex(/^\d{15,22}$/);

/** What a server has set for itself; anything absent falls back to the environment. */
export const SettingsOverrides = z
  .object({
    askChannelIds: z.array(snowflake),
    moderatorRoleIds: z.array(snowflake),
    rateLimit: z.object({
      burst: z.number().int().nonnegative(),
      windowMs: z.number().int().positive(),
    }),
    modLogChannelId: snowflake.nullable(),
    chat: z.boolean(),
  })
  .partial()
  .strict();
export type SettingsOverrides = z.infer<typeof SettingsOverrides>;

export const SettingsRow = z.object({ guildId: snowflake, overrides: z.string() });

/** Stored rows as a map of each server's overrides, each checked. */
export function overridesByGuild(rows: unknown): Map<string, SettingsOverrides> {
  return new Map(
    z
      .array(SettingsRow)
      .parse(rows)
      .map((row) => [row.guildId, SettingsOverrides.parse(JSON.parse(row.overrides))]),
  );
}

/** One row per server that changed a setting with /config. */
export class GuildSettingsStore implements SettingsTable {
  private readonly allStatement;
  private readonly getStatement;
  private readonly upsertStatement;
  private readonly deleteStatement;

  constructor(db: Database) {
    this.allStatement = db.prepare(
      "SELECT guild_id AS guildId, overrides FROM guild_settings ORDER BY guild_id",
    );
    this.getStatement = db.prepare(
      "SELECT guild_id AS guildId, overrides FROM guild_settings WHERE guild_id = ?",
    );
    this.upsertStatement = db.prepare(
      `INSERT INTO guild_settings (guild_id, overrides, updated_by, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (guild_id) DO UPDATE SET
         overrides = excluded.overrides,
         updated_by = excluded.updated_by,
         updated_at = excluded.updated_at`,
    );
    this.deleteStatement = db.prepare("DELETE FROM guild_settings WHERE guild_id = ?");
  }

  async all(): Promise<Map<string, SettingsOverrides>> {
    return overridesByGuild(this.allStatement.all());
  }

  async get(guildId: string): Promise<SettingsOverrides> {
    return overridesByGuild(this.getStatement.all(guildId)).get(guildId) ?? {};
  }

  async save(
    guildId: string,
    overrides: SettingsOverrides,
    by: string | null,
    at: Date,
  ): Promise<void> {
    const checked = SettingsOverrides.parse(overrides);
    if (Object.keys(checked).length === 0) this.deleteStatement.run(guildId);
    else this.upsertStatement.run(guildId, JSON.stringify(checked), by, at.toISOString());
  }
}
