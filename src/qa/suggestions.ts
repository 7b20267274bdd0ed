import type { Fact } from "../facts/schema.js";
import { pastParticiple } from "./phrasing.js";

const MAX_SUGGESTION_LENGTH = 100;
/**
 * Questions kept of each kind (figures, places), the first ones: more than any report of the genre
 * yields (a few dozen in all), so only a very large report is cut, where every unanswered question
 * would otherwise search thousands.
 */
export const MAX_SUGGESTIONS = 64;
const MASS_WORDS = new Map<string, string>(
  Object.entries({ t: "tons", kg: "kilograms", lb: "pounds", g: "grams" }),
);

function questionFor(fact: Fact): string | null {
  const verb = pastParticiple(fact.action);
  if (!verb || !fact.subject) return null;
  const where = fact.scope === "local" && fact.places.length === 1 ? ` in ${fact.places[0]}` : "";
  const massWord = fact.unit ? MASS_WORDS.get(fact.unit) : undefined;
  if (massWord) return `How many ${massWord} of ${fact.subject} were ${verb}${where}?`;
  if (fact.unit && /^[A-Z]{3}$/.test(fact.unit))
    return `How much ${fact.subject} was ${verb}${where}?`;
  if (fact.unit === "percent") return null;
  return `How many ${fact.subject} were ${verb}${where}?`;
}

/** Questions the report can answer, national figures first, then places. */
export function suggestionsFor(facts: Fact[]): string[] {
  const ordered = [...facts].sort(
    (a, b) => Number(a.scope === "local") - Number(b.scope === "local"),
  );
  const fromFacts = ordered.map(questionFor).filter((q): q is string => q !== null);
  // Local figures only: "What are China's figures?" in a Chinese report is just the national list.
  const places = [
    ...new Set(
      facts.filter((f) => f.places.length === 1 && f.scope === "local").flatMap((f) => f.places),
    ),
  ];
  const placeQuestions = places.map((place) => `What are ${place}'s figures?`);
  const kept = (questions: string[]) =>
    [...new Set(questions)]
      .filter((q) => q.length <= MAX_SUGGESTION_LENGTH)
      .slice(0, MAX_SUGGESTIONS);
  return [
    ...new Set([...kept(fromFacts), ...superlativeQuestions(facts), ...kept(placeQuestions)]),
  ].filter((q) => q.length <= MAX_SUGGESTION_LENGTH);
}

/** "Which province seized the most drugs?" when several places report seizures by weight. */
function superlativeQuestions(facts: Fact[]): string[] {
  const local = facts.filter((f) => f.base && f.action === "seize" && f.places.length === 1);
  if (new Set(local.flatMap((f) => f.places)).size < 2) return [];
  const counts = new Map<string, number>();
  for (const fact of local) counts.set(fact.subject, (counts.get(fact.subject) ?? 0) + 1);
  const subject = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return subject ? [`Where were the most ${subject} seized?`] : [];
}
