/**
 * The CLI's on-disk copy of a built report index, so that a cold `npm run ask` reads the index it
 * built last time instead of building it again (a deserialise costs about a third of a cold build).
 *
 * One file per report, named by the sha256 of the report's bytes. It holds a JSON header (checked
 * with zod) and the index's structured-clone data (`toTransferable`, as the bot's build worker
 * sends it). A file is used only when its header names this engine build, this Node version and
 * this report, and its payload's sha256 matches; anything else (another build, a truncated or
 * corrupt file, a file of another format) is ignored and the index is built and saved again.
 * Writers write a file of their own and rename it into place, so concurrent CLIs never read half a file.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { z } from "zod";
import {
  type ReportIndex,
  type ReportIndexData,
  type ReportMeta,
  type SearchIndexes,
  toTransferable,
  withSearch,
} from "../qa/reportIndex.js";

declare const FACTDESK_ENGINE: string | undefined;

/**
 * The engine build the running code is, set by scripts/build.mjs when it bundles the CLI (a hash
 * of the compiled code and the locked dependencies); null under tsx, where nothing is saved.
 */
export const BUILT_ENGINE: string | null =
  typeof FACTDESK_ENGINE === "string" ? FACTDESK_ENGINE : null;

export interface SavedIndexes {
  /** The directory the files live in; created on first save. */
  dir: string;
  /** The engine build that writes and may read them. */
  engine: string;
  /** At most this many reports are kept; the least recently saved go first. */
  maxFiles?: number;
}

const FORMAT = 1;
const DEFAULT_MAX_FILES = 16;
const HEADER_LENGTH_BYTES = 4;
const SUFFIX = ".index";

const Header = z
  .object({
    format: z.literal(FORMAT),
    engine: z.string().min(1),
    node: z.string().min(1),
    report: z.string().length(64),
    payload: z.string().length(64),
  })
  .strict();
type Header = z.infer<typeof Header>;

/** The payload's outer shape; what is inside was built by the engine build the header names. */
const Payload = z.object({
  data: z.object({ report: z.object({}).loose(), table: z.object({}).loose() }).loose(),
  search: z.object({}).loose(),
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function fileOf(saved: SavedIndexes, reportSha: string): string {
  return join(saved.dir, `${reportSha}${SUFFIX}`);
}

function headerFor(saved: SavedIndexes, reportSha: string, payload: Uint8Array): Header {
  return {
    format: FORMAT,
    engine: saved.engine,
    node: process.version,
    report: reportSha,
    payload: sha256(payload),
  };
}

/** The header and payload of a saved file, or null when it is not one this build wrote for this report. */
function parse(saved: SavedIndexes, reportSha: string, file: Buffer): Buffer | null {
  if (file.length < HEADER_LENGTH_BYTES) return null;
  const headerEnd = HEADER_LENGTH_BYTES + file.readUInt32BE(0);
  if (headerEnd > file.length) return null;
  let header: unknown;
  try {
    header = JSON.parse(file.toString("utf8", HEADER_LENGTH_BYTES, headerEnd));
  } catch {
    return null;
  }
  const checked = Header.safeParse(header);
  if (!checked.success) return null;
  const { engine, node, report, payload } = checked.data;
  if (engine !== saved.engine || node !== process.version || report !== reportSha) return null;
  const body = file.subarray(headerEnd);
  return sha256(body) === payload ? body : null;
}

/**
 * The index saved for these report bytes, given this report's meta, or null when there is none
 * this build can use. Never throws.
 */
export function readSavedIndex(
  saved: SavedIndexes,
  reportBytes: Uint8Array,
  meta: ReportMeta,
): ReportIndex | null {
  const reportSha = sha256(reportBytes);
  try {
    const body = parse(saved, reportSha, readFileSync(fileOf(saved, reportSha)));
    if (!body) return null;
    const payload = deserialize(body) as unknown;
    if (!Payload.safeParse(payload).success) return null;
    const { data, search } = payload as { data: ReportIndexData; search: SearchIndexes };
    return withSearch({ ...data, meta }, search);
  } catch {
    return null;
  }
}

/** Save a built index for these report bytes, best effort: a directory that cannot be written is skipped. */
export function saveIndex(saved: SavedIndexes, reportBytes: Uint8Array, index: ReportIndex): void {
  const reportSha = sha256(reportBytes);
  const { data, search } = toTransferable(index);
  const payload = serialize({ data, search });
  const header = Buffer.from(JSON.stringify(headerFor(saved, reportSha, payload)));
  const length = Buffer.alloc(HEADER_LENGTH_BYTES);
  length.writeUInt32BE(header.length, 0);
  const target = fileOf(saved, reportSha);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    mkdirSync(saved.dir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([length, header, payload]));
    renameSync(temporary, target);
    evictBeyond(saved.dir, saved.maxFiles ?? DEFAULT_MAX_FILES);
  } catch {
    removeQuietly(temporary);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Already gone, or never written.
  }
}

/** Remove the least recently saved files beyond `maxFiles`. */
function evictBeyond(dir: string, maxFiles: number): void {
  const found = readdirSync(dir)
    .filter((name) => name.endsWith(SUFFIX))
    .map((name) => {
      const path = join(dir, name);
      return { path, savedAt: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
    })
    .sort((a, b) => b.savedAt - a.savedAt);
  for (const { path } of found.slice(maxFiles)) removeQuietly(path);
}
