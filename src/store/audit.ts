import type { Database } from "better-sqlite3";
import type { AuditTable } from "./tables.js";

export type AuditAction = "import" | "refresh" | "upload" | "rollback" | "config" | "pin" | "unpin";

export interface AuditEntry {
  at: Date;
  guildId: string | null;
  /** Discord user id, or null for the operator CLI and first start. */
  moderatorId: string | null;
  action: AuditAction;
  /** The report version acted on; null for a settings change. */
  versionId: number | null;
  detail: string | null;
}

/** Append-only record of every moderator action: report changes, pins and settings. */
export class AuditTrail implements AuditTable {
  private readonly insertStatement;

  constructor(db: Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO audit_log (at, guild_id, moderator_id, action, version_id, detail)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  async record(entry: AuditEntry): Promise<void> {
    this.insertStatement.run(
      entry.at.toISOString(),
      entry.guildId,
      entry.moderatorId,
      entry.action,
      entry.versionId,
      entry.detail,
    );
  }
}
