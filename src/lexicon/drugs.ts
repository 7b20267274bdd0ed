/** Drug and precursor names (src/lexicon/drugs.json), checked once per process. */
import { z } from "zod";
import { checked } from "./checked.js";
import drugsJson from "./drugs.json" with { type: "json" };

const Drugs = z.object({
  $comment: z.string().optional(),
  substances: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1),
  notOneSubstance: z.array(z.string().regex(/^[a-z0-9]+$/)),
});

export const DRUGS = checked(Drugs, drugsJson, "drugs.json");
