import { z } from "zod";
import { Fact } from "../facts/schema.js";

export const AnswerStatus = z.enum(["answered", "not_found"]);
export type AnswerStatus = z.infer<typeof AnswerStatus>;

/** One option a contest sets side by side, as shown: its figure, or null when the report gives none. */
export const ContestOption = z.object({ name: z.string(), fact: Fact.nullable() });
export type ContestOption = z.infer<typeof ContestOption>;

/**
 * A comparison ("did Westvale or Oakfield seize more?") or a superlative ("which port seized the
 * most?"): the options in the order shown, the winner first when one is asked for. Adapters name
 * the winner from here, not by reading it out of `text`.
 */
export const Contest = z
  .object({
    kind: z.enum(["comparison", "superlative"]),
    /**
     * The option the question asks for; null when none is asked ("Westvale vs Oakfield") or the
     * figures are level (one figure shared by both).
     */
    winner: z.string().nullable(),
    /** The first two options' figures are the same size: no winner, however they are ordered. */
    level: z.boolean(),
    options: z.array(ContestOption).min(1),
  })
  .refine((contest) => contest.options[0]?.fact, "factdesk: a contest's first option has a figure")
  .refine(
    (contest) => contest.winner === null || contest.options[0]?.name === contest.winner,
    "factdesk: a contest's winner is its first option",
  );
export type Contest = z.infer<typeof Contest>;

const AnswerFields = z.object({
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
  /** Set when the answer lists every figure for one place ("Westvale's figures"): the place. */
  figuresFor: z.string().optional(),
  /** Set for a comparison or superlative: the options and the winner. */
  contest: Contest.optional(),
  /** Set when moderators pinned this answer (/report pin): shown as checked by them, with their note. */
  checked: z.object({ note: z.string().nullable() }).optional(),
});

/** One part of a question that asks several things, answered as a question of its own. */
export const AnswerPart = AnswerFields;
export type AnswerPart = z.infer<typeof AnswerPart>;

export const Answer = AnswerFields.extend({
  /**
   * Set when the question asks several things ("how many boats and how much cocaine"): each part's
   * answer in the order asked, its `question` the part. `text`, `facts` and `citations` are theirs
   * joined.
   */
  parts: z.array(AnswerPart).optional(),
});
export type Answer = z.infer<typeof Answer>;
