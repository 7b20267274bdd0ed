import type { Sql, TransactionSql } from "postgres";
import { z } from "zod";
import { ActivePointer, type NewVersion, StoredVersion, VersionMeta } from "../reportVersions.js";

type Connection = Sql | TransactionSql;

const VERSION_COLUMNS = `id, guild_id AS "guildId", sha256, source, byte_length AS "byteLength",
  paragraphs, facts, created_by AS "createdBy", created_at AS "createdAt", meta`;

/**
 * Report versions and the per-scope pointer on PostgreSQL: the same rows as SQLite's
 * ReportVersions, checked by the same zod schemas, asynchronous because the server is remote.
 * Pass the transaction's `tx` to take part in it.
 */
export class PostgresReportVersions {
  async insert(db: Connection, version: NewVersion): Promise<number> {
    const [row] = await db.unsafe(
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

  async get(db: Connection, id: number): Promise<StoredVersion | undefined> {
    const [row] = await db.unsafe(`SELECT ${VERSION_COLUMNS} FROM report_versions WHERE id = $1`, [
      id,
    ]);
    return row === undefined ? undefined : StoredVersion.parse(row);
  }

  async text(db: Connection, id: number): Promise<string> {
    const [row] = await db`SELECT text FROM report_versions WHERE id = ${id}`;
    return z.object({ text: z.string() }).parse(row).text;
  }

  /** Newest first: the guild's own versions and the default ones, or only the default ones for null. */
  async history(db: Connection, guildId: string | null, limit: number): Promise<StoredVersion[]> {
    const rows = await db.unsafe(
      `SELECT ${VERSION_COLUMNS} FROM report_versions
       WHERE guild_id IS NULL OR guild_id = $1 ORDER BY id DESC LIMIT $2`,
      [guildId, limit],
    );
    return z.array(StoredVersion).parse(rows);
  }

  async pointers(db: Connection): Promise<ActivePointer[]> {
    const rows = await db`SELECT scope, version_id AS "versionId", activated_by AS "activatedBy",
      activated_at AS "activatedAt" FROM active_reports`;
    return z.array(ActivePointer).parse(rows);
  }

  async setPointer(
    db: Connection,
    scope: string,
    versionId: number,
    activatedBy: string | null,
    at: Date,
  ): Promise<void> {
    await db`INSERT INTO active_reports (scope, version_id, activated_by, activated_at)
      VALUES (${scope}, ${versionId}, ${activatedBy}, ${at.toISOString()})
      ON CONFLICT (scope) DO UPDATE SET
        version_id = excluded.version_id,
        activated_by = excluded.activated_by,
        activated_at = excluded.activated_at`;
  }

  async clearPointer(db: Connection, scope: string): Promise<void> {
    await db`DELETE FROM active_reports WHERE scope = ${scope}`;
  }
}

/**
 * Run `work` in one transaction holding the scope's lock: a second refresh of the same server,
 * from any host, waits for the first to commit or roll back, then sees its version, so two
 * refreshes give two versions in order and never a torn state. The lock goes with the
 * transaction, also when its process dies (the server rolls back a dropped session).
 */
export function inScopeTransaction<T>(
  sql: Sql,
  scope: string,
  work: (tx: TransactionSql) => Promise<T>,
): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext(${`factdesk:${scope}`}))`;
    return work(tx);
  }) as Promise<T>;
}
