/**
 * The verbs a figure can belong to (src/lexicon/verbs.json), checked with zod once per process.
 */
import { z } from "zod";
import { checked } from "./checked.js";
import verbsJson from "./verbs.json" with { type: "json" };

const Words = z.array(z.string().min(1));

const Verbs = z.object({
  $comment: z.string().optional(),
  verbs: z.array(
    z.object({
      lemma: z.string().min(1),
      forms: Words.min(1),
      synonyms: Words,
      participle: z.string().min(1),
      mustAgree: z.boolean(),
    }),
  ),
});

export type Verb = z.infer<typeof Verbs>["verbs"][number];

export const VERBS: readonly Verb[] = checked(Verbs, verbsJson, "verbs.json").verbs;
