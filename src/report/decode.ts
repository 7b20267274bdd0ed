import { ReportError } from "./errors.js";

/** Turn uploaded or read bytes into report text, refusing what is not text. */
export function decodeReportBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ReportError("file is empty");
  if (bytes.includes(0)) throw new ReportError("looks like a binary file, not text");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ReportError("not UTF-8 text");
  }
  if (text.trim().length === 0) throw new ReportError("file is empty");
  return text.replace(/^\uFEFF/, "");
}
