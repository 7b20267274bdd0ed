/** Units, currencies, count nouns and scale words (src/lexicon/units.json), checked once per process. */
import { z } from "zod";
import { checked } from "./checked.js";
import unitsJson from "./units.json" with { type: "json" };

const MeasureKind = z.enum(["mass", "volume", "currency", "percent", "length", "area"]);
export type MeasureKind = z.infer<typeof MeasureKind>;

const Units = z.object({
  $comment: z.string().optional(),
  /** Days in each unit of time, so that "37 months" and "14 years" compare as spans. */
  durationDays: z.record(z.string().min(1), z.number().positive()),
  baseUnits: z.partialRecord(MeasureKind, z.string().min(1)),
  units: z.array(
    z.object({
      unit: z.string().min(1),
      kind: MeasureKind,
      toBase: z.number().positive().nullable(),
      /** A regular expression for the words after a number. */
      pattern: z.string().min(1),
      /** Currency signs written before a number ("US$", "€"). */
      signs: z.array(z.string().min(1)).optional(),
    }),
  ),
  countNouns: z.record(z.string().min(1), z.array(z.string().min(1))),
  scales: z.record(z.string().min(1), z.number().positive()),
  /** Words that count without a figure: "dozens of new scanners". */
  vagueCounts: z.array(z.string().min(1)).min(1),
  /** Nouns that, before "of", measure a thing without a figure: "smaller amounts of resin". */
  vagueAmounts: z.array(z.string().min(1)).min(1),
});

export const UNITS = checked(Units, unitsJson, "units.json");
