import type { Fact, FactTable } from "../facts/schema.js";

const COLUMNS: [string, (fact: Fact) => string | number | null][] = [
  ["id", (f) => f.id],
  ["paragraph", (f) => f.paragraph],
  ["sentence", (f) => f.sentence],
  ["value", (f) => f.value],
  ["unit", (f) => f.unit],
  ["base_value", (f) => f.base?.value ?? null],
  ["base_unit", (f) => f.base?.unit ?? null],
  ["text", (f) => f.text],
  ["qualifier", (f) => f.qualifier],
  ["subject", (f) => f.subject],
  ["action", (f) => f.action],
  ["places", (f) => f.places.join("; ")],
  ["scope", (f) => f.scope],
  ["section", (f) => f.section?.title ?? null],
  ["quote", (f) => f.quote],
];

/** RFC 4180 quoting; text a spreadsheet would run as a formula ("=…", "+…") is kept as text. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The fact table as CSV, one row per figure, for checking in a spreadsheet. */
export function factTableCsv(table: FactTable): string {
  const header = COLUMNS.map(([name]) => name).join(",");
  const rows = table.facts.map((fact) => COLUMNS.map(([, read]) => cell(read(fact))).join(","));
  return `${[header, ...rows].join("\r\n")}\r\n`;
}
