import type { Database } from "better-sqlite3";
import { z } from "zod";
import type { VersionTable } from "./tables.js";

const isoDate = z.iso.datetime().transform((value) => new Date(value));

/** What a version says of itself; shown in footers, /help and /report status. */
export const VersionMeta = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    date: z.iso.date(),
    url: z.url({ protocol: /^https?$/ }),
  })
  .partial();
export type VersionMeta = z.infer<typeof VersionMeta>;

const metaColumn = z
  .string()
  .transform((raw) => JSON.parse(raw) as unknown)
  .pipe(VersionMeta);

export const StoredVersion = z.object({
  id: z.number().int().positive(),
  /** null: the default report, used by guilds without an upload of their own. */
  guildId: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.string().min(1),
  byteLength: z.number().int().nonnegative(),
  paragraphs: z.number().int().nonnegative(),
  facts: z.number().int().nonnegative(),
  createdBy: z.string().nullable(),
  createdAt: isoDate,
  meta: metaColumn,
});
export type StoredVersion = z.infer<typeof StoredVersion>;

export const ActivePointer = z.object({
  scope: z.string().min(1),
  versionId: z.number().int().positive(),
  activatedBy: z.string().nullable(),
  activatedAt: isoDate,
});
export type ActivePointer = z.infer<typeof ActivePointer>;

export interface NewVersion {
  guildId: string | null;
  sha256: string;
  source: string;
  text: string;
  byteLength: number;
  paragraphs: number;
  facts: number;
  createdBy: string | null;
  createdAt: Date;
  meta: VersionMeta;
}

const VERSION_COLUMNS = `id, guild_id AS guildId, sha256, source, byte_length AS byteLength,
  paragraphs, facts, created_by AS createdBy, created_at AS createdAt, meta`;

/** Report versions and the per-scope pointer to the active one. */
export class ReportVersions implements VersionTable {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly textStatement;
  private readonly guildHistoryStatement;
  private readonly defaultHistoryStatement;
  private readonly pointersStatement;
  private readonly pointerStatement;
  private readonly setPointerStatement;
  private readonly clearPointerStatement;

  constructor(db: Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO report_versions
        (guild_id, sha256, source, text, byte_length, paragraphs, facts, created_by, created_at, meta)
       VALUES (@guildId, @sha256, @source, @text, @byteLength, @paragraphs, @facts, @createdBy,
         @createdAt, @meta)`,
    );
    this.getStatement = db.prepare(`SELECT ${VERSION_COLUMNS} FROM report_versions WHERE id = ?`);
    this.textStatement = db.prepare("SELECT text FROM report_versions WHERE id = ?").pluck();
    this.guildHistoryStatement = db.prepare(
      `SELECT ${VERSION_COLUMNS} FROM report_versions
       WHERE guild_id IS NULL OR guild_id = ? ORDER BY id DESC LIMIT ?`,
    );
    this.defaultHistoryStatement = db.prepare(
      `SELECT ${VERSION_COLUMNS} FROM report_versions
       WHERE guild_id IS NULL ORDER BY id DESC LIMIT ?`,
    );
    this.pointersStatement = db.prepare(
      `SELECT scope, version_id AS versionId, activated_by AS activatedBy, activated_at AS activatedAt
       FROM active_reports`,
    );
    this.pointerStatement = db.prepare(
      `SELECT scope, version_id AS versionId, activated_by AS activatedBy, activated_at AS activatedAt
       FROM active_reports WHERE scope = ?`,
    );
    this.setPointerStatement = db.prepare(
      `INSERT INTO active_reports (scope, version_id, activated_by, activated_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (scope) DO UPDATE SET
         version_id = excluded.version_id,
         activated_by = excluded.activated_by,
         activated_at = excluded.activated_at`,
    );
    this.clearPointerStatement = db.prepare("DELETE FROM active_reports WHERE scope = ?");
  }

  async insert(version: NewVersion): Promise<number> {
    const result = this.insertStatement.run({
      ...version,
      createdAt: version.createdAt.toISOString(),
      meta: JSON.stringify(VersionMeta.parse(version.meta)),
    });
    return Number(result.lastInsertRowid);
  }

  async get(id: number): Promise<StoredVersion | undefined> {
    const row = this.getStatement.get(id);
    return row === undefined ? undefined : StoredVersion.parse(row);
  }

  async text(id: number): Promise<string> {
    return z.string().parse(this.textStatement.get(id));
  }

  async history(guildId: string | null, limit: number): Promise<StoredVersion[]> {
    const rows =
      guildId === null
        ? this.defaultHistoryStatement.all(limit)
        : this.guildHistoryStatement.all(guildId, limit);
    return z.array(StoredVersion).parse(rows);
  }

  async pointers(): Promise<ActivePointer[]> {
    return z.array(ActivePointer).parse(this.pointersStatement.all());
  }

  async pointer(scope: string): Promise<ActivePointer | undefined> {
    const row = this.pointerStatement.get(scope);
    return row === undefined ? undefined : ActivePointer.parse(row);
  }

  async setPointer(
    scope: string,
    versionId: number,
    activatedBy: string | null,
    at: Date,
  ): Promise<void> {
    this.setPointerStatement.run(scope, versionId, activatedBy, at.toISOString());
  }

  async clearPointer(scope: string): Promise<void> {
    this.clearPointerStatement.run(scope);
  }
}
