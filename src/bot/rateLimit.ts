import type { RateLimit } from "../library/settings.js";

export type PaceVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; firstRefusal: boolean };

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** Set once the member has been told to slow down, so a flood gets one notice. */
  refused: boolean;
}

/** Forget full buckets once this many are held, so one-off askers do not accumulate forever. */
const PRUNE_AT = 1000;

/**
 * A token bucket per member: `burst` questions at once, refilled continuously at `burst` per
 * `windowMs`. Anyone asking at a conversational pace, even quickly, never runs dry. Only a question
 * the bot answers calls `take`, so chatter costs nothing. `firstRefusal` is true once per dry spell.
 */
export class QuestionPace {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, limit: RateLimit): PaceVerdict {
    if (limit.burst <= 0 || limit.windowMs <= 0) return { allowed: true };
    const now = this.now();
    const bucket = this.refilled(key, limit, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refused = false;
      return { allowed: true };
    }
    const firstRefusal = !bucket.refused;
    bucket.refused = true;
    const msPerToken = limit.windowMs / limit.burst;
    return {
      allowed: false,
      retryAfterMs: Math.ceil((1 - bucket.tokens) * msPerToken),
      firstRefusal,
    };
  }

  private refilled(key: string, limit: RateLimit, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= PRUNE_AT) this.prune(limit, now);
      const fresh = { tokens: limit.burst, updatedAt: now, refused: false };
      this.buckets.set(key, fresh);
      return fresh;
    }
    const refill = ((now - bucket.updatedAt) * limit.burst) / limit.windowMs;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + refill);
    bucket.updatedAt = now;
    return bucket;
  }

  private prune(limit: RateLimit, now: number): void {
    for (const [key, bucket] of this.buckets) {
      const full = bucket.tokens + ((now - bucket.updatedAt) * limit.burst) / limit.windowMs;
      if (full >= limit.burst) this.buckets.delete(key);
    }
  }
}

/** One bucket per member per server: /ask, chat questions and menu picks all draw from it. */
export function paceKey(guildId: string | null, userId: string): string {
  return `${guildId ?? "dm"}:${userId}`;
}

export function secondsLeft(verdict: { retryAfterMs: number }): number {
  return Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
}

/** The one wording of the notice, for interactions and chat alike. */
export function slowDownNotice(verdict: { retryAfterMs: number }): string {
  return `You're asking faster than I can keep up with: I'll answer your next question in ${secondsLeft(verdict)} s.`;
}
