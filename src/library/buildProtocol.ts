import { z } from "zod";
import type { ReportIndexData, SearchIndexes } from "../qa/reportIndex.js";

/** What the build worker is given. */
export const BuildRequest = z.object({
  text: z.string(),
  meta: z.object({ name: z.string(), version: z.number().int().nullable() }),
});
export type BuildRequest = z.infer<typeof BuildRequest>;

/** What it sends back: the index as structured-clone data, or the reason the report is refused. */
export type BuildResult =
  | { ok: true; data: ReportIndexData; search: SearchIndexes }
  | { ok: false; reason: string };

/** The envelope is checked; the index inside it was built by this same code, so it is trusted. */
export const BuildResultEnvelope = z.union([
  z.object({ ok: z.literal(true), data: z.object({}).loose(), search: z.object({}).loose() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
