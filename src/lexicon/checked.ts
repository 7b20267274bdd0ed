import { z } from "zod";

/** A lexicon file's data, or one line naming the file and what is wrong with it. */
export function checked<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`factdesk: src/lexicon/${file} is malformed: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
