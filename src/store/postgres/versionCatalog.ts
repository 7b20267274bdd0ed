import type { Sql, TransactionSql } from "postgres";
import { z } from "zod";
import { ActivePointer, type NewVersion, StoredVersion, VersionMeta } from "../reportVersions.js";
import type { VersionCatalog } from "../versionCatalog.js";

type Connection = Sql | TransactionSql;

const VERSION_COLUMNS = `id, guild_id AS "guildId", sha256, source, byte_length AS "byteLength",
  paragraphs, facts, created_by AS "createdBy", created_at AS "createdAt", meta`;

/**
 * Report versions and the per-scope pointer on PostgreSQL: the same rows as SQLite's
 * ReportVersions, checked by the same zod schemas. Inside `inScope`, `work` gets a catalog bound to
 * the transaction.
 */
export class PostgresVersionCatalog implements VersionCatalog {
  constructor(
    private readonly sql: Sql,
    private readonly db: Connection = sql,
  ) {}

  async insert(version: NewVersion): Promise<number> {
    const [row] = await this.db.unsafe(
      `INSERT INTO report_versions
        (guild_id, sha256, source, text, byte_length, paragraphs, facts, created_by, created_at, meta)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        version.guildId,
        version.sha256,
        version.source,
        version.text,
        version.byteLength,
        version.paragraphs,
        version.facts,
        version.createdBy,
        version.createdAt.toISOString(),
        JSON.stringify(VersionMeta.parse(version.meta)),
      ],
    );
    return z.object({ id: z.number().int().positive() }).parse(row).id;
  }

  async get(id: number): Promise<StoredVersion | undefined> {
    const [row] = await this.db.unsafe(
      `SELECT ${VERSION_COLUMNS} FROM report_versions WHERE id = $1`,
      [id],
    );
    return row === undefined ? undefined : StoredVersion.parse(row);
  }

  async text(id: number): Promise<string> {
    const [row] = await this.db`SELECT text FROM report_versions WHERE id = ${id}`;
    return z.object({ text: z.string() }).parse(row).text;
  }

  /** Newest first: the guild's own versions and the default ones, or only the default ones for null. */
  async history(guildId: string | null, limit: number): Promise<StoredVersion[]> {
    const rows = await this.db.unsafe(
      `SELECT ${VERSION_COLUMNS} FROM report_versions
       WHERE guild_id IS NULL OR guild_id = $1 ORDER BY id DESC LIMIT $2`,
      [guildId, limit],
    );
    return z.array(StoredVersion).parse(rows);
  }

  async pointers(): Promise<ActivePointer[]> {
    const rows = await this
      .db`SELECT scope, version_id AS "versionId", activated_by AS "activatedBy",
      activated_at AS "activatedAt" FROM active_reports`;
    return z.array(ActivePointer).parse(rows);
  }

  async setPointer(
    scope: string,
    versionId: number,
    activatedBy: string | null,
    at: Date,
  ): Promise<void> {
    await this.db`INSERT INTO active_reports (scope, version_id, activated_by, activated_at)
      VALUES (${scope}, ${versionId}, ${activatedBy}, ${at.toISOString()})
      ON CONFLICT (scope) DO UPDATE SET
        version_id = excluded.version_id,
        activated_by = excluded.activated_by,
        activated_at = excluded.activated_at`;
  }

  async clearPointer(scope: string): Promise<void> {
    await this.db`DELETE FROM active_reports WHERE scope = ${scope}`;
  }

  /**
   * One transaction holding the scope's advisory lock: a second change of the same scope, from any
   * host, waits for the first to commit or roll back, then sees its version. The lock goes with the
   * transaction, also when its process dies (the server rolls back a dropped session).
   */
  inScope<T>(scope: string, work: (versions: VersionCatalog) => Promise<T>): Promise<T> {
    return this.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${`factdesk:${scope}`}))`;
      return work(new PostgresVersionCatalog(this.sql, tx));
    }) as Promise<T>;
  }
}
