import { createHash, randomBytes } from "node:crypto";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** Beside the database, never inside it: a copy of factdesk.db alone cannot tell who voted. */
export const FEEDBACK_KEY_FILE = "feedback.key";

const HexKey = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{64}$/, "must be 64 hex characters");

function readKeyFile(file: string): Buffer | null {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = HexKey.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `factdesk: ${file} ${parsed.error.issues[0]?.message}; delete it to make a new key`,
    );
  }
  // Only the bot's own user may read it, whatever umask it was written or copied under.
  chmodSync(file, 0o600);
  return Buffer.from(parsed.data, "hex");
}

/**
 * The HMAC key for one-vote-per-user tokens: FEEDBACK_SECRET when set, otherwise a random key in
 * DATA_DIR/feedback.key (mode 0600), made on first use.
 */
export function feedbackKey(dataDir: string, secret?: string): Buffer {
  if (secret) return createHash("sha256").update(secret).digest();
  const file = join(dataDir, FEEDBACK_KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return existing;
  const key = randomBytes(32);
  try {
    writeFileSync(file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    // Another process (the operator CLI) made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readKeyFile(file) ?? key;
  }
}
