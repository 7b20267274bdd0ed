import { findPlacesInQuestion } from "../facts/places.js";
import type { Fact } from "../facts/schema.js";
import type { ReportIndex } from "./reportIndex.js";

const HEADLINE_COUNT = 10;

/** Every figure for one place, or with no place the national figures in report order (the headline). */
export function figuresFor(place: string | null, index: ReportIndex): Fact[] {
  if (place) {
    const wanted = resolvePlace(place).toLowerCase();
    // The place's own figures first, then those it shares with other places.
    return index.table.facts
      .filter((fact) => fact.places.some((p) => p.toLowerCase() === wanted))
      .sort(
        (a, b) =>
          Number(a.places.length > 1) - Number(b.places.length > 1) || a.paragraph - b.paragraph,
      );
  }
  const seen = new Set<string>();
  return index.table.facts
    .filter((fact) => fact.scope === "national" && fact.action !== null)
    .filter((fact) => {
      const key = `${fact.value}|${fact.unit}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, HEADLINE_COUNT);
}

/** "oakfeild" → "Oakfield": the same typo-tolerant matching questions get. */
function resolvePlace(typed: string): string {
  return findPlacesInQuestion(typed)[0]?.place.name ?? typed;
}

/** Places that have at least one figure, most figures first. */
export function placesWithFigures(index: ReportIndex): string[] {
  const counts = new Map<string, number>();
  for (const fact of index.table.facts)
    for (const place of fact.places) counts.set(place, (counts.get(place) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([place]) => place);
}
