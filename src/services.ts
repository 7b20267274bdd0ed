import type { PinSource } from "./library/pins.js";
import type { ReportLibrary } from "./library/reportLibrary.js";
import type { SettingsSource } from "./library/settings.js";
import type { Metrics } from "./ops/metrics.js";
import type { ReportIndex, ReportMeta } from "./qa/reportIndex.js";
import type { AnswerStatus } from "./qa/schema.js";

/** The report version a guild currently answers from, without its index: held for every guild. */
export interface ActiveVersion {
  version: number;
  /** "file:data/report.txt", "url:https://…", "upload:name.md" */
  source: string;
  sha256: string;
  loadedAt: Date;
  /** Discord user id of the moderator, or null for the operator / first start. */
  loadedBy: string | null;
  /** Name, version and what the report says of itself: footers, /help, /report status. */
  meta: ReportMeta;
  paragraphs: number;
  facts: number;
}

/** That version with its index, which is built on the first question that needs it. */
export interface ActiveReport extends ActiveVersion {
  index: ReportIndex;
}

/** Read side of the report store, safe on the answer path. */
export interface ReportSource {
  /** Which version a guild answers from: memory only, never waits. */
  activeVersion(guildId: string | null): ActiveVersion;
  /**
   * The same with its index: at once when the index is held (shared by every guild and version
   * with the same bytes), else built off the event loop on this first question.
   */
  active(guildId: string | null): Promise<ActiveReport>;
  /** Whether `active` would answer at once (the index is held), so a reply need not be deferred. */
  isIndexed(guildId: string | null): boolean;
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
