/** Markdown tables, read row by row into sentences the fact extractor understands. */

const SEPARATOR_ROW = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const NUMERIC_CELL =
  /^[~≈+\-−]?\s*(?:[$€£¥₹₱]|[A-Z]{2,3}\$?\s?)?\d[\d,.\s]*(?:%|\s?(?:thousand|million|billion|bn|m|k))?$/i;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim());
}

/** Header, separator and body cells together, as the table-cell cap counts them. */
export function tableCellCount(lines: string[]): number {
  return lines.reduce((count, line) => count + cells(line).length, 0);
}

export function isTableBlock(lines: string[]): boolean {
  return (
    lines.length >= 3 &&
    SEPARATOR_ROW.test(lines[1] ?? "") &&
    lines.every((line) => line.includes("|"))
  );
}

/** A year or fiscal year a column header names: "2025 overdose deaths", "Total FY 2026 awards". */
const HEADER_PERIOD = /\b(?:(?:fy|fiscal year)\s?'?\d{2,4}|(?:19|20)\d{2})\b/i;

/** A header's parenthesis that names a unit of measure: "(kg)", "(tons)", "(%)". */
const MEASURE_PARENTHESIS =
  /^(?:kg|kilograms?|kilos?|g|grams?|t|tons?|tonnes?|lbs?|pounds?|ounces?|oz|litres?|liters?|%|percent)$/i;

/** A header's parenthesis that names money, and the scale its cells are in: "(mln euros)". */
const CURRENCY_SIGNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\$|\busd\b|\bdollars?\b/i, "$"],
  [/€|\beur\b|\beuros?\b/i, "€"],
  [/£|\bgbp\b|\bsterling\b/i, "£"],
];
const SCALES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:bn|billions?)\b/i, "billion"],
  [/\b(?:m|mln|mn|millions?)\b/i, "million"],
  [/\b(?:k|thousands?|'000s?)\b/i, "thousand"],
];

interface Header {
  /** What the column counts, lower-cased: "cases solved". */
  name: string;
  /** A unit of measure its cells are in: "kg". */
  measure: string | null;
  /** Money: the sign and the scale its bare cells are in ("€", "million"). */
  money: { sign: string; scale: string } | null;
  /** The period it is for: "FY 2026". */
  period: string | null;
}

/** "Change vs. 2024" names a baseline, which is no period of the column's own. */
const BASELINE_BEFORE = /\b(?:vs\.?|versus|than|from|since|over)\s*$/i;

function readHeader(header: string): Header {
  const parenthesis = /\(([^)]+)\)\s*$/.exec(header)?.[1]?.trim() ?? "";
  const sign = CURRENCY_SIGNS.find(([pattern]) => pattern.test(parenthesis))?.[1];
  const scale = SCALES.find(([pattern]) => pattern.test(parenthesis))?.[1] ?? "";
  const bare = header.replace(/\s*\([^)]*\)\s*$/, "");
  const found = HEADER_PERIOD.exec(bare);
  const period = found && !BASELINE_BEFORE.test(bare.slice(0, found.index)) ? found[0] : null;
  const name = (period ? bare.replace(period, " ") : bare)
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/^(?:number|no\.|count|total) of\s+/, "");
  return {
    name,
    measure: MEASURE_PARENTHESIS.test(parenthesis) ? parenthesis : null,
    money: sign ? { sign, scale } : null,
    period,
  };
}

/** A header cell that is only a period: "FY 2026", "2025". */
function isPeriod(cell: string): boolean {
  return HEADER_PERIOD.exec(cell)?.[0] === cell.trim();
}

/** "$4 million" under "Awards" reads "$4 million in awards", a sum given to what is named. */
const MONEY_CELL = /^[~≈+\-−]?\s*(?:[$€£¥₹₱]|[A-Z]{2,3}\$?\s?)\d/;

/** One cell read under its column: "12 kg of heroin", "€4.5 million in assets seized in 2025". */
function cellText(cell: string, column: Header, row: Header | null): string {
  // A column that is only a period ("FY 2026") takes what is counted from the row's label.
  const what = column.name === "" && row ? row : column;
  const bareMoney = what.money && !MONEY_CELL.test(cell) && !/%$/.test(cell);
  const figure = bareMoney
    ? `${what.money?.sign}${cell}${what.money?.scale ? ` ${what.money.scale}` : ""}`
    : cell;
  const thing = what.measure ? `${what.measure} of ${what.name}` : what.name;
  const joiner = MONEY_CELL.test(figure) ? " in " : " ";
  const period = column.period ?? what.period;
  return `${figure}${thing ? `${joiner}${thing}` : ""}${period ? ` in ${period}` : ""}`.trim();
}

/**
 * One row under its headers: "| Oakfield | 1,234 | 12 |" under "| Province | Cases solved |
 * Heroin (kg) |" becomes "Oakfield: 1,234 cases solved; 12 kg of heroin." Cells are kept apart
 * by semicolons so no figure borrows its neighbour's verb. Under period headers ("| Removals |
 * FY 2025 | FY 2026 |"), a row "| Cocaine (lbs) | 9 | 12 |" reads "Removals: 9 lbs of cocaine in
 * FY 2025; 12 lbs of cocaine in FY 2026."
 */
export function rowToText(headers: readonly string[], row: readonly string[]): string {
  const labelIndex = row.findIndex((cell) => cell !== "" && !NUMERIC_CELL.test(cell));
  const label = labelIndex === -1 ? "" : (row[labelIndex] ?? "");
  const columns = headers.map(readHeader);
  const byPeriod = columns.some((column, i) => i !== labelIndex && column.name === "");
  const rowHeader = byPeriod ? readHeader(label) : null;
  const figures = row
    .map((cell, i) =>
      i !== labelIndex && NUMERIC_CELL.test(cell)
        ? cellText(cell, columns[i] ?? readHeader(""), rowHeader)
        : null,
    )
    .filter((part): part is string => part !== null);
  if (figures.length === 0) return row.filter(Boolean).join(", ");
  const lead = byPeriod ? (headers[labelIndex] ?? "") : label;
  return `${lead ? `${lead}: ` : ""}${figures.join("; ")}.`;
}

export function tableToText(lines: string[]): string {
  const [header = "", , ...rows] = lines;
  const headers = cells(header);
  return rows
    .map(cells)
    .map((row) => rowToText(headers, row))
    .join(" ");
}

/**
 * A table written one row to a paragraph, without a separator row ("State | Awards | Deaths",
 * then "Ohio | $9 million | 310", …): each row keeps its own paragraph and is read under the
 * header row above it, as a Markdown table's rows are.
 */
export function readLooseRows(texts: readonly string[]): string[] {
  let headers: string[] | null = null;
  return texts.map((text) => {
    const row = text.split("|").map((cell) => cell.trim());
    if (row.length < 3) {
      headers = null;
      return text;
    }
    if (row.every((cell) => !NUMERIC_CELL.test(cell) || isPeriod(cell))) {
      headers = row;
      return text;
    }
    return headers && headers.length === row.length ? rowToText(headers, row) : text;
  });
}
