/**
 * Tables, read row by row into sentences the fact extractor understands: a Markdown table in one
 * block, or rows written one per paragraph ("Oakfield | 1,234 | 120.5") under a header row.
 */
import { UNITS } from "../lexicon/units.js";
import type { RowLabel } from "./types.js";

const SEPARATOR_ROW = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const NUMERIC_CELL =
  /^[~≈+\-−]?\s*(?:[$€£¥₹₱]|[A-Z]{2,3}\$?\s?)?\d[\d,.\s]*(?:%|\s?(?:thousand|million|billion|bn|m|k))?$/i;
/** "2025", "FY 2026": a year heads a column or a row; it is not a figure of the table. */
const YEAR = /\b(?:(?:FY|CY)\s?)?(?:19|20)\d{2}\b/i;
const YEAR_CELL = new RegExp(`^${YEAR.source}$`, "i");
/** "Change vs. 2024": a year after these words is the baseline, not the period a column covers. */
const BASELINE_BEFORE = /\b(?:vs\.?|versus|from|since|than|compared (?:with|to)|over|against)\s*$/i;
const MONTH_NOTE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:q[1-4]|h[12]|half|quarter|ytd)\b/i;
const SCALE_WORDS = Object.keys(UNITS.scales).join("|");
const CURRENCY_AND_MEASURE_WORDS = UNITS.units.map((unit) => unit.pattern).join("|");
/** "(lbs)", "(mln euros)", "($ million)": a parenthesis that says what the cells are measured in. */
const UNIT_NOTE = new RegExp(
  `^(?:[$€£¥]\\s?)?(?:(?:${SCALE_WORDS})\\s*)?(?:${CURRENCY_AND_MEASURE_WORDS})?$`,
  "i",
);

export function cells(line: string): string[] {
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

/** "down 41.3%", "up 6 percent": a change written in words is a figure of its column too. */
const WORDED_CHANGE =
  /^(up|down|rose|fell|increased|decreased|dropped)\s+(?:by\s+)?(\d[\d,.]*\s*(?:%|percent))$/i;

function isFigureCell(cell: string): boolean {
  return (NUMERIC_CELL.test(cell) || WORDED_CHANGE.test(cell)) && !YEAR_CELL.test(cell);
}

/** A row of two or more cells naming columns: no cell is a figure (a year may head a column). */
export function isHeaderRow(line: string): boolean {
  const row = cells(line);
  return (
    line.includes("|") && row.length >= 2 && row.every((cell) => cell !== "" && !isFigureCell(cell))
  );
}

/** A row under a header of as many cells, with at least one figure. */
export function isBodyRow(line: string, width: number): boolean {
  const row = cells(line);
  return line.includes("|") && row.length === width && row.some(isFigureCell);
}

/** What a column's cells are: "FY 2026 fentanyl (lbs)" → 1,234 lbs of fentanyl in FY 2026. */
interface Column {
  name: string;
  unit: string | null;
  period: string | null;
}

export function readColumn(header: string): Column {
  let rest = header.trim();
  let unit: string | null = null;
  let note: string | null = null;
  const parenthesis = /\s*\(([^)]*)\)\s*$/.exec(rest);
  if (parenthesis) {
    const inside = (parenthesis[1] ?? "").trim();
    if (UNIT_NOTE.test(inside) && inside !== "") unit = inside;
    else if (MONTH_NOTE.test(inside)) note = inside;
    // "(provisional)", "(people)": an aside on the column, not what its cells count.
    rest = rest.slice(0, parenthesis.index);
  }
  let period: string | null = null;
  const year = YEAR.exec(rest);
  if (year && !BASELINE_BEFORE.test(rest.slice(0, year.index))) {
    period = note ? `${year[0]} (${note})` : year[0];
    rest = `${rest.slice(0, year.index)} ${rest.slice(year.index + year[0].length)}`;
  } else if (note) {
    rest = `${rest} (${note})`;
  }
  const name = rest
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/^(?:number|no\.|count|total) of\s+/, "");
  return { name, unit, period };
}

/** "Change in thefts" over "-9%": a signed change reads as the fall or rise it is. */
const CHANGE_COLUMN = /^(?:%\s*|percent(?:age)?\s+)?change\b\s*(.*)$/;
const SIGNED_PERCENT = /^([+\-−])\s*(\d[\d,.]*\s*%)$/;
const CURRENCY_CELL = /^[~≈]?\s*(?:[$€£¥₹₱]|[A-Z]{2,3}\$)/;

function cellPhrase(cell: string, column: Column, kind = ""): string {
  const change = CHANGE_COLUMN.exec(column.name);
  const signed = SIGNED_PERCENT.exec(cell);
  const worded = WORDED_CHANGE.exec(cell);
  let phrase: string;
  if (change && signed) {
    const direction = signed[1] === "+" ? "an increase" : "a decrease";
    phrase = `${direction} of ${signed[2]} ${change[1] ?? ""}`;
  } else if (worded) {
    // "down 41.3%" under "Change from prior year": a decrease of 41.3% from prior year.
    const direction = /^(?:up|rose|increased)$/i.test(worded[1] ?? "")
      ? "an increase"
      : "a decrease";
    phrase = `${direction} of ${worded[2]} ${change ? (change[1] ?? "") : column.name}`;
  } else if (CURRENCY_CELL.test(cell) && column.name) {
    // "$4 million in total awards", as prose writes it; a row's kind of award before its name.
    phrase = `${cell} in ${kind ? `${kind} ` : ""}${column.name}`;
  } else {
    const measured = column.unit ? `${cell} ${column.unit}${column.name ? " of" : ""}` : cell;
    phrase = `${measured} ${column.name}`;
  }
  phrase = phrase.replace(/\s+/g, " ").trim();
  return column.period ? `${phrase} in ${column.period}` : phrase;
}

interface TableRow {
  text: string;
  label: RowLabel | null;
}

/**
 * One body row as a sentence: "Oakfield: 1,234 cases solved; 12 kg of heroin." Cells are kept apart
 * by semicolons so no figure borrows its neighbour's verb. Under columns headed only by a period
 * ("| Seizures | 2025 | 2026 |"), the row's label says what its cells count.
 */
export function rowToText(headers: string[], row: string[]): TableRow {
  const labelIndex = row.findIndex((cell) => cell !== "" && !isFigureCell(cell));
  const label = labelIndex === -1 ? "" : (row[labelIndex] ?? "");
  const rowPeriod = YEAR_CELL.test(label) ? label : null;
  const columns = headers.map(readColumn);
  const periodOnly = columns.some(
    (column, i) => i !== labelIndex && column.name === "" && !column.unit,
  );
  const measure = periodOnly && !rowPeriod ? readColumn(label) : null;
  // "Ashford | Harbour Safety Grant | $40,000": a word cell besides the label says what kind of
  // sum the row's money is.
  const kind = row
    .filter((cell, i) => i !== labelIndex && cell !== "" && !isFigureCell(cell))
    .join(" ");
  const figures = row
    .map((cell, i) => {
      if (i === labelIndex || !isFigureCell(cell)) return null;
      const column = columns[i] ?? { name: "", unit: null, period: null };
      const read = measure && column.name === "" ? { ...measure, period: column.period } : column;
      return cellPhrase(cell, { ...read, period: read.period ?? rowPeriod }, kind);
    })
    .filter((part): part is string => part !== null);
  const labelHeader = (headers[labelIndex] ?? "").trim();
  if (figures.length === 0) return { text: row.filter(Boolean).join(", "), label: null };
  const lead = rowPeriod ? `In ${rowPeriod}` : measure ? labelHeader : label;
  const text = `${lead ? `${lead}: ` : ""}${figures.join("; ")}.`;
  return {
    text,
    label: measure || rowPeriod || !label ? null : { header: labelHeader, name: label },
  };
}

/** A Markdown table block as one paragraph of row sentences, and the labels of its rows. */
export function tableToText(lines: string[]): { text: string; labels: RowLabel[] } {
  const [header = "", , ...rows] = lines;
  const headers = cells(header);
  const read = rows.map((row) => rowToText(headers, cells(row)));
  return {
    text: read.map((row) => row.text).join(" "),
    labels: read.flatMap((row) => (row.label ? [row.label] : [])),
  };
}
