import type { Database } from "better-sqlite3";
import { z } from "zod";
import { AnswerStatus } from "../qa/schema.js";
import type { QuestionTable } from "./tables.js";

/**
 * What is kept about an asked question. Deliberately no user id, no DM channel id and no
 * mentions: the log is about the report, not about who asked.
 */
export interface LoggedQuestion {
  guildId: string | null;
  channelId: string | null;
  question: string;
  status: AnswerStatus;
  confidence: number;
  askedAt: Date;
}

export const GapCandidate = z.object({
  question: z.string(),
  status: AnswerStatus,
  confidence: z.number().min(0).max(1),
  askedAt: z.iso.datetime().transform((value) => new Date(value)),
});
export type GapCandidate = z.infer<typeof GapCandidate>;

export interface GapQuery {
  /** null: every guild and DMs (the operator's view). */
  guildId: string | null;
  since: Date;
  /** Answers below this confidence count as gaps too. */
  lowConfidence: number;
  /** Newest rows first, at most this many, so grouping stays cheap on a busy log. */
  limit: number;
}

const MAX_STORED_QUESTION = 500;

/** User, role and channel mentions ("<@123…>", "<@!…>", "<@&…>", "<#…>") say who asked or who was named. */
const MENTION = /<(?:@[!&]?|#)\d+>/g;

/** The text as kept: mentions removed, spaces tidied, capped. */
export function storedQuestionText(question: string): string {
  return question.replace(MENTION, " ").replace(/\s+/g, " ").trim().slice(0, MAX_STORED_QUESTION);
}

export class QuestionLog implements QuestionTable {
  private readonly insertMany;
  private readonly allGuildsStatement;
  private readonly oneGuildStatement;
  private readonly deleteBeforeStatement;

  constructor(db: Database) {
    const insert = db.prepare(
      `INSERT INTO question_log (guild_id, channel_id, question, status, confidence, asked_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.insertMany = db.transaction((entries: readonly LoggedQuestion[]) => {
      for (const entry of entries) {
        insert.run(
          entry.guildId,
          // A DM channel belongs to one member: its id would say who asked.
          entry.guildId === null ? null : entry.channelId,
          storedQuestionText(entry.question),
          entry.status,
          entry.confidence,
          entry.askedAt.toISOString(),
        );
      }
    });
    const select = `SELECT question, status, confidence, asked_at AS askedAt FROM question_log
      WHERE asked_at >= @since AND (status = 'not_found' OR confidence < @lowConfidence)`;
    this.allGuildsStatement = db.prepare(`${select} ORDER BY id DESC LIMIT @limit`);
    this.oneGuildStatement = db.prepare(
      `${select} AND guild_id = @guildId ORDER BY id DESC LIMIT @limit`,
    );
    this.deleteBeforeStatement = db.prepare("DELETE FROM question_log WHERE asked_at < ?");
  }

  async deleteBefore(cutoff: Date): Promise<number> {
    return this.deleteBeforeStatement.run(cutoff.toISOString()).changes;
  }

  async record(entries: readonly LoggedQuestion[]): Promise<void> {
    if (entries.length > 0) this.insertMany(entries);
  }

  async gapCandidates(query: GapQuery): Promise<GapCandidate[]> {
    const params = {
      since: query.since.toISOString(),
      lowConfidence: query.lowConfidence,
      limit: query.limit,
    };
    const rows =
      query.guildId === null
        ? this.allGuildsStatement.all(params)
        : this.oneGuildStatement.all({ ...params, guildId: query.guildId });
    return z.array(GapCandidate).parse(rows);
  }
}
