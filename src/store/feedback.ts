import { createHmac } from "node:crypto";
import type { Database } from "better-sqlite3";
import { z } from "zod";
import type { FeedbackOutcome } from "../services.js";
import { storedQuestionText } from "./questionLog.js";
import { scopeKey } from "./scope.js";
import type { FeedbackTable } from "./tables.js";

export interface Vote {
  guildId: string | null;
  answerId: string;
  userId: string;
  vote: "up" | "down";
  /** The question the answer answered; kept with a 👎 only, and never with who voted. */
  question: string | null;
}

export const FeedbackTotals = z.object({
  up: z.number().int().nonnegative(),
  down: z.number().int().nonnegative(),
});
export type FeedbackTotals = z.infer<typeof FeedbackTotals>;

export const DownvotedAnswer = z.object({
  question: z.string(),
  down: z.number().int().positive(),
  votedAt: z.iso.datetime().transform((value) => new Date(value)),
});
export type DownvotedAnswer = z.infer<typeof DownvotedAnswer>;

export const StoredVote = z.enum(["up", "down"]).nullable();

/** How long a voter token is kept: long enough to stop double votes on a fresh answer, no longer. */
export const VOTER_TOKEN_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Tokens cast before this moment have expired. */
export function expiry(now: Date): string {
  return new Date(now.getTime() - VOTER_TOKEN_DAYS * DAY_MS).toISOString();
}

/** Who voted, as only the holder of the key can tell: the same user gets another token per answer. */
export function voterToken(key: Buffer, vote: Pick<Vote, "answerId" | "userId">): string {
  return createHmac("sha256", key)
    .update(`${vote.answerId}\u0000${vote.userId}`)
    .digest("base64url");
}

/** What one vote changes, given the voter's earlier vote on that answer. */
export interface VoteEffect {
  outcome: FeedbackOutcome;
  /** Added to the scope's totals (-1, 0 or 1 each). */
  up: number;
  down: number;
  /** A 👎 counts against the question's text; taking one back uncounts it. */
  downvote: "add" | "drop" | "none";
}

/**
 * The one rule for a vote, used by both backends. `before` is the stored vote: undefined for none,
 * null for one cast before votes were kept (which cannot be changed, only kept).
 */
export function voteEffect(before: "up" | "down" | null | undefined, vote: Vote): VoteEffect {
  if (before === null || before === vote.vote) {
    return { outcome: "unchanged", up: 0, down: 0, downvote: "none" };
  }
  const change = (kind: "up" | "down") => (vote.vote === kind ? 1 : before === kind ? -1 : 0);
  const downvote =
    vote.vote === "down" && vote.question !== null ? "add" : before === "down" ? "drop" : "none";
  return {
    outcome: before === undefined ? "counted" : "changed",
    up: change("up"),
    down: change("down"),
    downvote,
  };
}

/**
 * 👍/👎 counts, one vote per user per answer, which they may change, without storing who voted.
 *
 * A voter is remembered only as HMAC(key, answer id + user id), and the key is kept outside the
 * database (FEEDBACK_SECRET, or DATA_DIR/feedback.key): the same user gets unrelated tokens on
 * different answers, and someone holding only the database and a member list cannot recompute
 * them. The token keeps its vote so that it can be changed, and is deleted after VOTER_TOKEN_DAYS;
 * the totals stay. A 👎 is also counted against the question's text, with mentions removed.
 */
export class FeedbackStore implements FeedbackTable {
  private readonly castVote;
  private readonly purgeStatement;
  private readonly totalsStatement;
  private readonly downvotedAll;
  private readonly downvotedOne;

  constructor(
    db: Database,
    private readonly key: Buffer,
    private readonly now: () => Date = () => new Date(),
  ) {
    const previousVote = db
      .prepare("SELECT vote FROM feedback_voters WHERE answer_id = ? AND voter = ?")
      .pluck();
    const rememberVote = db.prepare(
      `INSERT INTO feedback_voters (answer_id, voter, vote, cast_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (answer_id, voter) DO UPDATE SET vote = excluded.vote`,
    );
    const addTotal = db.prepare(
      `INSERT INTO feedback_totals (scope, up, down) VALUES (@scope, @up, @down)
       ON CONFLICT (scope) DO UPDATE SET up = max(0, up + @up), down = max(0, down + @down)`,
    );
    const addDownvote = db.prepare(
      `INSERT INTO downvoted_answers (answer_id, guild_id, question, down, voted_at)
       VALUES (@answerId, @guildId, @question, 1, @at)
       ON CONFLICT (answer_id) DO UPDATE SET down = down + 1, voted_at = @at`,
    );
    const dropDownvote = db.prepare(
      "UPDATE downvoted_answers SET down = down - 1 WHERE answer_id = ? AND down > 0",
    );
    const clearEmpty = db.prepare("DELETE FROM downvoted_answers WHERE answer_id = ? AND down = 0");

    this.purgeStatement = db.prepare("DELETE FROM feedback_voters WHERE cast_at < ?");
    this.castVote = db.transaction((vote: Vote, voter: string, at: Date): FeedbackOutcome => {
      this.purgeStatement.run(expiry(at));
      const row: unknown = previousVote.get(vote.answerId, voter);
      const effect = voteEffect(row === undefined ? undefined : StoredVote.parse(row), vote);
      if (effect.outcome === "unchanged") return effect.outcome;
      rememberVote.run(vote.answerId, voter, vote.vote, at.toISOString());
      addTotal.run({ scope: scopeKey(vote.guildId), up: effect.up, down: effect.down });
      if (effect.downvote === "add") {
        addDownvote.run({
          answerId: vote.answerId,
          guildId: vote.guildId,
          question: storedQuestionText(vote.question ?? ""),
          at: at.toISOString(),
        });
      } else if (effect.downvote === "drop") {
        dropDownvote.run(vote.answerId);
        clearEmpty.run(vote.answerId);
      }
      return effect.outcome;
    });
    this.totalsStatement = db.prepare("SELECT up, down FROM feedback_totals WHERE scope = ?");
    const select = `SELECT question, down, voted_at AS votedAt FROM downvoted_answers
      WHERE voted_at >= @since`;
    this.downvotedAll = db.prepare(`${select} ORDER BY voted_at DESC LIMIT @limit`);
    this.downvotedOne = db.prepare(
      `${select} AND guild_id = @guildId ORDER BY voted_at DESC LIMIT @limit`,
    );
  }

  /** Delete voter tokens older than VOTER_TOKEN_DAYS (also done on every vote). */
  async purgeExpired(): Promise<number> {
    return this.purgeStatement.run(expiry(this.now())).changes;
  }

  async record(vote: Vote, at: Date = this.now()): Promise<FeedbackOutcome> {
    return this.castVote(vote, voterToken(this.key, vote), at);
  }

  async totals(guildId: string | null): Promise<FeedbackTotals> {
    const row = this.totalsStatement.get(scopeKey(guildId));
    return row === undefined ? { up: 0, down: 0 } : FeedbackTotals.parse(row);
  }

  /** Answers given a 👎 since `since`, newest first, with their question. null: every guild. */
  async downvoted(query: {
    guildId: string | null;
    since: Date;
    limit: number;
  }): Promise<DownvotedAnswer[]> {
    const params = { since: query.since.toISOString(), limit: query.limit };
    const rows =
      query.guildId === null
        ? this.downvotedAll.all(params)
        : this.downvotedOne.all({ ...params, guildId: query.guildId });
    return z.array(DownvotedAnswer).parse(rows);
  }
}
