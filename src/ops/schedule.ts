import type { Logger } from "pino";
import { fetchConditional, type Validators } from "../library/readReport.js";
import type { ReportLibrary } from "../library/reportLibrary.js";
import type { LibraryConfig, VersionChange } from "../library/types.js";
import type { Store } from "../store/index.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScheduledRefresh {
  /** One look at REPORT_URL now; what the timer runs. */
  runOnce(): Promise<VersionChange | null>;
  stop(): void;
}

/**
 * Every `intervalMs`, ask REPORT_URL whether it changed (ETag / Last-Modified), and refresh the
 * default report when it did. A 304, or a body identical to the active version, changes nothing.
 */
export function scheduleRefresh(options: {
  library: ReportLibrary;
  config: LibraryConfig & { REPORT_URL: string };
  intervalMs: number;
  logger: Logger;
  onChange(change: VersionChange): Promise<void>;
}): ScheduledRefresh {
  const { library, config, logger } = options;
  let validators: Validators | null = null;
  let running: Promise<VersionChange | null> | null = null;

  async function look(): Promise<VersionChange | null> {
    const url = config.REPORT_URL;
    const limits = {
      maxBytes: config.REPORT_MAX_BYTES,
      timeoutMs: config.REPORT_FETCH_TIMEOUT_MS,
      failure: "could not fetch URL",
    };
    const fetched = await fetchConditional(url, limits, validators);
    if (fetched.kind === "not-modified") {
      logger.debug({ url }, "scheduled refresh: not modified");
      return null;
    }
    const outcome = await library.refresh({
      guildId: null,
      moderatorId: null,
      input: { kind: "fetched", url, bytes: fetched.bytes },
    });
    // Only remember the validators of a body that was accepted (or already active).
    validators = fetched.validators;
    if (outcome.kind === "unchanged") return null;
    await options.onChange(outcome);
    return outcome;
  }

  const runOnce = () => {
    running ??= look()
      .catch((error: unknown) => {
        logger.warn({ err: error, url: config.REPORT_URL }, "scheduled refresh failed");
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}

/** Delete question-log rows older than `days`, now and then once a day. */
export function scheduleRetention(
  store: Store,
  days: number,
  logger: Logger,
  now: () => Date = () => new Date(),
): { runOnce(): Promise<number>; stop(): void } {
  const runOnce = async () => {
    try {
      const deleted = await store.questions.deleteBefore(new Date(now().getTime() - days * DAY_MS));
      if (deleted > 0) logger.info({ deleted, days }, "old questions deleted from the log");
      return deleted;
    } catch (error) {
      logger.error({ err: error }, "could not apply the question-log retention");
      return 0;
    }
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), DAY_MS);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
