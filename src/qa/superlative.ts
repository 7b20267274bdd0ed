import { placeByName } from "../facts/places.js";
import type { Fact } from "../facts/schema.js";
import { rankFacts } from "./rank.js";
import type { ReportIndex } from "./reportIndex.js";
import type { Query } from "./understand.js";

export interface PlaceFigure {
  place: string;
  fact: Fact;
}

function comparable(fact: Fact): number {
  return fact.base?.value ?? fact.value;
}

function kindMatches(place: string, wanted: string | null): boolean {
  if (!wanted || wanted === "any") return true;
  return placeByName(place)?.kind === wanted;
}

/**
 * Places ranked by their figure for what the question asks about ("which province seized the most drugs"),
 * one best-matching figure per place, compared in base units.
 */
export function rankPlaces(query: Query, index: ReportIndex): PlaceFigure[] {
  const ranked = rankFacts({ ...query, places: [] }, index).filter(
    (scored) => scored.coreHits > 0 && scored.fact.places.length === 1 && scored.score > 0,
  );
  const lead = ranked[0];
  if (!lead) return [];
  const sameFamily = (fact: Fact) =>
    lead.fact.base ? fact.base !== null : fact.unit === lead.fact.unit;
  const bestPerPlace = new Map<string, Fact>();
  for (const { fact, score } of ranked) {
    const place = fact.places[0] ?? "";
    if (!sameFamily(fact) || !kindMatches(place, query.rankedPlaceKind) || score < lead.score - 4)
      continue;
    const current = bestPerPlace.get(place);
    if (!current || comparable(fact) > comparable(current)) bestPerPlace.set(place, fact);
  }
  const direction = query.superlative === "min" ? 1 : -1;
  return [...bestPerPlace.entries()]
    .map(([place, fact]) => ({ place, fact }))
    .sort((a, b) => direction * (comparable(a.fact) - comparable(b.fact)));
}
