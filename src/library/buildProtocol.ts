import { z } from "zod";
import type { ReportIndexData, SearchIndexes } from "../qa/reportIndex.js";

/** What the build worker is given, one build at a time; `id` pairs the result with it. */
export const BuildRequest = z.object({
  id: z.number().int(),
  text: z.string(),
  meta: z.object({ name: z.string(), version: z.number().int().nullable() }),
});
export type BuildRequest = z.infer<typeof BuildRequest>;

/** What it sends back: the index as structured-clone data, or the reason the report is refused. */
export type BuildResult =
  | { ok: true; data: ReportIndexData; search: SearchIndexes }
  | { ok: false; reason: string };

/** The envelope is checked; the index inside it was built by this same code, so it is trusted. */
export const BuildResultEnvelope = z.object({
  id: z.number().int(),
  result: z.union([
    z.object({ ok: z.literal(true), data: z.object({}).loose(), search: z.object({}).loose() }),
    z.object({ ok: z.literal(false), reason: z.string() }),
  ]),
});
