import { z } from "zod";

/**
 * Set by scripts/build.mjs in the bundles it makes (dist/cli.js): the sha256 of the lexicon files
 * the bundle carries, which the build has just checked with these same schemas (every file, by
 * importing the compiled modules that check them) before bundling those very bytes. Undefined
 * everywhere else (tsx, tests, the unbundled dist/), where every file is checked when imported.
 */
declare const FACTDESK_LEXICON_CHECKED: string | undefined;

/** Whether this code is a bundle whose lexicon data the build has already checked. */
export const LEXICON_CHECKED_AT_BUILD: string | null =
  typeof FACTDESK_LEXICON_CHECKED === "string" ? FACTDESK_LEXICON_CHECKED : null;

/**
 * The lexicon files checked so far in this process, by name, with the data given and what the
 * schema made of it: the build reads it, to know every file was checked and that each schema's
 * output is the file's data as it is (no key dropped, no default added), which a bundle returns.
 */
export const CHECKED_FILES: Map<string, { given: unknown; parsed: unknown }> = new Map();

/**
 * A lexicon file's data, or one line naming the file and what is wrong with it. In a bundle built
 * from checked files the data is returned as it is: the check ran on the same bytes at build time,
 * and skipping it saves a cold `npm run ask` ~20 ms of zod.
 */
export function checked<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  if (LEXICON_CHECKED_AT_BUILD !== null) return data as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`factdesk: src/lexicon/${file} is malformed: ${z.prettifyError(parsed.error)}`);
  }
  CHECKED_FILES.set(file, { given: data, parsed: parsed.data });
  return parsed.data;
}
