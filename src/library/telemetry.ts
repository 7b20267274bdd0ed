import type { Logger } from "pino";
import type { QuestionEvent, Telemetry } from "../services.js";
import type { Store } from "../store/index.js";
import type { LoggedQuestion } from "../store/questionLog.js";

export interface StoreTelemetry extends Telemetry {
  /** Write queued questions now (on shutdown); resolves once they are written. */
  flush(): Promise<void>;
}

/**
 * Questions are queued and written in one transaction on the next turn of the event loop, so a
 * reply never waits on the disk. Feedback is written at once: the caller needs the dedupe answer.
 */
export function createTelemetry(
  store: Store,
  logger: Logger,
  now: () => Date = () => new Date(),
): StoreTelemetry {
  let queue: LoggedQuestion[] = [];
  let scheduled = false;

  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return writing;
    const batch = queue;
    queue = [];
    writing = writing
      .then(() => store.questions.record(batch))
      .catch((error: unknown) => {
        logger.error({ err: error, dropped: batch.length }, "could not write the question log");
      });
    return writing;
  };

  return {
    questionAnswered(event: QuestionEvent) {
      queue.push({ ...event, askedAt: now() });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    },
    feedback: (event) => store.feedback.record(event),
    flush,
  };
}
