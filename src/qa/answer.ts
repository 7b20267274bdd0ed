import type { ReportIndex } from "./reportIndex.js";
import type { Answer } from "./schema.js";

export function answer(_question: string, _index: ReportIndex): Answer {
  throw new Error("not implemented yet");
}
