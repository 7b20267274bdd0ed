import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { readFileCapped, tooLargeError } from "../library/readReport.js";
import { buildReportIndex, type ReportIndex } from "../qa/reportIndex.js";
import { decodeReportBytes } from "../report/decode.js";
import { ReportError } from "../report/errors.js";
import { readSavedIndex, type SavedIndexes, saveIndex } from "./savedIndex.js";

/**
 * Read and index a report file, refusing one over `maxBytes` before reading it (the bot's cap);
 * every way it can fail becomes a ReportError with one readable line. With `saved`, the index
 * saved for the same bytes by the same build is read instead of built, and a built one is saved.
 */
export async function loadReportFile(
  path: string,
  maxBytes: number,
  saved: SavedIndexes | null = null,
): Promise<ReportIndex> {
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path);
    if (size > maxBytes) throw tooLargeError(size, maxBytes);
    bytes = await readFileCapped(path, maxBytes);
  } catch (error) {
    if (error instanceof ReportError) throw new ReportError(`${path}: ${error.reason}`);
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, not a file"
          : code === "EACCES"
            ? "permission denied"
            : "cannot be read";
    throw new ReportError(`${path}: ${why}`);
  }
  const meta = { name: basename(path), version: null };
  const kept = saved && readSavedIndex(saved, bytes, meta);
  if (kept) return kept;
  try {
    const index = buildReportIndex(decodeReportBytes(bytes), meta);
    if (saved) saveIndex(saved, bytes, index);
    return index;
  } catch (error) {
    if (error instanceof ReportError) throw new ReportError(`${path}: ${error.reason}`);
    throw error;
  }
}
