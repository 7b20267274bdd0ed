import type { ReportIndex } from "./reportIndex.js";

export function suggestQuestions(_partial: string, _index: ReportIndex, _limit = 25): string[] {
  throw new Error("not implemented yet");
}
