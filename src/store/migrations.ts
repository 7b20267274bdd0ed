import type { Database } from "better-sqlite3";

/**
 * Schema history, oldest first. A migration is never edited once released: add a new one.
 * The schema version lives in `PRAGMA user_version`, so it survives without a table of its own.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE report_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id TEXT,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    byte_length INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL,
    facts INTEGER NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX report_versions_by_guild ON report_versions (guild_id, id);

  CREATE TABLE active_reports (
    scope TEXT PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES report_versions (id),
    activated_by TEXT,
    activated_at TEXT NOT NULL
  );

  CREATE TABLE question_log (
    id INTEGER PRIMARY KEY,
    guild_id TEXT,
    channel_id TEXT,
    question TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('answered', 'not_found')),
    confidence REAL NOT NULL,
    asked_at TEXT NOT NULL
  );
  CREATE INDEX question_log_by_time ON question_log (asked_at);

  CREATE TABLE feedback_voters (
    answer_id TEXT NOT NULL,
    voter TEXT NOT NULL,
    PRIMARY KEY (answer_id, voter)
  ) WITHOUT ROWID;

  CREATE TABLE feedback_totals (
    scope TEXT PRIMARY KEY,
    up INTEGER NOT NULL DEFAULT 0,
    down INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    guild_id TEXT,
    moderator_id TEXT,
    action TEXT NOT NULL,
    version_id INTEGER REFERENCES report_versions (id),
    detail TEXT
  );
  `,
  // Votes can be changed, so each voter token keeps its vote; a 👎 keeps the question it was
  // given on (never the voter) for /report gaps. Votes cast before this have no vote kept.
  `
  ALTER TABLE feedback_voters ADD COLUMN vote TEXT CHECK (vote IN ('up', 'down'));

  CREATE TABLE downvoted_answers (
    answer_id TEXT PRIMARY KEY,
    guild_id TEXT,
    question TEXT NOT NULL,
    down INTEGER NOT NULL,
    voted_at TEXT NOT NULL
  );
  CREATE INDEX downvoted_answers_by_time ON downvoted_answers (voted_at);
  `,
  // The voter key moves out of the database (feedback.key or FEEDBACK_SECRET): tokens made with
  // the old in-database key could be recomputed by anyone with the file, so they go with it, and
  // tokens now carry the time they were cast so they can expire after 7 days. Totals are kept.
  `
  DELETE FROM settings WHERE key = 'feedback_voter_key';
  DELETE FROM feedback_voters;
  ALTER TABLE feedback_voters ADD COLUMN cast_at TEXT NOT NULL DEFAULT '';
  CREATE INDEX feedback_voters_by_time ON feedback_voters (cast_at);
  `,
  `
  -- What each version says of itself (title, publisher, date, url), as JSON checked on read.
  ALTER TABLE report_versions ADD COLUMN meta TEXT NOT NULL DEFAULT '{}';

  -- A server's own settings, as JSON overrides of the environment's defaults.
  CREATE TABLE guild_settings (
    guild_id TEXT PRIMARY KEY,
    overrides TEXT NOT NULL,
    updated_by TEXT,
    updated_at TEXT NOT NULL
  );

  -- Answers checked by a server's moderators, for one report version.
  CREATE TABLE pins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id TEXT NOT NULL,
    version_id INTEGER NOT NULL REFERENCES report_versions (id),
    question TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    figure TEXT,
    note TEXT,
    paragraph_text TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX pins_by_version ON pins (version_id, guild_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class SchemaTooNewError extends Error {
  constructor(file: string, found: number) {
    super(
      `factdesk: ${file} was written by a newer factdesk (schema version ${found}; this build knows up to ${SCHEMA_VERSION}). ` +
        "Upgrade factdesk, or point DATA_DIR at another directory.",
    );
    this.name = "SchemaTooNewError";
  }
}

/** Bring the database up to SCHEMA_VERSION, each step in its own transaction. */
export function migrate(db: Database, file: string): void {
  const current = db.pragma("user_version", { simple: true });
  if (typeof current !== "number") throw new Error("factdesk: could not read the schema version");
  if (current > SCHEMA_VERSION) throw new SchemaTooNewError(file, current);
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version - 1];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
