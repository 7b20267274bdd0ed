import type { PinSource } from "./library/pins.js";
import type { ReportLibrary } from "./library/reportLibrary.js";
import type { SettingsSource } from "./library/settings.js";
import type { Metrics } from "./ops/metrics.js";
import type { ReportIndex } from "./qa/reportIndex.js";
import type { AnswerStatus } from "./qa/schema.js";

/** The report version a guild currently answers from. */
export interface ActiveReport {
  index: ReportIndex;
  version: number;
  /** "file:data/report.txt", "url:https://…", "upload:name.md" */
  source: string;
  sha256: string;
  loadedAt: Date;
  /** Discord user id of the moderator, or null for the operator / first start. */
  loadedBy: string | null;
}

/** Read side of the report store: memory only, safe on the answer path. */
export interface ReportSource {
  active(guildId: string | null): ActiveReport;
}

export interface QuestionEvent {
  guildId: string | null;
  channelId: string | null;
  question: string;
  status: AnswerStatus;
  confidence: number;
}

export interface FeedbackEvent {
  guildId: string | null;
  /** Identifies the answer message, e.g. the interaction or message id that produced it. */
  answerId: string;
  /** Only used to count one vote per user per answer; implementations must not store it in clear. */
  userId: string;
  vote: "up" | "down";
  /** The question the answer answered, so /report gaps can show down-voted answers; null if unknown. */
  question: string | null;
}

/** A member's vote on an answer: new, changed from 👍 to 👎 (or back), or the same again. */
export type FeedbackOutcome = "counted" | "changed" | "unchanged";

/** Fire-and-forget recording, kept off the reply path. */
export interface Telemetry {
  questionAnswered(event: QuestionEvent): void;
  feedback(event: FeedbackEvent): Promise<FeedbackOutcome>;
}

export interface Services {
  reports: ReportSource;
  telemetry: Telemetry;
  /** Per-server settings; the environment's defaults (environmentSettings) when absent. */
  settings?: SettingsSource;
  /** Answers moderators pinned; consulted before the engine. */
  pins?: PinSource;
  /** Prometheus counters; absent in tests that do not look at them. */
  metrics?: Metrics;
  /** Refresh, rollback, history and gaps, for /report; absent when nothing is persisted. */
  library?: ReportLibrary;
  /** Write what is queued and close the database (on shutdown). */
  close?(): Promise<void>;
}
