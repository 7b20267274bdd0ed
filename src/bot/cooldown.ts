export type CooldownVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; firstRefusal: boolean };

interface Window {
  until: number;
  refused: boolean;
}

/** Prune expired windows once the map is this big, so one-off users do not accumulate forever. */
const PRUNE_AT = 1000;

/**
 * Per-key rate limit: one action per `durationMs`. A refusal never extends the window, and
 * `firstRefusal` is true only once per window so callers can send a single polite notice.
 */
export class Cooldown {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly durationMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): CooldownVerdict {
    if (this.durationMs <= 0) return { allowed: true };
    const now = this.now();
    const window = this.windows.get(key);
    if (window && window.until > now) {
      const firstRefusal = !window.refused;
      window.refused = true;
      return { allowed: false, retryAfterMs: window.until - now, firstRefusal };
    }
    if (this.windows.size >= PRUNE_AT) this.prune(now);
    this.windows.set(key, { until: now + this.durationMs, refused: false });
    return { allowed: true };
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.until <= now) this.windows.delete(key);
    }
  }
}

/** One window per user and kind of action: /ask and its suggestion menu share "ask". */
export function cooldownKey(action: string, userId: string): string {
  return `${action}:${userId}`;
}

export function secondsLeft(verdict: { retryAfterMs: number }): number {
  return Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
}
