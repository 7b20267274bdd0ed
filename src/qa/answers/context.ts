import type { ReportIndex } from "../reportIndex.js";
import type { Weights } from "../weights.js";

/** What every answer reads: the report's index and the weights in force. */
export interface AnswerContext {
  index: ReportIndex;
  weights: Weights;
}
