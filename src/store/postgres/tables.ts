import type { Sql, TransactionSql } from "postgres";
import { z } from "zod";
import type { AuditEntry } from "../audit.js";
import {
  DownvotedAnswer,
  expiry,
  FeedbackTotals,
  StoredVote,
  type Vote,
  voteEffect,
  voterToken,
} from "../feedback.js";
import { overridesByGuild, SettingsOverrides } from "../guildSettings.js";
import { type NewPin, StoredPin } from "../pins.js";
import { GapCandidate, type LoggedQuestion, storedQuestionText } from "../questionLog.js";
import { ActivePointer, type NewVersion, StoredVersion, VersionMeta } from "../reportVersions.js";
import { scopeKey } from "../scope.js";
import type {
  AuditTable,
  FeedbackTable,
  PinTable,
  QuestionTable,
  SettingsTable,
  StoreTables,
  VersionTable,
} from "../tables.js";

/** The pool, or one transaction's connection: every table runs on either. */
export type Connection = Sql | TransactionSql;

const Id = z.object({ id: z.number().int().positive() });

const VERSION_COLUMNS = `id, guild_id AS "guildId", sha256, source, byte_length AS "byteLength",
  paragraphs, facts, created_by AS "createdBy", created_at AS "createdAt", meta`;

function versionTable(db: Connection): VersionTable {
  return {
    async insert(version: NewVersion) {
      const [row] = await db`INSERT INTO report_versions
        (guild_id, sha256, source, text, byte_length, paragraphs, facts, created_by, created_at, meta)
        VALUES (${version.guildId}, ${version.sha256}, ${version.source}, ${version.text},
          ${version.byteLength}, ${version.paragraphs}, ${version.facts}, ${version.createdBy},
          ${version.createdAt.toISOString()}, ${JSON.stringify(VersionMeta.parse(version.meta))})
        RETURNING id`;
      return Id.parse(row).id;
    },
    async get(id) {
      const [row] = await db.unsafe(
        `SELECT ${VERSION_COLUMNS} FROM report_versions WHERE id = $1`,
        [id],
      );
      return row === undefined ? undefined : StoredVersion.parse(row);
    },
    async text(id) {
      const [row] = await db`SELECT text FROM report_versions WHERE id = ${id}`;
      return z.object({ text: z.string() }).parse(row).text;
    },
    async history(guildId, limit) {
      const rows =
        guildId === null
          ? await db.unsafe(
              `SELECT ${VERSION_COLUMNS} FROM report_versions
               WHERE guild_id IS NULL ORDER BY id DESC LIMIT $1`,
              [limit],
            )
          : await db.unsafe(
              `SELECT ${VERSION_COLUMNS} FROM report_versions
               WHERE guild_id IS NULL OR guild_id = $1 ORDER BY id DESC LIMIT $2`,
              [guildId, limit],
            );
      return z.array(StoredVersion).parse(rows);
    },
    async pointers() {
      const rows = await db`SELECT scope, version_id AS "versionId",
        activated_by AS "activatedBy", activated_at AS "activatedAt" FROM active_reports`;
      return z.array(ActivePointer).parse(rows);
    },
    async pointer(scope) {
      const [row] = await db`SELECT scope, version_id AS "versionId",
        activated_by AS "activatedBy", activated_at AS "activatedAt"
        FROM active_reports WHERE scope = ${scope}`;
      return row === undefined ? undefined : ActivePointer.parse(row);
    },
    async setPointer(scope, versionId, activatedBy, at) {
      await db`INSERT INTO active_reports (scope, version_id, activated_by, activated_at)
        VALUES (${scope}, ${versionId}, ${activatedBy}, ${at.toISOString()})
        ON CONFLICT (scope) DO UPDATE SET
          version_id = excluded.version_id,
          activated_by = excluded.activated_by,
          activated_at = excluded.activated_at`;
    },
    async clearPointer(scope) {
      await db`DELETE FROM active_reports WHERE scope = ${scope}`;
    },
  };
}

function questionTable(db: Connection): QuestionTable {
  return {
    async record(entries: readonly LoggedQuestion[]) {
      if (entries.length === 0) return;
      const rows = entries.map((entry) => ({
        guild_id: entry.guildId,
        // A DM channel belongs to one member: its id would say who asked.
        channel_id: entry.guildId === null ? null : entry.channelId,
        question: storedQuestionText(entry.question),
        status: entry.status,
        confidence: entry.confidence,
        asked_at: entry.askedAt.toISOString(),
      }));
      await db`INSERT INTO question_log ${db(rows)}`;
    },
    async gapCandidates(query) {
      const since = query.since.toISOString();
      const rows = await db`SELECT question, status, confidence, asked_at AS "askedAt"
        FROM question_log
        WHERE asked_at >= ${since} AND (status = 'not_found' OR confidence < ${query.lowConfidence})
          AND (${query.guildId}::text IS NULL OR guild_id = ${query.guildId})
        ORDER BY id DESC LIMIT ${query.limit}`;
      return z.array(GapCandidate).parse(rows);
    },
    async deleteBefore(cutoff) {
      const result = await db`DELETE FROM question_log WHERE asked_at < ${cutoff.toISOString()}`;
      return result.count;
    },
  };
}

/** One transaction per vote: a savepoint inside a caller's transaction, else a transaction of its own. */
function inTransaction<T>(db: Connection, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
  return ("savepoint" in db ? db.savepoint(work) : db.begin(work)) as Promise<T>;
}

function feedbackTable(db: Connection, key: Buffer, now: () => Date): FeedbackTable {
  const purge = async (tx: Connection, at: Date) =>
    (await tx`DELETE FROM feedback_voters WHERE cast_at < ${expiry(at)}`).count;
  return {
    record(vote: Vote, at = now()) {
      const voter = voterToken(key, vote);
      return inTransaction(db, async (tx) => {
        // Two hosts taking the same member's double click: the second waits and sees the first.
        await tx`SELECT pg_advisory_xact_lock(hashtext(${`factdesk:vote:${vote.answerId}`}))`;
        await purge(tx, at);
        const [row] = await tx`SELECT vote FROM feedback_voters
          WHERE answer_id = ${vote.answerId} AND voter = ${voter}`;
        const before = row === undefined ? undefined : StoredVote.parse(row.vote);
        const effect = voteEffect(before, vote);
        if (effect.outcome === "unchanged") return effect.outcome;
        const cast = at.toISOString();
        await tx`INSERT INTO feedback_voters (answer_id, voter, vote, cast_at)
          VALUES (${vote.answerId}, ${voter}, ${vote.vote}, ${cast})
          ON CONFLICT (answer_id, voter) DO UPDATE SET vote = excluded.vote`;
        await tx`INSERT INTO feedback_totals (scope, up, down)
          VALUES (${scopeKey(vote.guildId)}, ${effect.up}, ${effect.down})
          ON CONFLICT (scope) DO UPDATE SET
            up = GREATEST(0, feedback_totals.up + excluded.up),
            down = GREATEST(0, feedback_totals.down + excluded.down)`;
        if (effect.downvote === "add") {
          await tx`INSERT INTO downvoted_answers (answer_id, guild_id, question, down, voted_at)
            VALUES (${vote.answerId}, ${vote.guildId}, ${storedQuestionText(vote.question ?? "")},
              1, ${cast})
            ON CONFLICT (answer_id) DO UPDATE SET
              down = downvoted_answers.down + 1, voted_at = excluded.voted_at`;
        } else if (effect.downvote === "drop") {
          await tx`UPDATE downvoted_answers SET down = down - 1
            WHERE answer_id = ${vote.answerId} AND down > 0`;
          await tx`DELETE FROM downvoted_answers WHERE answer_id = ${vote.answerId} AND down = 0`;
        }
        return effect.outcome;
      });
    },
    async totals(guildId) {
      const [row] =
        await db`SELECT up, down FROM feedback_totals WHERE scope = ${scopeKey(guildId)}`;
      return row === undefined ? { up: 0, down: 0 } : FeedbackTotals.parse(row);
    },
    async downvoted(query) {
      const rows = await db`SELECT question, down, voted_at AS "votedAt" FROM downvoted_answers
        WHERE voted_at >= ${query.since.toISOString()}
          AND (${query.guildId}::text IS NULL OR guild_id = ${query.guildId})
        ORDER BY voted_at DESC LIMIT ${query.limit}`;
      return z.array(DownvotedAnswer).parse(rows);
    },
    purgeExpired: () => purge(db, now()),
  };
}

function auditTable(db: Connection): AuditTable {
  return {
    async record(entry: AuditEntry) {
      await db`INSERT INTO audit_log (at, guild_id, moderator_id, action, version_id, detail)
        VALUES (${entry.at.toISOString()}, ${entry.guildId}, ${entry.moderatorId}, ${entry.action},
          ${entry.versionId}, ${entry.detail})`;
    },
  };
}

function settingsTable(db: Connection): SettingsTable {
  return {
    async all() {
      return overridesByGuild(
        await db`SELECT guild_id AS "guildId", overrides FROM guild_settings ORDER BY guild_id`,
      );
    },
    async get(guildId) {
      const rows = await db`SELECT guild_id AS "guildId", overrides FROM guild_settings
        WHERE guild_id = ${guildId}`;
      return overridesByGuild(rows).get(guildId) ?? {};
    },
    async save(guildId, overrides, by, at) {
      const checked = SettingsOverrides.parse(overrides);
      if (Object.keys(checked).length === 0) {
        await db`DELETE FROM guild_settings WHERE guild_id = ${guildId}`;
        return;
      }
      await db`INSERT INTO guild_settings (guild_id, overrides, updated_by, updated_at)
        VALUES (${guildId}, ${JSON.stringify(checked)}, ${by}, ${at.toISOString()})
        ON CONFLICT (guild_id) DO UPDATE SET
          overrides = excluded.overrides,
          updated_by = excluded.updated_by,
          updated_at = excluded.updated_at`;
    },
  };
}

const PIN_COLUMNS = `id, guild_id AS "guildId", version_id AS "versionId", question, paragraph,
  figure, note, paragraph_text AS "paragraphText", created_by AS "createdBy",
  created_at AS "createdAt"`;

function pinTable(db: Connection): PinTable {
  return {
    async insert(pin: NewPin) {
      const [row] = await db`INSERT INTO pins (guild_id, version_id, question, paragraph, figure,
          note, paragraph_text, created_by, created_at)
        VALUES (${pin.guildId}, ${pin.versionId}, ${pin.question}, ${pin.paragraph}, ${pin.figure},
          ${pin.note}, ${pin.paragraphText}, ${pin.createdBy}, ${pin.createdAt.toISOString()})
        RETURNING id`;
      return Id.parse(row).id;
    },
    async forVersion(versionId) {
      const rows = await db.unsafe(
        `SELECT ${PIN_COLUMNS} FROM pins WHERE version_id = $1 ORDER BY id`,
        [versionId],
      );
      return z.array(StoredPin).parse(rows);
    },
    async get(id) {
      const [row] = await db.unsafe(`SELECT ${PIN_COLUMNS} FROM pins WHERE id = $1`, [id]);
      return row === undefined ? undefined : StoredPin.parse(row);
    },
    async delete(id) {
      await db`DELETE FROM pins WHERE id = ${id}`;
    },
  };
}

/** Every table on one connection: the pool, or the transaction `work` was handed. */
export function postgresTables(db: Connection, key: Buffer, now: () => Date): StoreTables {
  return {
    versions: versionTable(db),
    questions: questionTable(db),
    feedback: feedbackTable(db, key, now),
    audit: auditTable(db),
    settings: settingsTable(db),
    pins: pinTable(db),
  };
}
