import { findPlacesInQuestion } from "../facts/places.js";
import type { Fact } from "../facts/schema.js";
import type { ReportIndex } from "./reportIndex.js";

const HEADLINE_COUNT = 10;

/** Every figure for one place, or with no place the national figures in report order (the headline). */
export function figuresFor(place: string | null, index: ReportIndex): Fact[] {
  if (place) {
    // A name the report files figures under is the place itself: "Georgia (US state)" is no typo.
    const known = index.retrieval.byPlace.has(place);
    const wanted = (known ? place : resolvePlace(place)).toLowerCase();
    // The place's own figures first, then those it shares with other places.
    return factsOfPlace(index, wanted).sort(
      (a, b) =>
        Number(a.places.length > 1) - Number(b.places.length > 1) || a.paragraph - b.paragraph,
    );
  }
  const seen = new Set<string>();
  const headline: Fact[] = [];
  for (const fact of index.table.facts) {
    if (headline.length === HEADLINE_COUNT) break;
    if (fact.scope !== "national" || fact.action === null) continue;
    const key = `${fact.value}|${fact.unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    headline.push(fact);
  }
  return headline;
}

const placesByLowerCase = new WeakMap<Map<string, number[]>, Map<string, string[]>>();

/** The facts about a place named in any case, in report order, from the place index. */
function factsOfPlace(index: ReportIndex, lowerCased: string): Fact[] {
  const { byPlace } = index.retrieval;
  let names = placesByLowerCase.get(byPlace);
  if (!names) {
    names = new Map();
    for (const place of byPlace.keys()) {
      const key = place.toLowerCase();
      names.set(key, [...(names.get(key) ?? []), place]);
    }
    placesByLowerCase.set(byPlace, names);
  }
  const ids = new Set((names.get(lowerCased) ?? []).flatMap((place) => byPlace.get(place) ?? []));
  return [...ids].sort((a, b) => a - b).flatMap((id) => index.table.facts[id] ?? []);
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
