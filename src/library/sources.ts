import { basename } from "node:path";
import { ReportError } from "../report/errors.js";
import type { VersionMeta } from "../store/reportVersions.js";
import { fetchCapped, readFileCapped, tooLargeError } from "./readReport.js";
import type { LibraryConfig, ReportInput } from "./types.js";

const UPLOAD_EXTENSIONS = [".txt", ".md"];
const UPLOAD_CONTENT_TYPES = ["text/plain", "text/markdown"];

/** A .txt or .md name, or (for a file saved without an extension) a plain-text content type. */
function looksLikeReportFile(name: string, contentType: string | null): boolean {
  const lower = name.toLowerCase();
  if (UPLOAD_EXTENSIONS.some((extension) => lower.endsWith(extension))) return true;
  const hasExtension = /\.[^./]+$/.test(lower);
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return !hasExtension && UPLOAD_CONTENT_TYPES.includes(type);
}

/** Bytes to turn into a report version, and where they came from. */
export interface Candidate {
  bytes: Uint8Array;
  /** "file:data/report.txt", "url:https://…", "upload:name.md" */
  source: string;
  /** Shown in answer footers. */
  name: string;
  /** What the source itself tells: a public URL. */
  meta: VersionMeta;
}

/** "report.txt" from "file:data/report.txt" or "url:https://example.org/r/report.txt". */
export function nameOfSource(source: string): string {
  return basename(source.replace(/^(file|url|upload):/, "")) || source;
}

/** Read the bytes a refresh asks for, within the size cap and the fetch timeout. */
export async function readReportInput(
  input: ReportInput,
  config: LibraryConfig,
): Promise<Candidate> {
  const maxBytes = config.REPORT_MAX_BYTES;
  const timeoutMs = config.REPORT_FETCH_TIMEOUT_MS;
  switch (input.kind) {
    case "default": {
      const url = config.REPORT_URL;
      if (url) {
        const bytes = await fetchCapped(url, {
          maxBytes,
          timeoutMs,
          failure: "could not fetch URL",
        });
        const { pathname, host } = new URL(url);
        return { bytes, source: `url:${url}`, name: basename(pathname) || host, meta: { url } };
      }
      return readReportInput({ kind: "file", path: config.REPORT_PATH }, config);
    }
    case "fetched": {
      const { pathname, host } = new URL(input.url);
      const name = basename(pathname) || host;
      return { bytes: input.bytes, source: `url:${input.url}`, name, meta: { url: input.url } };
    }
    case "file": {
      const bytes = await readFileCapped(input.path, maxBytes);
      return { bytes, source: `file:${input.path}`, name: basename(input.path), meta: {} };
    }
    case "upload": {
      if (!looksLikeReportFile(input.name, input.contentType)) {
        throw new ReportError("only .txt and .md files can be used as a report");
      }
      if (input.size > maxBytes) throw tooLargeError(input.size, maxBytes);
      const bytes = await fetchCapped(input.url, {
        maxBytes,
        timeoutMs,
        failure: "could not download the file",
      });
      // A Discord attachment URL is signed and expires: never shown as the report's address.
      return { bytes, source: `upload:${input.name}`, name: input.name, meta: {} };
    }
  }
}
