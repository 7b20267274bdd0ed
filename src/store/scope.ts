/**
 * Report versions are scoped: a guild's own upload, or the default used by every guild without one.
 * Tables keyed by scope store the default as "*" (a guild id is all digits, so they never collide).
 */
export const DEFAULT_SCOPE = "*";

export function scopeKey(guildId: string | null): string {
  return guildId ?? DEFAULT_SCOPE;
}
