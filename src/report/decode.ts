import { ReportError } from "./errors.js";

/** Byte-order marks that say a file is UTF-16, and which way round. */
const UTF16_BOMS: readonly { bytes: readonly [number, number]; encoding: string }[] = [
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

function utf16Encoding(bytes: Uint8Array): string | null {
  const bom = UTF16_BOMS.find(({ bytes: [a, b] }) => bytes[0] === a && bytes[1] === b);
  return bom?.encoding ?? null;
}

function decodeStrict(bytes: Uint8Array, encoding: string, failure: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ReportError(failure);
  }
}

/**
 * Turn uploaded or read bytes into report text, refusing what is not text. UTF-8 (with or without
 * a BOM) and UTF-16 with a BOM, as Windows editors save "Unicode" text, are read.
 */
export function decodeReportBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ReportError("file is empty");
  const utf16 = utf16Encoding(bytes);
  const text = utf16
    ? decodeStrict(bytes, utf16, "not valid UTF-16 text")
    : bytes.includes(0)
      ? null
      : decodeStrict(bytes, "utf-8", "not UTF-8 text");
  if (text === null || text.includes("\u0000")) {
    throw new ReportError("looks like a binary file, not text");
  }
  if (text.trim().length === 0) throw new ReportError("file is empty");
  return text.replace(/^\uFEFF/, "");
}
