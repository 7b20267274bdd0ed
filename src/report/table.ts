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

/** "Heroin (kg)" → "kg of heroin"; "Officers injured" stays as it is. */
function headerPhrase(header: string): string {
  const unit = /\(([^)]+)\)\s*$/.exec(header)?.[1];
  const name = header
    .replace(/\s*\([^)]*\)\s*$/, "")
    .toLowerCase()
    .replace(/^(?:number|no\.|count|total) of\s+/, "");
  return unit ? `${unit} of ${name}` : name;
}

/**
 * "| Province | Cases solved | Heroin (kg) |" rows become "Oakfield: 1,234 cases solved; 12 kg of heroin."
 * Cells are kept apart by semicolons so no figure borrows its neighbour's verb.
 */
export function tableToText(lines: string[]): string {
  const [header = "", , ...rows] = lines;
  const headers = cells(header);
  return rows
    .map(cells)
    .map((row) => {
      const labelIndex = row.findIndex((cell) => cell !== "" && !NUMERIC_CELL.test(cell));
      const label = labelIndex === -1 ? "" : (row[labelIndex] ?? "");
      const figures = row
        .map((cell, i) =>
          i !== labelIndex && NUMERIC_CELL.test(cell)
            ? `${cell} ${headerPhrase(headers[i] ?? "")}`.trim()
            : null,
        )
        .filter((part): part is string => part !== null);
      if (figures.length === 0) return row.filter(Boolean).join(", ");
      return `${label ? `${label}: ` : ""}${figures.join("; ")}.`;
    })
    .join(" ");
}
