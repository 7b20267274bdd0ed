import { z } from "zod";
import { Fact } from "../facts/schema.js";

export const AnswerStatus = z.enum(["answered", "not_found"]);
export type AnswerStatus = z.infer<typeof AnswerStatus>;

export const Answer = z.object({
  question: z.string(),
  status: AnswerStatus,
  /** Markdown; cites paragraphs as ¶N and quotes the sentence. */
  text: z.string(),
  citations: z.array(z.number().int().positive()),
  facts: z.array(Fact),
  confidence: z.number().min(0).max(1),
  suggestions: z.array(z.string()),
  /** Set when the answer carried on from the previous question: what it kept ("cases"). */
  followsOn: z.string().optional(),
  /** Sides of a comparison (or parts of a question) the report gives no figure for: "Westvale". */
  noFigureFor: z.array(z.string()).optional(),
  /** Set when moderators pinned this answer (/report pin): shown as checked by them, with their note. */
  checked: z.object({ note: z.string().nullable() }).optional(),
});
export type Answer = z.infer<typeof Answer>;
