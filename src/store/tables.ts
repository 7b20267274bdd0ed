import type { FeedbackOutcome } from "../services.js";
import type { AuditEntry } from "./audit.js";
import type { DownvotedAnswer, FeedbackTotals, Vote } from "./feedback.js";
import type { SettingsOverrides } from "./guildSettings.js";
import type { NewPin, StoredPin } from "./pins.js";
import type { GapCandidate, GapQuery, LoggedQuestion } from "./questionLog.js";
import type { ActivePointer, NewVersion, StoredVersion } from "./reportVersions.js";

/**
 * Every table factdesk keeps, as one asynchronous interface with two implementations: SQLite
 * (src/store/*.ts, embedded, one host) and PostgreSQL (src/store/postgres/tables.ts, shared by
 * many hosts). Both read their rows back through the same zod schemas.
 */
export interface VersionTable {
  insert(version: NewVersion): Promise<number>;
  get(id: number): Promise<StoredVersion | undefined>;
  text(id: number): Promise<string>;
  /** Newest first: the guild's own versions and the default ones, or only the default ones for null. */
  history(guildId: string | null, limit: number): Promise<StoredVersion[]>;
  pointers(): Promise<ActivePointer[]>;
  /** The version one scope answers from; undefined when a guild follows the default. */
  pointer(scope: string): Promise<ActivePointer | undefined>;
  setPointer(scope: string, versionId: number, activatedBy: string | null, at: Date): Promise<void>;
  clearPointer(scope: string): Promise<void>;
}

export interface QuestionTable {
  record(entries: readonly LoggedQuestion[]): Promise<void>;
  gapCandidates(query: GapQuery): Promise<GapCandidate[]>;
  /** Retention: forget questions asked before `cutoff`. Returns how many were deleted. */
  deleteBefore(cutoff: Date): Promise<number>;
}

export interface FeedbackTable {
  record(vote: Vote, at?: Date): Promise<FeedbackOutcome>;
  totals(guildId: string | null): Promise<FeedbackTotals>;
  /** Answers given a 👎 since `since`, newest first, with their question. null: every guild. */
  downvoted(query: {
    guildId: string | null;
    since: Date;
    limit: number;
  }): Promise<DownvotedAnswer[]>;
  /** Delete voter tokens older than VOTER_TOKEN_DAYS (also done on every vote). */
  purgeExpired(): Promise<number>;
}

export interface AuditTable {
  record(entry: AuditEntry): Promise<void>;
}

export interface SettingsTable {
  all(): Promise<Map<string, SettingsOverrides>>;
  /** One server's overrides; empty when it has set nothing. */
  get(guildId: string): Promise<SettingsOverrides>;
  save(guildId: string, overrides: SettingsOverrides, by: string | null, at: Date): Promise<void>;
}

export interface PinTable {
  insert(pin: NewPin): Promise<number>;
  /** Every server's pins on one version, oldest first. */
  forVersion(versionId: number): Promise<StoredPin[]>;
  get(id: number): Promise<StoredPin | undefined>;
  delete(id: number): Promise<void>;
}

export interface StoreTables {
  versions: VersionTable;
  questions: QuestionTable;
  feedback: FeedbackTable;
  audit: AuditTable;
  settings: SettingsTable;
  pins: PinTable;
}
