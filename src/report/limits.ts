import { ReportError } from "./errors.js";

/**
 * How much one report may hold. Every step of a build is linear or n log n in these, so a report
 * within them builds in bounded time; one beyond them is refused with the number that is over.
 * Generous for the genre (a results report holds tens to hundreds of figures, a large table a few
 * thousand) and far below what would slow the bot for everyone.
 */
export interface ReportLimits {
  figures: number;
  figuresPerParagraph: number;
  tableCells: number;
  quotedCharacters: number;
}

export const REPORT_LIMITS: Readonly<ReportLimits> = {
  figures: 20_000,
  figuresPerParagraph: 10_000,
  tableCells: 20_000,
  /**
   * Each figure is searched through its own sentence, so answering costs the sum of those
   * sentences' lengths: a 20 KB sentence holding 1,000 figures is 20 MB to search per question.
   */
  quotedCharacters: 2 * 1024 * 1024,
};

const count = (n: number) => n.toLocaleString("en-US");

function mebibytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

export function checkTableCells(cells: number, limits: ReportLimits = REPORT_LIMITS): void {
  if (cells > limits.tableCells) {
    throw new ReportError(
      `a table has ${count(cells)} cells; the limit is ${count(limits.tableCells)}`,
    );
  }
}

export function checkFigures(
  perParagraph: readonly { paragraph: number; figures: number }[],
  limits: ReportLimits = REPORT_LIMITS,
): void {
  const total = perParagraph.reduce((sum, entry) => sum + entry.figures, 0);
  if (total > limits.figures) {
    throw new ReportError(
      `the report has ${count(total)} figures; the limit is ${count(limits.figures)}`,
    );
  }
  const crowded = perParagraph.find((entry) => entry.figures > limits.figuresPerParagraph);
  if (crowded) {
    throw new ReportError(
      `paragraph ${crowded.paragraph} has ${count(crowded.figures)} figures; the limit is ${count(limits.figuresPerParagraph)}`,
    );
  }
}

export function checkQuotedCharacters(chars: number, limits: ReportLimits = REPORT_LIMITS): void {
  if (chars > limits.quotedCharacters) {
    throw new ReportError(
      `the sentences and table rows holding its figures add up to ${mebibytes(chars)} to search; the limit is ${mebibytes(limits.quotedCharacters)} (split long rows or sentences full of figures)`,
    );
  }
}
