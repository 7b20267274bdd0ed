import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { AuditTrail } from "./audit.js";
import { type ChangeFeed, localChanges } from "./changes.js";
import { DATABASE_FILE, openDatabase } from "./db.js";
import { FeedbackStore } from "./feedback.js";
import { feedbackKey } from "./feedbackKey.js";
import { fileChanges } from "./fileChanges.js";
import { GuildSettingsStore } from "./guildSettings.js";
import { PinStore } from "./pins.js";
import { QuestionLog } from "./questionLog.js";
import { ReportVersions } from "./reportVersions.js";

/** Everything factdesk keeps on disk, behind one SQLite connection. */
export interface Store {
  versions: ReportVersions;
  questions: QuestionLog;
  feedback: FeedbackStore;
  audit: AuditTrail;
  settings: GuildSettingsStore;
  pins: PinStore;
  /** Tells every process sharing this store what a commit changed, and hears what theirs did. */
  changes: ChangeFeed;
  /**
   * A consistent copy of the whole database at `file`, taken with SQLite's online backup API:
   * safe while the bot keeps reading and writing (WAL mode), unlike copying the files.
   */
  backup(file: string): Promise<void>;
  /** Run `work` in one transaction: all of its writes land, or none do. */
  transaction<T>(work: () => T): T;
  /** Counter that moves when another connection (e.g. the operator CLI) commits. */
  dataVersion(): number;
  close(): void;
}

export interface StoreOptions {
  /** FEEDBACK_SECRET; without it the key lives in DATA_DIR/feedback.key. */
  feedbackSecret?: string;
  now?: () => Date;
  /** How changes reach the other processes on this store; this process alone by default. */
  changes?: ChangeFeed;
  /**
   * Also hear what other processes commit to this file (the operator CLI): a running bot does,
   * a one-off command does not.
   */
  watchOtherProcesses?: boolean;
  /** Where a failure to hear or announce a change is reported. */
  onChangeError?: (error: unknown) => void;
}

export function openStore(dataDir: string, options: StoreOptions = {}): Store {
  const db: Database = openDatabase(dataDir);
  const key = feedbackKey(dataDir, options.feedbackSecret);
  const changes = fileChanges(db, join(dataDir, DATABASE_FILE), options.changes ?? localChanges(), {
    watch: options.watchOtherProcesses ?? false,
    onError: options.onChangeError ?? ((error) => process.emitWarning(String(error))),
  });
  return {
    versions: new ReportVersions(db),
    questions: new QuestionLog(db),
    feedback: new FeedbackStore(db, key, options.now),
    audit: new AuditTrail(db),
    settings: new GuildSettingsStore(db),
    pins: new PinStore(db),
    changes,
    backup: async (file) => {
      await db.backup(file);
    },
    transaction: (work) => db.transaction(work)(),
    dataVersion: () => Number(db.pragma("data_version", { simple: true })),
    close: () => {
      changes.close();
      db.close();
    },
  };
}
