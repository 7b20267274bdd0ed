import type { Sql } from "postgres";
import { MIGRATIONS, SCHEMA_VERSION } from "../migrations.js";

/** Every host migrates at start; this lock makes the second wait for the first, not race it. */
const MIGRATION_LOCK = 0x66616374;

export class PostgresSchemaTooNewError extends Error {
  constructor(found: number) {
    super(
      `factdesk: the database at DATABASE_URL was written by a newer factdesk (schema version ${found}; this build knows up to ${SCHEMA_VERSION}). Upgrade factdesk on every host.`,
    );
    this.name = "PostgresSchemaTooNewError";
  }
}

/**
 * Bring the database up to SCHEMA_VERSION with the PostgreSQL dialect of the same numbered steps
 * SQLite runs, all in one transaction under an advisory lock: a second host starting at the same
 * moment waits, then finds nothing left to do.
 */
export async function migratePostgres(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`;
    const [row] = await tx<{ version: number }[]>`SELECT version FROM schema_version`;
    const current = row?.version ?? 0;
    if (current > SCHEMA_VERSION) throw new PostgresSchemaTooNewError(current);
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      const step = MIGRATIONS[version - 1]?.postgres;
      if (step === undefined) throw new Error(`factdesk: no migration to version ${version}`);
      await tx.unsafe(step);
    }
    await tx`DELETE FROM schema_version`;
    await tx`INSERT INTO schema_version (version) VALUES (${SCHEMA_VERSION})`;
  });
}
