/** The store the memory bench builds and then measures: its guilds and its configuration. */
import { SEED_PATH } from "./synthetic.js";

export function guildId(g: number): string {
  return String(100_000_000_000_000_000n + BigInt(g));
}

export function benchConfig(dir: string, cacheMb: number) {
  return {
    DATA_DIR: dir,
    DATABASE_URL: undefined,
    FEEDBACK_SECRET: undefined,
    REPORT_PATH: SEED_PATH,
    REPORT_URL: undefined,
    REPORT_MAX_BYTES: 1024 * 1024,
    REPORT_FETCH_TIMEOUT_MS: 5_000,
    REPORT_BUILD_TIMEOUT_MS: 60_000,
    REPORT_BUILD_MEMORY_MB: 512,
    INDEX_CACHE_MB: cacheMb,
  };
}
