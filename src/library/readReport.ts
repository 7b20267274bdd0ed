import { open } from "node:fs/promises";
import { ReportError } from "../report/errors.js";

const KIB = 1024;
const MIB = 1024 * KIB;

function formatAmount(bytes: number, round: (x: number) => number): string {
  const [unit, size] = bytes >= MIB ? ["MiB", MIB] : bytes >= KIB ? ["KiB", KIB] : ["bytes", 1];
  const amount = round((bytes / size) * 10) / 10;
  return `${Number.isInteger(amount) ? amount.toFixed(0) : amount.toFixed(1)} ${unit}`;
}

/** "3.2 MiB", "1 MiB", "700 KiB", "12 bytes". */
export function formatSize(bytes: number): string {
  return formatAmount(bytes, Math.round);
}

/** "file is 3.2 MiB; the limit is 1 MiB". Rounds up so a file just over the limit never reads as equal to it. */
export function tooLargeError(size: number | null, limit: number): ReportError {
  const shown = size === null ? `over ${formatSize(limit)}` : formatAmount(size, Math.ceil);
  return new ReportError(`file is ${shown}; the limit is ${formatSize(limit)}`);
}

/** Read a report file, refusing one over `maxBytes` before reading it. */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportError(`could not read ${path}: ${code === "ENOENT" ? "no such file" : code}`);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLargeError(size, maxBytes);
    // Read one byte past the cap: a file that grew since stat() is still caught.
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw tooLargeError(null, maxBytes);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Start of every failure message, e.g. "could not fetch URL". */
  failure: string;
}

function describeFetchFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return "timeout";
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    if (typeof cause?.code === "string") return cause.code;
    if (typeof cause?.message === "string") return cause.message;
    return error.message;
  }
  return String(error);
}

async function readBodyCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLargeError(declared, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw tooLargeError(null, maxBytes);
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks, total);
}

/** What the server said about the last copy: sent back so it can answer 304 Not Modified. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type ConditionalFetch =
  | { kind: "not-modified" }
  | { kind: "fetched"; bytes: Uint8Array; validators: Validators };

/**
 * Download over http(s) with one deadline for the whole transfer and a size cap on the body.
 * With validators, asks with If-None-Match / If-Modified-Since and reports a 304 as not modified.
 */
export async function fetchConditional(
  url: string,
  limits: FetchLimits,
  previous: Validators | null = null,
): Promise<ConditionalFetch> {
  const headers: Record<string, string> = {};
  if (previous?.etag) headers["if-none-match"] = previous.etag;
  if (previous?.lastModified) headers["if-modified-since"] = previous.lastModified;
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(limits.timeoutMs) });
    if (response.status === 304 && previous) {
      await response.body?.cancel();
      return { kind: "not-modified" };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ReportError(`${limits.failure}: HTTP ${response.status}`);
    }
    const validators = {
      etag: response.headers.get("etag"),
      lastModified: response.headers.get("last-modified"),
    };
    return { kind: "fetched", bytes: await readBodyCapped(response, limits.maxBytes), validators };
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError(`${limits.failure}: ${describeFetchFailure(error)}`);
  }
}

export async function fetchCapped(url: string, limits: FetchLimits): Promise<Uint8Array> {
  const result = await fetchConditional(url, limits);
  if (result.kind !== "fetched") throw new ReportError(`${limits.failure}: nothing was sent`);
  return result.bytes;
}
