import type { APIEmbedField } from "discord.js";
import type { Fact } from "../facts/schema.js";
import { fitField } from "./embedLimits.js";

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** Lowercase unit symbols; codes with capitals (USD, L, mL) are symbols too. Other units are count nouns. */
const symbolUnits = new Set([
  "t",
  "kg",
  "g",
  "mg",
  "lb",
  "oz",
  "gal",
  "ha",
  "km2",
  "km",
  "mi",
  "m",
]);

function plural(noun: string): string {
  if (noun === "person") return "people";
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function unitLabel(unit: string, value: number): string {
  if (unit === "percent") return "%";
  if (symbolUnits.has(unit) || unit !== unit.toLowerCase() || value === 1) return unit;
  return plural(unit);
}

/** "4.2 t", "1,320 cases", "more than 2,000 people". */
export function formatFigure(fact: Fact): string {
  const number = numberFormat.format(fact.value);
  const unit = fact.unit === null ? "" : unitLabel(fact.unit, fact.value);
  const figure = unit === "%" ? `${number}%` : `${number} ${unit}`.trim();
  return fact.qualifier ? `${fact.qualifier} ${figure}` : figure;
}

function whereLabel(fact: Fact): string {
  if (fact.places.length > 0) return fact.places.join(", ");
  return fact.scope === "national" ? "nationwide" : "";
}

/** What the figure counts and where: "drug crime cases · nationwide". */
export function aboutLabel(fact: Fact): string {
  return [fact.subject, whereLabel(fact)].filter((part) => part.length > 0).join(" · ") || "—";
}

/** One fact as an embed field: figure and ¶N in the name, what it counts and the quoted sentence below. */
export function factField(fact: Fact): APIEmbedField {
  return fitField(
    `${formatFigure(fact)} · ¶${fact.paragraph}`,
    `${aboutLabel(fact)}\n> ${fact.quote}`,
  );
}
