import { createHmac, randomBytes } from "node:crypto";
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

const KEY_SETTING = "feedback_voter_key";
const HexKey = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * 👍/👎 counts, one vote per user per answer, without storing who voted or how.
 *
 * A voter is remembered only as HMAC(per-database random key, answer id + user id): the same user
 * gets unrelated tokens on different answers, so votes cannot be linked into a profile. How they
 * voted is folded straight into per-scope totals, so not even the token says "up" or "down".
 */
export class FeedbackStore {
  private readonly key: Buffer;
  private readonly castVote;
  private readonly totalsStatement;

  constructor(db: Database) {
    db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)").run(
      KEY_SETTING,
      randomBytes(32).toString("hex"),
    );
    const stored = db.prepare("SELECT value FROM settings WHERE key = ?").pluck().get(KEY_SETTING);
    this.key = Buffer.from(HexKey.parse(stored), "hex");

    const rememberVoter = db.prepare(
      "INSERT OR IGNORE INTO feedback_voters (answer_id, voter) VALUES (?, ?)",
    );
    const addUp = db.prepare(
      `INSERT INTO feedback_totals (scope, up) VALUES (?, 1)
       ON CONFLICT (scope) DO UPDATE SET up = up + 1`,
    );
    const addDown = db.prepare(
      `INSERT INTO feedback_totals (scope, down) VALUES (?, 1)
       ON CONFLICT (scope) DO UPDATE SET down = down + 1`,
    );
    this.castVote = db.transaction((vote: Vote, voter: string): boolean => {
      if (rememberVoter.run(vote.answerId, voter).changes === 0) return false;
      (vote.vote === "up" ? addUp : addDown).run(scopeKey(vote.guildId));
      return true;
    });
    this.totalsStatement = db.prepare("SELECT up, down FROM feedback_totals WHERE scope = ?");
  }

  /** False when this user already voted on this answer. */
  record(vote: Vote): boolean {
    const voter = createHmac("sha256", this.key)
      .update(`${vote.answerId}\u0000${vote.userId}`)
      .digest("base64url");
    return this.castVote(vote, voter);
  }

  totals(guildId: string | null): FeedbackTotals {
    const row = this.totalsStatement.get(scopeKey(guildId));
    return row === undefined ? { up: 0, down: 0 } : FeedbackTotals.parse(row);
  }
}
