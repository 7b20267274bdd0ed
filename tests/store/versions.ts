import { createHash } from "node:crypto";
import type { NewVersion } from "../../src/store/reportVersions.js";

/** A version row as a refresh would insert it, for a text made up by the test. */
export function newVersion(guildId: string | null, text: string): NewVersion {
  return {
    guildId,
    sha256: createHash("sha256").update(text).digest("hex"),
    source: `upload:${text}.txt`,
    text,
    byteLength: text.length,
    paragraphs: 1,
    facts: 0,
    createdBy: null,
    createdAt: new Date("2030-01-01T00:00:00Z"),
    meta: {},
  };
}
