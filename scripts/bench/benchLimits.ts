import { REPORT_LIMITS, type ReportLimits } from "../../src/report/limits.js";

/** The bot's limits fit the seed ×100; a larger synthetic report gets them raised in proportion. */
export const LIMITS_FIT_SCALE = 100;

export function benchLimits(scale: number): ReportLimits {
  const factor = Math.max(1, Math.ceil(scale / LIMITS_FIT_SCALE));
  return {
    figures: REPORT_LIMITS.figures * factor,
    figuresPerParagraph: REPORT_LIMITS.figuresPerParagraph,
    tableCells: REPORT_LIMITS.tableCells,
    quotedCharacters: REPORT_LIMITS.quotedCharacters * factor,
  };
}
