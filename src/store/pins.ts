import type { Database } from "better-sqlite3";
import { z } from "zod";
import type { PinTable } from "./tables.js";

export const StoredPin = z.object({
  id: z.number().int().positive(),
  guildId: z.string(),
  versionId: z.number().int().positive(),
  question: z.string().min(1),
  paragraph: z.number().int().positive(),
  /** The figure's words as the report writes them ("1,200 suspects"); null pins the paragraph. */
  figure: z.string().nullable(),
  note: z.string().nullable(),
  /** The paragraph as it read when pinned, to notice when a refresh changes it. */
  paragraphText: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime().transform((value) => new Date(value)),
});
export type StoredPin = z.infer<typeof StoredPin>;
export type NewPin = Omit<StoredPin, "id">;

const COLUMNS = `id, guild_id AS guildId, version_id AS versionId, question, paragraph, figure, note,
  paragraph_text AS paragraphText, created_by AS createdBy, created_at AS createdAt`;

/** Pinned answers, each for one server and one report version. */
export class PinStore implements PinTable {
  private readonly insertStatement;
  private readonly forVersionStatement;
  private readonly getStatement;
  private readonly deleteStatement;

  constructor(db: Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO pins (guild_id, version_id, question, paragraph, figure, note, paragraph_text,
         created_by, created_at)
       VALUES (@guildId, @versionId, @question, @paragraph, @figure, @note, @paragraphText,
         @createdBy, @createdAt)`,
    );
    this.forVersionStatement = db.prepare(
      `SELECT ${COLUMNS} FROM pins WHERE version_id = ? ORDER BY id`,
    );
    this.getStatement = db.prepare(`SELECT ${COLUMNS} FROM pins WHERE id = ?`);
    this.deleteStatement = db.prepare("DELETE FROM pins WHERE id = ?");
  }

  async insert(pin: NewPin): Promise<number> {
    const row = { ...pin, createdAt: pin.createdAt.toISOString() };
    return Number(this.insertStatement.run(row).lastInsertRowid);
  }

  async forVersion(versionId: number): Promise<StoredPin[]> {
    return z.array(StoredPin).parse(this.forVersionStatement.all(versionId));
  }

  async get(id: number): Promise<StoredPin | undefined> {
    const row = this.getStatement.get(id);
    return row === undefined ? undefined : StoredPin.parse(row);
  }

  async delete(id: number): Promise<void> {
    this.deleteStatement.run(id);
  }
}
