import { createHmac } from "node:crypto";
import type { Database } from "better-sqlite3";
import { z } from "zod";
import { scopeKey } from "./scope.js";

export interface Vote {
  guildId: string | null;
  answerId: string;
  userId: string;
  vote: "up" | "down";
}

export const FeedbackTotals = z.object({
  up: z.number().int().nonnegative(),
  down: z.number().int().nonnegative(),
});
export type FeedbackTotals = z.infer<typeof FeedbackTotals>;

/** How long a voter token is kept: long enough to stop double votes on a fresh answer, no longer. */
export const VOTER_TOKEN_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 👍/👎 counts, one vote per user per answer, without storing who voted or how.
 *
 * A voter is remembered only as HMAC(key, answer id + user id), and the key is kept outside the
 * database (FEEDBACK_SECRET, or DATA_DIR/feedback.key): the same user gets unrelated tokens on
 * different answers, and someone holding only the database and a member list cannot recompute
 * them. How they voted is folded straight into per-scope totals, so not even the token says "up"
 * or "down". Tokens are deleted after VOTER_TOKEN_DAYS; the totals stay.
 */
export class FeedbackStore {
  private readonly castVote;
  private readonly purgeStatement;
  private readonly totalsStatement;

  constructor(
    db: Database,
    private readonly key: Buffer,
    private readonly now: () => Date = () => new Date(),
  ) {
    const rememberVoter = db.prepare(
      "INSERT OR IGNORE INTO feedback_voters (answer_id, voter, cast_at) VALUES (?, ?, ?)",
    );
    const addUp = db.prepare(
      `INSERT INTO feedback_totals (scope, up) VALUES (?, 1)
       ON CONFLICT (scope) DO UPDATE SET up = up + 1`,
    );
    const addDown = db.prepare(
      `INSERT INTO feedback_totals (scope, down) VALUES (?, 1)
       ON CONFLICT (scope) DO UPDATE SET down = down + 1`,
    );
    this.purgeStatement = db.prepare("DELETE FROM feedback_voters WHERE cast_at < ?");
    this.castVote = db.transaction((vote: Vote, voter: string, at: Date): boolean => {
      this.purgeStatement.run(new Date(at.getTime() - VOTER_TOKEN_DAYS * DAY_MS).toISOString());
      if (rememberVoter.run(vote.answerId, voter, at.toISOString()).changes === 0) return false;
      (vote.vote === "up" ? addUp : addDown).run(scopeKey(vote.guildId));
      return true;
    });
    this.totalsStatement = db.prepare("SELECT up, down FROM feedback_totals WHERE scope = ?");
    this.purgeExpired();
  }

  /** Delete voter tokens older than VOTER_TOKEN_DAYS (also done on every vote). */
  purgeExpired(): number {
    const cutoff = new Date(this.now().getTime() - VOTER_TOKEN_DAYS * DAY_MS);
    return this.purgeStatement.run(cutoff.toISOString()).changes;
  }

  /** False when this user already voted on this answer. */
  record(vote: Vote): boolean {
    const voter = createHmac("sha256", this.key)
      .update(`${vote.answerId}\u0000${vote.userId}`)
      .digest("base64url");
    return this.castVote(vote, voter, this.now());
  }

  totals(guildId: string | null): FeedbackTotals {
    const row = this.totalsStatement.get(scopeKey(guildId));
    return row === undefined ? { up: 0, down: 0 } : FeedbackTotals.parse(row);
  }
}
