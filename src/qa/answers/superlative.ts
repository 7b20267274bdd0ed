import { placeByName } from "../../facts/places.js";
import { isAge, personAged } from "../../facts/readers/age.js";
import type { Fact } from "../../facts/schema.js";
import { GRAMMAR } from "../../lexicon/language.js";
import { UNITS } from "../../lexicon/units.js";
import { contestMarkdown, uniqueParagraphs } from "../compose.js";
import { type HeadCount, preparedOf } from "../prepared.js";
import { rankFacts, type ScoredFact, STEERING } from "../rank.js";
import type { ReportIndex } from "../reportIndex.js";
import type { Answer, Contest } from "../schema.js";
import { namesAKindOfPlace, type Query, rankedWords, ranksLabels } from "../understand.js";
import { concept, conceptsOf } from "../vocabulary.js";
import type { Weights } from "../weights.js";
import type { AnswerContext } from "./context.js";
import { figureAnswer } from "./figure.js";
import { asksChangeOrShare, isChange, ofKindAsked } from "./fit.js";
import { daysIn, holdersOf } from "./holders.js";
import { sentenceAnswer } from "./sentence.js";

export interface PlaceFigure {
  place: string;
  fact: Fact;
}

/** "USD", "EUR": a sum of money's unit. */
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Places or things listed under the leader: a podium, not every figure (that is /figures). */
const PODIUM_SHOWN = 5;

const ACTION_WORDS = new Set(["seize", "arrest", "crack", "destroy", "investigate"].map(concept));

/** "Which region / province / state": federal units go by different names in different countries. */
const SUBNATIONAL = new Set(["province", "state"]);

/** A figure's size to rank by: in base units, a span of time in days ("37 months", "14 years"). */
function comparable(fact: Fact): number {
  return fact.base?.value ?? daysIn(fact) ?? fact.value;
}

/**
 * The one place of the wanted kind a fact is about: a city and its country count as the country
 * when countries are ranked; two places of that kind make it a shared figure, which is left out.
 */
function placeOfKind(fact: Fact, wanted: string | null, home: ReadonlySet<string>): string | null {
  if (!wanted || wanted === "any") return mostSpecific(fact.places);
  const candidates = new Set<string>();
  for (const name of fact.places) {
    const place = placeByName(name);
    if (!place) continue;
    if (place.kind === wanted || (SUBNATIONAL.has(wanted) && SUBNATIONAL.has(place.kind))) {
      candidates.add(place.name);
    } else if (wanted === "country" && !home.has(place.country)) {
      // A US report's Florida figure is the home country's own, not one of the countries ranked.
      candidates.add(place.country);
    }
  }
  return candidates.size === 1 ? ([...candidates][0] ?? null) : null;
}

/** "San Ysidro, California": the city; a figure shared by two cities or two states has no one place. */
function mostSpecific(places: string[]): string | null {
  if (places.length === 1) return places[0] ?? null;
  for (const kind of ["city", "state", "province", "country"]) {
    const ofKind = places.filter((name) => placeByName(name)?.kind === kind);
    if (ofKind.length === 1) return ofKind[0] ?? null;
    if (ofKind.length > 1) return null;
  }
  return null;
}

/**
 * One best figure per thing (`keyOf`, null to leave a figure out), in the leader's family of units
 * and within the margin of its score, ordered for the superlative asked.
 */
function podium(
  ranked: ScoredFact[],
  query: Query,
  weights: Weights,
  keyOf: (fact: Fact) => string | null,
): PlaceFigure[] {
  const lead = ranked.find((scored) => keyOf(scored.fact) !== null);
  if (!lead) return [];
  const span = daysIn(lead.fact) !== null;
  const sameFamily = (fact: Fact) =>
    lead.fact.base
      ? fact.base !== null
      : span
        ? daysIn(fact) !== null
        : fact.unit === lead.fact.unit;
  const best = new Map<string, Fact>();
  const scores = new Map<Fact, number>();
  for (const { fact, score } of ranked) {
    const key = keyOf(fact);
    if (!key || !sameFamily(fact) || score < lead.score - weights.superlativeMargin) continue;
    // Ranked best first: a thing's figure is its best-fitting one ("3 homicides in 2025" over "5
    // in 2024" to "… in 2025"), the larger of two that fit alike.
    const current = best.get(key);
    const currentScore = current ? (scores.get(current) ?? 0) : 0;
    if (!current || (score === currentScore && comparable(fact) > comparable(current))) {
      best.set(key, fact);
      scores.set(fact, score);
    }
  }
  const direction = query.op === "min" ? 1 : -1;
  return [...best.entries()]
    .map(([place, fact]) => ({ place, fact }))
    .sort((a, b) => direction * (comparable(a.fact) - comparable(b.fact)));
}

/**
 * The head noun the report's figures for the question's action ("seized") most often count; of two
 * counted as often, the one the report meets first. Read from the counts made with the index.
 */
function mostDoneTo(query: Query, index: ReportIndex): string[] {
  const actions = new Set(query.measure.concepts.filter((c) => ACTION_WORDS.has(c)));
  if (actions.size === 0) return [];
  const { headsByAction } = preparedOf(index);
  const heads = new Map<string, HeadCount>();
  for (const action of actions)
    for (const [head, { count, first }] of headsByAction.get(action) ?? []) {
      const known = heads.get(head);
      heads.set(
        head,
        known
          ? { count: known.count + count, first: Math.min(known.first, first) }
          : { count, first },
      );
    }
  const [top] = [...heads].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  return top ? [top[0]] : [];
}

/**
 * Places ranked by their figure for what the question asks about ("which province seized the most drugs"),
 * one best-matching figure per place, compared in base units.
 */
export function rankPlaces(query: Query, { index, weights }: AnswerContext): PlaceFigure[] {
  const { counted } = preparedOf(index);
  const kindWords = new Set(conceptsOf(rankedKindWords(query.cleaned)));
  const named = query.measure.concepts.filter(
    // "Which force made the most arrests": the kind of place ranked is not what is counted.
    (c) => !ACTION_WORDS.has(c) && !STEERING.has(c) && !kindWords.has(c) && counted.has(c),
  );
  // "Which province seized the most?": with nothing but the action, what the report most often
  // says is seized.
  const onlyAction = query.measure.concepts.every(
    (c) => ACTION_WORDS.has(c) || STEERING.has(c) || kindWords.has(c),
  );
  const subjectConcepts = onlyAction ? mostDoneTo(query, index) : named;
  const retrieved = rankFacts(query, index, [], weights).filter((scored) => scored.score > 0);
  // "Which county gets the biggest grant": money asked is counted by every sum of money, whatever
  // its sentence makes its subject ("Franklin County will receive the largest award, $410,000").
  const moneyAsked = query.measure.expected.kind === "currency";
  const strict = retrieved.filter(
    (scored) =>
      subjectConcepts.length === 0 ||
      (moneyAsked && CURRENCY_CODE.test(scored.fact.unit ?? "")) ||
      subjectConcepts.some((c) => {
        const { doc } = scored;
        // "the biggest part of the haul, with 12.4 tonnes": the substance is named nearby.
        return doc?.heads.has(c) || (doc?.near.has(c) && doc.heads.has(concept("seizure")));
      }),
  );
  // "The most homicides" where the report counts "812 victims": when no figure counts the noun
  // asked, the figures the question's words retrieve are ranked as they are.
  // With no change nor share asked, places rank by their counts, not by the percentage a headline
  // says one changed by ("homicides fell 14.3% in Westland"): a count retrieved beats it.
  const levels = (list: ScoredFact[]) =>
    asksChangeOrShare(query)
      ? list
      : list.filter((scored) => scored.fact.unit !== "percent" && !isChange(scored));
  let ranked =
    [levels(strict), levels(retrieved), strict].find((list) => list.length > 0) ?? retrieved;
  // "Which state had the biggest drop": the figures of a change in the direction asked, told by
  // their own words ("a decrease of 41.3%", "down 30 percent"), whatever they say it is of; a
  // rise is no drop.
  // The change must be of what is asked: "auto thefts fell 36 percent" is no drop in homicides.
  const changes = changesAsked(query, retrieved).filter(({ doc }) =>
    subjectConcepts.every((c) => doc.core.has(c) || doc.near.has(c)),
  );
  if (changes.length > 0) ranked = changes;
  // "Results by force:" then its rows: where a list's lead-in names the kind asked, its rows are
  // the things ranked, not the rows of the report's other lists nor its other figures.
  const inNamedList = ranked.filter(
    ({ fact }) => rowLabel(fact, query, index) !== null && leadInNames(fact, kindWords, index),
  );
  if (inNamedList.length > 0) ranked = inNamedList;
  const place = (fact: Fact) =>
    // The report's own country or province is the whole being ranked, not one of its places.
    fact.places.some((name) => !index.home.has(name))
      ? placeOfKind(fact, query.rankedPlaceKind, index.home)
      : null;
  const label = (fact: Fact) => rowLabel(fact, query, index);
  // "Which year had the most arrests?" of "41 arrests in 2031, 57 in 2032": each figure's own period.
  if ([...kindWords].some((c) => PERIOD_KINDS.has(c))) {
    const byPeriod = podium(ranked, query, weights, (fact) => fact.period);
    if (byPeriod.length > 1) return byPeriod;
  }
  // "Which kind of case": a kind is a row's label, never a place that happens to have the most.
  if (ranksLabels(rankedKindWords(query.cleaned))) return podium(ranked, query, weights, label);
  // "Which force": a kind that is no kind of place ranks list rows by their labels first
  // ("Harbour Police (Eastport): 312 arrests"); "which region", with no figure for one, by the
  // labels of the rows ("Africa: 812 arrests").
  const found =
    query.rankedPlaceKind === "any"
      ? podium(ranked, query, weights, (fact) => label(fact) ?? place(fact))
      : orElse(podium(ranked, query, weights, place), () => podium(ranked, query, weights, label));
  // "Which county gets the biggest grant?" of "$4.2 million in grants to 23 counties. Ashford
  // County will receive the largest award, $410,000, …": no figure counting the thing asked is a
  // place's, so the places' figures the question's words retrieve are ranked instead.
  return orElse(found, () => podium(levels(retrieved), query, weights, place));
}

function orElse(found: PlaceFigure[], next: () => PlaceFigure[]): PlaceFigure[] {
  return found.length > 0 ? found : next();
}

/** The directions of change a question can ask for, as concepts. */
const DIRECTIONS: ReadonlySet<string> = new Set(["increase", "decrease"].map(concept));

/** The percentages of a change in the direction the question asks ("biggest drop"), if it asks one. */
function changesAsked(query: Query, retrieved: ScoredFact[]): ScoredFact[] {
  if (query.measure.expected.kind !== "percent") return [];
  const asked = query.measure.concepts.filter((c) => DIRECTIONS.has(c));
  if (asked.length !== 1) return [];
  const [direction = ""] = asked;
  return retrieved.filter(
    ({ fact, doc }) =>
      fact.unit === "percent" &&
      ((fact.action !== null && concept(fact.action) === direction) ||
        doc.leadVerbs.includes(direction) ||
        doc.core.has(direction)),
  );
}

/** "which year", "which month": the figures ranked are told apart by their periods. */
const PERIOD_KINDS: ReadonlySet<string> = new Set(["year", "month", "quarter"].map(concept));

/** Whether the paragraph leading a figure's list of labelled rows names the kind asked. */
function leadInNames(fact: Fact, kindWords: Set<string>, index: ReportIndex): boolean {
  let n = fact.paragraph - 1;
  while (n > 0 && ROW_LABEL.test(index.report.paragraphs[n - 1]?.text ?? "")) n--;
  const lead = index.report.paragraphs[n - 1]?.text ?? "";
  return conceptsOf(lead).some((c) => kindWords.has(c));
}

/**
 * "which force made", "which field office": the words naming the kind of thing ranked, the word
 * after "which" and, when that is no kind of place, a kind of place after it.
 */
function rankedKindWords(cleaned: string): string {
  const [, first = "", second = ""] = rankedWords(cleaned.toLowerCase()) ?? [];
  return !namesAKindOfPlace(first) && namesAKindOfPlace(second) ? `${first} ${second}` : first;
}

/**
 * "Northern Region (Ashby): 812 arrests", "25 to 34: 301 deaths", "2031: 41 cases": the label a
 * list row opens on, before its colon.
 */
export const ROW_LABEL = /^\s*([\p{Lu}\d][\p{L}\d'’. -]{1,48}?)\s*(?:\([^)]*\))?:\s/u;
const WHOLE_LABELS: ReadonlySet<string> = new Set(GRAMMAR.wholeLabels);

/**
 * The label of the list row a figure stands in, unless it names the whole ("Total") or what the
 * question counts: a paragraph opening on a label beside another that does, not a headline's
 * "Operation Sandpiper: 40 held".
 */
function rowLabel(fact: Fact, query: Query, index: ReportIndex): string | null {
  const labelOf = (n: number) =>
    ROW_LABEL.exec(index.report.paragraphs[n - 1]?.text ?? "")?.[1]?.trim() ?? null;
  const label = labelOf(fact.paragraph);
  if (!label || WHOLE_LABELS.has(label.toLowerCase())) return null;
  // "Heroin: 412 kg" to "which state seized the most heroin": the row names what is counted.
  if (conceptsOf(label).every((c) => query.measure.concepts.includes(c))) return null;
  return labelOf(fact.paragraph - 1) || labelOf(fact.paragraph + 1) ? label : null;
}

/**
 * Things of the kind asked about ("which drug was seized most") ranked by their figure: the facts
 * whose head noun is that kind, one per thing counted, compared in base units.
 */
export function rankThings(query: Query, { index, weights }: AnswerContext): PlaceFigure[] {
  const kind = concept(query.rankedThing ?? "");
  const retrieved = rankFacts(query, index, [], weights);
  const all = retrieved.filter((scored) => scored.score > 0);
  // "Which cutter seized the most cocaine": the cutters are named beside their figures ("the
  // cutter Stratton … 57,900 pounds"), and a count of cutters ("seven cutters") names none.
  const [, , next] = rankedWords(query.cleaned.toLowerCase()) ?? [];
  const holders = holdersOf(query.rankedThing ?? "", next, index);
  // "The shortest sentence": asked for a span of time, every span ranks ("37 months", "14 years").
  const spans = UNITS.durationDays[query.measure.expected.unit ?? ""] !== undefined;
  // A span's words are the question's ("the shortest sentence") only in part: every retrieved
  // figure of the kind asked with a holder ranks, within the podium's margin of the leader.
  const asked = (spans ? retrieved : all).filter(
    (scored) =>
      ofKindAsked(query, scored.fact) &&
      !isAge(scored.fact) &&
      (!spans || daysIn(scored.fact) !== null),
  );
  const named = podium(asked, query, weights, (fact) => holders.of(fact));
  if (named.length > 1) return named;
  const ranked = all.filter((scored) => scored.doc.heads.has(kind) || scored.doc.core.has(kind));
  const counted = podium(ranked, query, weights, (fact) => fact.subject.toLowerCase());
  return counted.length > 0 ? counted : named;
}

/** "Who is the oldest defendant?": the people the report gives ages, ranked by age. */
function rankByAge(query: Query, { index }: AnswerContext): PlaceFigure[] {
  // One entry per person and age: a person whose age the report repeats is ranked once.
  const ages = new Map<string, PlaceFigure>();
  for (const { fact } of index.factDocs) {
    const person = personAged(fact);
    const key = `${person}\u0000${fact.value}`;
    if (person && !ages.has(key)) ages.set(key, { place: person, fact });
  }
  const direction = query.op === "min" ? 1 : -1;
  return [...ages.values()].sort((a, b) => direction * (a.fact.value - b.fact.value));
}

/** "Which province seized the most?", "which drug?": the leader, then the podium. */
export function superlativeAnswer(query: Query, ctx: AnswerContext): Answer {
  const podium =
    query.rankedThing === "age"
      ? rankByAge(query, ctx)
      : query.rankedThing
        ? rankThings(query, ctx)
        : rankPlaces(query, ctx);
  const [top] = podium;
  if (!top) {
    return query.rankedThing
      ? sentenceAnswer({ ...query, op: "lookup" }, ctx)
      : figureAnswer({ ...query, op: "lookup" }, ctx);
  }
  const [, second] = podium;
  // Two things level at the top (one figure shared by both) leave the question without a winner.
  const level = second !== undefined && comparable(second.fact) === comparable(top.fact);
  const contest: Contest = {
    kind: "superlative",
    winner: level ? null : top.place,
    level,
    options: podium
      .slice(0, PODIUM_SHOWN)
      .map((entry) => ({ name: entry.place, fact: entry.fact })),
  };
  return {
    question: query.question,
    status: "answered",
    // The leader leads the text in bold even when level, as it always has (the --json contract).
    text: contestMarkdown(contest, top.place),
    citations: uniqueParagraphs(podium.map((entry) => entry.fact)),
    facts: podium.map((entry) => entry.fact),
    confidence: podium.length > 1 ? 0.8 : 0.6,
    suggestions: [],
    contest,
  };
}
