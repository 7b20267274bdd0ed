import type { Config } from "../config.js";
import type { FactTableDiff } from "../facts/diff.js";
import type { ActiveVersion } from "../services.js";
import type { AuditAction } from "../store/audit.js";
import type { ChangeFeed, StoreChange } from "../store/changes.js";
import type { FeedbackTotals } from "../store/feedback.js";
import type { StoredPin } from "../store/pins.js";
import type { StoredVersion, VersionMeta } from "../store/reportVersions.js";
import type { IndexBuilder } from "./buildIndex.js";

export type LibraryConfig = Pick<
  Config,
  | "REPORT_PATH"
  | "REPORT_URL"
  | "REPORT_MAX_BYTES"
  | "REPORT_FETCH_TIMEOUT_MS"
  | "REPORT_BUILD_TIMEOUT_MS"
  | "REPORT_BUILD_MEMORY_MB"
> &
  Partial<Pick<Config, "INDEX_CACHE_MB">>;

/** Where the text of a refresh comes from. */
export type ReportInput =
  /** REPORT_URL if set, else REPORT_PATH; becomes the default for guilds without an upload. */
  | { kind: "default" }
  /** A file on the operator's disk (CLI import). */
  | { kind: "file"; path: string }
  /** Bytes the scheduled refresh already fetched from REPORT_URL; becomes the default. */
  | { kind: "fetched"; url: string; bytes: Uint8Array }
  /** A Discord attachment. */
  | { kind: "upload"; name: string; url: string; size: number; contentType: string | null };

export interface RefreshRequest {
  /** The scope to change: a guild id, or null for the default report. */
  guildId: string | null;
  /** Discord user id, or null for the operator. */
  moderatorId: string | null;
  input: ReportInput;
  /** Given by the moderator (/report refresh title: url: date:); wins over what is read. */
  meta?: VersionMeta;
}

export interface RollbackRequest {
  guildId: string | null;
  moderatorId: string | null;
  version: number;
}

export interface VersionChange {
  kind: "changed";
  action: AuditAction;
  guildId: string | null;
  version: StoredVersion;
  previous: ActiveVersion;
  paragraphs: { before: number; after: number };
  facts: { before: number; after: number };
  diff: FactTableDiff;
  /** Pins carried to the new version whose paragraph reads differently now: check them again. */
  changedPins: StoredPin[];
}

export interface AlreadyUpToDate {
  kind: "unchanged";
  version: number;
}

export interface ReportStatus {
  active: ActiveVersion;
  /** True when the guild has no upload of its own and answers from the default report. */
  followsDefault: boolean;
  feedback: FeedbackTotals;
  /** The shard that answered (/report status in a sharded bot); absent from the operator CLI. */
  shard?: { id: number; count: number };
}

export interface HistoryEntry {
  version: StoredVersion;
  active: boolean;
}

/** Test seam: runs after the new index is built and validated, before anything is committed. */
export interface LibraryHooks {
  beforeCommit?(): void;
  /** After a refresh or rollback is committed (for metrics). */
  changed?(action: AuditAction): void;
  /** After a change committed elsewhere (another shard, host or the CLI) is taken in here. */
  applied?(change: StoreChange): void;
}

export interface LibraryOptions {
  hooks?: LibraryHooks;
  /** How indexes are built; a worker thread within the configured budget by default. */
  buildIndex?: IndexBuilder;
  now?: () => Date;
  /** How commits reach the other processes on the same store (IPC between shards, NOTIFY). */
  changes?: ChangeFeed;
  /** Hear commits other processes make to the same SQLite file (a running bot, not the CLI). */
  watchOtherProcesses?: boolean;
}
