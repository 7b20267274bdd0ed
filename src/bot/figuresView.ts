import { figuresFor, placesWithFigures } from "../qa/figures.js";
import type { ReportIndex } from "../qa/reportIndex.js";
import { rankNames } from "./choices.js";
import { escapeText } from "./escape.js";
import type { RenderedMessage } from "./render.js";
import { renderFigures } from "./renderViews.js";

/** Places with at least one figure that is theirs alone, not shared with other places. */
export function placesWithOwnFigures(index: ReportIndex): string[] {
  const own = new Set(
    index.table.facts.filter((fact) => fact.places.length === 1).map((fact) => fact.places[0]),
  );
  return placesWithFigures(index).filter((place) => own.has(place));
}

/** /figures and its page buttons: the figures view, or a notice saying why there is none. */
export function figuresView(
  place: string | null,
  index: ReportIndex,
  page = 0,
): { view: RenderedMessage } | { notice: string } {
  const facts = figuresFor(place, index);
  if (facts.length > 0) return { view: renderFigures(place, facts, index.meta, page) };
  const places = placesWithOwnFigures(index);
  const closest = place ? rankNames(place, places).slice(0, 3) : [];
  const hint =
    closest.length > 0
      ? `Did you mean ${closest.join(", ")}?`
      : `Places with figures of their own: ${places.slice(0, 10).join(", ") || "none"}.`;
  const where = place ? `for “${escapeText(place)}”` : "at national level";
  return { notice: `The report gives no figures ${where}. ${escapeText(hint)}` };
}
