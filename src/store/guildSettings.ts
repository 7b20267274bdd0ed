import type { Database } from "better-sqlite3";
import { z } from "zod";

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

const Row = z.object({ guildId: snowflake, overrides: z.string() });

/** One row per server that changed a setting with /config. */
export class GuildSettingsStore {
  private readonly allStatement;
  private readonly upsertStatement;
  private readonly deleteStatement;

  constructor(db: Database) {
    this.allStatement = db.prepare(
      "SELECT guild_id AS guildId, overrides FROM guild_settings ORDER BY guild_id",
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

  all(): Map<string, SettingsOverrides> {
    const rows = z.array(Row).parse(this.allStatement.all());
    return new Map(
      rows.map((row) => [row.guildId, SettingsOverrides.parse(JSON.parse(row.overrides))]),
    );
  }

  save(guildId: string, overrides: SettingsOverrides, by: string | null, at: Date): void {
    const checked = SettingsOverrides.parse(overrides);
    if (Object.keys(checked).length === 0) this.deleteStatement.run(guildId);
    else this.upsertStatement.run(guildId, JSON.stringify(checked), by, at.toISOString());
  }
}
