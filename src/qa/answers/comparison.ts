import { yearsIn } from "../../facts/dates.js";
import { labelOf } from "../../facts/factPlaces.js";
import { actionLemma } from "../../facts/lexicon.js";
import { localPlacesInQuestion } from "../../facts/localPlaces.js";
import { findPlacesInQuestion } from "../../facts/places.js";
import { isAge } from "../../facts/readers/age.js";
import type { Fact } from "../../facts/schema.js";
import { UNITS } from "../../lexicon/units.js";
import { words } from "../../text/tokenize.js";
import { contestMarkdown, uniqueParagraphs } from "../compose.js";
import { mentions } from "../names.js";
import { preparedOf, statementKey } from "../prepared.js";
import { exampleOnlyConcepts, rankFacts, type ScoredFact, statedRate } from "../rank.js";
import type { ReportIndex } from "../reportIndex.js";
import type { Answer, Contest } from "../schema.js";
import { namesAKindOfPlace, type Query } from "../understand.js";
import { conceptsOf } from "../vocabulary.js";
import { claimant, distinctSpellings } from "./claims.js";
import type { AnswerContext } from "./context.js";
import { confidenceOf, isUsable, noFigure } from "./figure.js";
import { canAnswer, moneyAsked, ofKindAsked } from "./fit.js";
import { daysIn, holdersOf } from "./holders.js";
import { parallel } from "./parallel.js";

/** "Which got less", "the smaller": the contest is won by the lowest figure. */
const WANTS_LOWEST =
  /\b(?:less|least|fewer|fewest|smaller|smallest|lower|lowest|shorter|shortest)\b/i;
/** A contest that wants a winner named, not two figures set side by side. */
const ASKS_WINNER =
  /\b(?:which|who|whose|what)\b|\b(?:more|most|bigger|biggest|larger|largest|higher|highest|greater|greatest|steepest|longer|longest|less|least|fewer|fewest|smaller|smallest|lower|lowest|shorter|shortest)\b/i;
/** "Who is older": an age ("Dana Reyes, 41") is a side's figure only when age is asked. */
const ASKS_AGE = /\b(?:old|older|oldest|younger|youngest|age|ages|aged)\b/i;
/** Below this share of an option's words beside a figure, the figure is about something else. */
const MIN_OPTION_COVERAGE = 0.6;

interface Side {
  name: string;
  best: ScoredFact | undefined;
}

/** A side's size: in base units, a span of time in days ("210 months" against "17 years"). */
function size(fact: Fact): number {
  return Math.abs(fact.base?.value ?? daysIn(fact) ?? fact.value);
}

/** The best figure for one option: the question's measure, with the option's words beside it. */
function bestForOption(
  option: string,
  query: Query,
  ctx: AnswerContext,
  taken: ReadonlySet<Fact>,
  claims: Claims,
  asWritten: string = option,
): ScoredFact | undefined {
  const { mine, owns } = claims;
  // "the crime cost or the healthcare cost": what every option shares ("cost") is the measure, and
  // a word the report never uses ("the healthcare side") can stand beside no figure.
  const inEvery = (c: string) =>
    query.filters.entities.every((other) => conceptsOf(other).includes(c));
  // A place an option names is its filter, not words its figure must stand beside.
  const placeWords = new Set(
    query.filters.placeWords.flatMap((word) => conceptsOf(word)).filter((c) => !inEvery(c)),
  );
  const written = conceptsOf(option).filter((c) => !placeWords.has(c) && yearsIn(c).length === 0);
  const telling = written.filter((c) => !inEvery(c) && ctx.index.vocabulary.has(c));
  const own = new Set(telling.length > 0 ? telling : written);
  const others = new Set(query.filters.entities.flatMap((other) => conceptsOf(other)));
  const shared = query.measure.concepts.filter((c) => !others.has(c));
  // "in 2015 or 2023": an option that is a year is the period its side's figure is for.
  const years = yearsIn(option);
  const asked: Query = {
    ...query,
    op: "lookup",
    measure: { ...query.measure, concepts: [...own, ...shared], target: null },
    filters: years.length > 0 ? { ...query.filters, period: { years } } : query.filters,
  };
  const besideShare = (scored: ScoredFact, inSentence: boolean) => {
    const { doc } = scored;
    // "other costs such as fuel and rent" names fuel as an example of what it counts, not its own.
    const examples = exampleOnlyConcepts(doc);
    const beside = [...own].filter(
      (c) =>
        doc.core.has(c) ||
        (!examples.has(c) && (doc.near.has(c) || (inSentence && doc.context.has(c)))),
    );
    return own.size === 0 ? 1 : beside.length / own.size;
  };
  const share = (scored: ScoredFact, inSentence: boolean) =>
    besideShare(scored, inSentence) >= MIN_OPTION_COVERAGE;
  // "were more people arrested in A or B": a figure that counts what is asked (people, arrests)
  // with the option beside it, else in its sentence, beats one that only shares the option's words.
  // "which got more money", "who got the longer sentence": a sum of money, a span of time counts
  // what is asked, whatever the report calls it.
  const spanAsked = UNITS.durationDays[query.measure.expected.unit ?? ""] !== undefined;
  // "which seized more drugs": "launched 21 drug target cases" names drugs, but not as the deed asked.
  const deeds = deedsAsked(query);
  const ofDeed = ({ fact }: ScoredFact) =>
    deeds.size === 0 || fact.action === null || deeds.has(fact.action);
  const counts = (scored: ScoredFact) =>
    (ofDeed(scored) && shared.some((c) => scored.doc.core.has(c))) ||
    moneyAsked(query, scored.fact) ||
    (spanAsked && daysIn(scored.fact) !== null);
  // Like is set beside like: with no rate asked, a total ("$40 million") beats a figure stated per
  // something ("$900 for each family") that fits the option as well.
  const likeAsked = (scored: ScoredFact) =>
    (statedRate(scored.doc) === null) === !query.measure.per;
  const places = optionPlaces(option, query, ctx.index);
  const ranked = rankFacts(asked, ctx.index, places, ctx.weights).filter(
    (scored) => !taken.has(scored.fact) && mine(scored.fact),
  );
  const fits = [
    (scored: ScoredFact) => share(scored, false) && counts(scored),
    (scored: ScoredFact) => share(scored, true) && counts(scored),
    (scored: ScoredFact) => share(scored, false),
  ];
  // "the drug-making crackdown" names a whole effort, no place: a figure for all of it ("a total
  // of 447 kg") stands for it before one local case within it ("police in Eastport seized 1.8 t").
  // Only a figure counting what is asked: a national count of cases is no weight seized.
  const wholeFirst = (candidates: ScoredFact[]): [ScoredFact[], typeof fits][] => {
    const whole = candidates.filter((scored) => scored.fact.scope === "national");
    return places.length === 0
      ? [
          [whole, fits.slice(0, 2)],
          [candidates, fits],
        ]
      : [[candidates, fits]];
  };
  // In English what is said of a count follows it ("N people were sent to isolation").
  const saidAfter = (scored: ScoredFact) => {
    const after = conceptsOf(textAfter(scored.fact, scored.doc.nearText));
    return [...own].filter((c) => after.includes(c)).length / Math.max(1, own.size);
  };
  // A side takes only a figure of the kind asked ("how many kilograms" is never money); a side
  // asked of a year only a figure for that year (and the other rule-outs of fit.ts).
  const usable = ranked.filter(
    (scored) =>
      isUsable(scored, ctx.weights) &&
      (!isAge(scored.fact) || ASKS_AGE.test(query.cleaned)) &&
      ofKindAsked(asked, scored.fact) &&
      (years.length === 0 || canAnswer(asked, scored, ctx.index)),
  );
  // "who got the longer sentence, Reyes or Pike": the term the sentence gives the person named,
  // across their age and a date ("Dana Reyes, 41, of Eastport, was sentenced in May to 37 months").
  const held = spanAsked ? termHeldBy(asWritten, ranked, asked, ctx.index) : undefined;
  if (held) {
    claims.stated.add(held);
    return held;
  }
  const alike = usable.filter(likeAsked);
  const counted = (scored: ScoredFact) => asCounted(query, scored);
  const gap = (scored: ScoredFact) => namedBefore(asWritten, scored.fact, ctx.index);
  // The best ranked; of figures ranked alike (a list's rows "- Eastport filed 12 cases worth
  // $3 million"), the one the option's name stands nearest before.
  for (const candidates of [alike.filter(counted), alike, usable.filter(counted), usable]) {
    for (const [group, tried] of wholeFirst(candidates)) {
      for (const fit of tried) {
        const best = nearestNamed(tiedWithFirst(group.filter(fit)), gap);
        if (best) return best;
      }
    }
  }
  // "placed in compulsory isolation" against "forced into isolation": when no figure has most of
  // the option's words beside it, the one counting what is asked with some of them after it,
  // those weighing as much again as the words beside it.
  let best: ScoredFact | undefined;
  let most = 0;
  for (const scored of ranked) {
    if (!counts(scored) || !isUsable(scored, ctx.weights)) continue;
    const inTail = saidAfter(scored);
    if (inTail === 0) continue;
    const beside = besideShare(scored, false) + inTail;
    if (beside > most) [best, most] = [scored, beside];
  }
  // "… for treatment. In addition, $1.5 billion to strengthen these services": the option named
  // only a sentence before, in the paragraph of a figure counting what is asked.
  if (best) return best;
  const inParagraph = ranked.filter(
    (scored) =>
      counts(scored) &&
      isUsable(scored, ctx.weights) &&
      [...own].every((c) => scored.doc.paragraph.has(c) || scored.doc.context.has(c)),
  );
  const named = nearestNamed(tiedWithFirst(inParagraph), gap);
  if (named) return named;
  // "Dana Reyes, 41, … received 96 months": a figure of the kind asked that the option's own
  // clause gives it, however little else of the question its sentence shares.
  const owned = ranked.find(
    (scored) => owns(scored.fact) && counts(scored) && ofKindAsked(asked, scored.fact),
  );
  if (owned) claims.stated.add(owned);
  return owned;
}

/**
 * The deeds a contest asks of its options ("which seized more"), read outside the options: "the
 * flagged cases" names an option, not what was done.
 */
function deedsAsked(query: Query): Set<string> {
  const outside = query.filters.entities.reduce(
    (text, option) => text.split(option.toLowerCase()).join(" "),
    query.cleaned.toLowerCase(),
  );
  return new Set(words(outside).flatMap((word) => actionLemma(word) ?? []));
}

/** A person the report sentences: what a prison term's holder is, to read it from its sentence. */
const TERM_HOLDER = "defendant";

/** The best ranked span of time whose sentence gives it to the person an option names. */
function termHeldBy(
  option: string,
  ranked: ScoredFact[],
  query: Query,
  index: ReportIndex,
): ScoredFact | undefined {
  const holders = holdersOf(TERM_HOLDER, undefined, index);
  return ranked.find((scored) => {
    if (daysIn(scored.fact) === null || !ofKindAsked(query, scored.fact)) return false;
    const holder = holders.of(scored.fact);
    return holder !== null && mentions(holder, option);
  });
}

/** The figures ranked as high as the first. */
function tiedWithFirst(ranked: ScoredFact[]): ScoredFact[] {
  const top = ranked[0]?.score;
  return ranked.filter((scored) => scored.score === top);
}

/** The first of the figures with the smallest gap. */
function nearestNamed(
  candidates: ScoredFact[],
  gap: (scored: ScoredFact) => number,
): ScoredFact | undefined {
  return candidates.reduce<ScoredFact | undefined>(
    (nearest, scored) => (nearest && gap(nearest) <= gap(scored) ? nearest : scored),
    undefined,
  );
}

/** How far before a figure, in its paragraph, the option's first word last stands (∞ if not). */
function namedBefore(option: string, fact: Fact, index: ReportIndex): number {
  const text = (index.report.paragraphs[fact.paragraph - 1]?.text ?? "").toLowerCase();
  const at = text.indexOf(fact.text.toLowerCase());
  const [word] = words(option);
  if (at < 0 || !word) return Number.POSITIVE_INFINITY;
  const named = text.lastIndexOf(word, at);
  return named < 0 ? Number.POSITIVE_INFINITY : at - named;
}

/** The words after a figure up to its neighbour: in English what is said of a count follows it. */
function textAfter(fact: Fact, nearText: string): string {
  const at = nearText.toLowerCase().indexOf(fact.text.toLowerCase());
  return at < 0 ? "" : nearText.slice(at + fact.text.length);
}

/**
 * The places one option names ("Westvale" in "Westvale vs Oakfield murders"), else the question's
 * places that no option names: a place named by the other option is not this option's filter.
 */
function optionPlaces(option: string, query: Query, index: ReportIndex): string[] {
  const named = (text: string) => {
    const lower = ` ${text.toLowerCase()} `;
    const typed = query.filters.placeWords.filter((word) =>
      lower.includes(` ${word.toLowerCase()} `),
    );
    const mentions = [
      ...findPlacesInQuestion(text),
      ...localPlacesInQuestion(text, index.localPlaces),
      // "dc": a short acronym typed in lower case, taken as a place against this report.
      ...typed.flatMap((word) => findPlacesInQuestion(word.toUpperCase())),
    ];
    return new Set(mentions.map((mention) => mention.place.name));
  };
  const own = named(option);
  const mine = query.filters.places.filter((place) => own.has(place));
  if (mine.length > 0) return mine;
  const others = query.filters.entities.map(named);
  return query.filters.places.filter((place) => !others.some((set) => set.has(place)));
}

/**
 * The same figures stated again elsewhere (a summary and its section): cited there too. The table's
 * facts stating each are looked up, not searched for, and come in the table's order.
 */
function restated(facts: Fact[], index: ReportIndex): Fact[] {
  const { factsByStatement } = preparedOf(index);
  const found = new Set<number>();
  for (const fact of facts)
    for (const i of factsByStatement.get(statementKey(fact)) ?? [])
      if (index.table.facts[i] !== fact) found.add(i);
  return [...found].sort((a, b) => a - b).map((i) => index.table.facts[i] as Fact);
}

/** Sides ordered winner first; a side with no figure goes last. */
function contest(
  sides: Side[],
  query: Query,
  ctx: AnswerContext,
  stated: ReadonlySet<ScoredFact> = new Set(),
): Answer {
  const w = ctx.weights;
  const found = sides.filter(
    (side) => isUsable(side.best, w) || (side.best !== undefined && stated.has(side.best)),
  );
  if (found.length === 0) return noFigure(query, ctx);
  // "A vs B" keeps the order asked; "which is bigger, A or B?" puts the winner first.
  const direction = WANTS_LOWEST.test(query.cleaned) ? 1 : -1;
  const ordered = ASKS_WINNER.test(query.cleaned)
    ? [...found].sort(
        (a, b) =>
          direction * (size((a.best as ScoredFact).fact) - size((b.best as ScoredFact).fact)),
      )
    : found;
  const missing = sides.filter((side) => !found.includes(side));
  const facts = ordered.map((side) => (side.best as ScoredFact).fact);
  const options = [
    ...ordered.map((side, i) => ({ name: side.name, fact: facts[i] ?? null })),
    ...missing.map((side) => ({ name: side.name, fact: null })),
  ];
  const [first, second] = facts;
  // Two sides level (one figure shared by both) have no winner, whatever order they are shown in.
  const level = first !== undefined && second !== undefined && size(first) === size(second);
  const asked = ASKS_WINNER.test(query.cleaned) && found.length > 1 && !level;
  const contested: Contest = {
    kind: "comparison",
    winner: asked ? (options[0]?.name ?? null) : null,
    level,
    options,
  };
  return {
    question: query.question,
    status: "answered",
    // The first of several sides leads the text in bold, as it always has (the --json contract).
    text: contestMarkdown(contested, found.length > 1 ? (options[0]?.name ?? null) : null),
    citations: uniqueParagraphs([...facts, ...restated(facts, ctx.index)]),
    facts,
    confidence:
      Math.min(...found.map((side) => confidenceOf(side.best as ScoredFact, undefined, w))) *
      (found.length / sides.length),
    suggestions: [],
    contest: contested,
    ...(missing.length > 0 ? { noFigureFor: missing.map((side) => side.name) } : {}),
  };
}

/**
 * "westvale vs oakfield murders": when one option is only a place, what another option says
 * beyond its place ("murders") is said of every option.
 */
function withSharedMeasure(query: Query): string[] {
  const { entities, placeWords } = query.filters;
  const typed = new Set(placeWords.flatMap((word) => word.toLowerCase().split(/\s+/)));
  const beyondPlace = (option: string) =>
    option
      .split(/\s+/)
      .filter((word) => !typed.has(word.toLowerCase()))
      .join(" ");
  // "the terminal vs the airport": a kind of place is an option of its own, not a shared measure.
  const rests = entities.map(beyondPlace).map((rest) => (namesAKindOfPlace(rest) ? "" : rest));
  const said = rests.find((rest) => rest.length > 0);
  if (!said || rests.every((rest) => rest.length > 0)) return entities;
  return entities.map((option, i) => (rests[i] ? option : `${option} ${said}`));
}

/**
 * How each option is named in the answer: the place alone when every option names one
 * ("Westvale vs Oakfield arrests"), else without a place they share ("car thefts westvale").
 */
function namesShown(query: Query): string[] {
  const { entities, placeWords } = query.filters;
  const typed = placeWords.map((word) => word.toLowerCase());
  const placesIn = (option: string) =>
    typed.filter((word) => ` ${option.toLowerCase()} `.includes(` ${word} `));
  const everyNamesOne = entities.every((option) => placesIn(option).length > 0);
  return entities.map((option) => {
    const places = placesIn(option);
    if (everyNamesOne) return places.join(" and ");
    const typedSet = new Set(typed.flatMap((word) => word.split(/\s+/)));
    const rest = option
      .split(/\s+/)
      .filter((word) => !typedSet.has(word.toLowerCase()))
      .join(" ");
    return rest || option;
  });
}

/**
 * One place's figure for what is asked: the best ranked of the kind asked, and a count now rather
 * than the percentage it changed by (unless a change is asked) or the count it changed from.
 */
function bestForPlace(place: string, query: Query, ctx: AnswerContext): ScoredFact | undefined {
  const usable = placeCandidates(place, query, ctx);
  return (
    usable.find((scored) => asCounted(query, scored) && !isBaseline(scored)) ??
    usable[0] ??
    rankFacts(query, ctx.index, [place], ctx.weights)[0]
  );
}

/**
 * "The Coastal Fund received $12 million and the Border Fund $18 million": a figure stated alike
 * (one sentence or list, one unit) beside another side's, with every word that tells this option
 * from the others beside it, is this option's, however low the question's words rank it.
 */
function statedAlike(
  option: string,
  entities: string[],
  lead: Fact,
  query: Query,
  ctx: AnswerContext,
  taken: ReadonlySet<Fact>,
): ScoredFact | undefined {
  const inEvery = (c: string) => entities.every((other) => conceptsOf(other).includes(c));
  const own = conceptsOf(option).filter((c) => !inEvery(c));
  if (own.length === 0) return undefined;
  const asked: Query = {
    ...query,
    op: "lookup",
    measure: { ...query.measure, concepts: [...own, ...query.measure.concepts], target: null },
  };
  return rankFacts(asked, ctx.index, [], ctx.weights).find(
    ({ fact, doc }) =>
      fact !== lead &&
      !taken.has(fact) &&
      parallel(fact, lead, ctx.index) &&
      own.every((c) => doc.core.has(c) || doc.near.has(c)),
  );
}

/** A side of places named together ("New York/New Jersey"): a figure for all of them. */
function bestForGroup(group: string[], query: Query, ctx: AnswerContext): ScoredFact | undefined {
  const [first] = group;
  if (first === undefined) return undefined;
  if (group.length === 1) return bestForPlace(first, query, ctx);
  const usable = placeCandidates(first, query, ctx).filter((scored) =>
    group.every((place) => scored.fact.places.includes(place)),
  );
  return usable.find((scored) => asCounted(query, scored) && !isBaseline(scored)) ?? usable[0];
}

/** "or", "vs": what stands either side of it are the sides of a contest. */
const OR_WORD = /\s+(?:or|vs\.?|versus)\s+/gi;
/** What joins places named as one side: "New York/New Jersey", "Kent and Essex". */
const JOINS_PLACES = /^\s*(?:\/|&|\band\b)\s*$/i;

/**
 * "did more Eastport cocaine come via Chile or Peru", "which got more, New York/New Jersey or San
 * Diego": of three places or more, the sides are the places either side of a single "or", with
 * the places joined to each by "/" or "and"; the others are where the figures were, not sides.
 */
function placesAroundOr(query: Query): string[][] | null {
  const { places, placeWords } = query.filters;
  if (places.length < 3) return null;
  const text = query.cleaned.toLowerCase();
  const ors = [...text.matchAll(OR_WORD)];
  const [or] = ors;
  if (ors.length !== 1 || !or) return null;
  const orStart = or.index ?? 0;
  const orEnd = orStart + or[0].length;
  let from = 0;
  const spans = placeWords.flatMap((word) => {
    const start = text.indexOf(word.toLowerCase(), from);
    if (start < 0) return [];
    from = start + word.length;
    const place = findPlacesInQuestion(word)[0]?.place.name ?? places.find((p) => p === word);
    return place && places.includes(place) ? [{ start, end: start + word.length, place }] : [];
  });
  const before = spans.findIndex(
    (span) => span.end <= orStart && /^[\s,]*$/.test(text.slice(span.end, orStart)),
  );
  const after = spans.findIndex(
    (span) => span.start >= orEnd && /^\s*$/.test(text.slice(orEnd, span.start)),
  );
  if (before < 0 || after < 0 || after <= before) return null;
  // "Memphis, Oakland or Reno": a list of places, every one of them a side.
  const previous = spans[before - 1];
  const current = spans[before];
  if (previous && current && /^\s*,\s*$/.test(text.slice(previous.end, current.start))) {
    return null;
  }
  const side = (at: number, step: number) => {
    const group = [spans[at]];
    for (let i = at + step; i >= 0 && i < spans.length; i += step) {
      const [a, b] = step < 0 ? [spans[i], group[0]] : [group[group.length - 1], spans[i]];
      if (!a || !b || !JOINS_PLACES.test(text.slice(a.end, b.start))) break;
      if (step < 0) group.unshift(spans[i]);
      else group.push(spans[i]);
    }
    return [...new Set(group.flatMap((span) => (span ? [span.place] : [])))];
  };
  const sides = [side(before, -1), side(after, 1)];
  const regrouped = sides.some((group) => group.length > 1) || sides.flat().length < places.length;
  return sides.every((group) => group.length > 0) && regrouped ? sides : null;
}

/** A place's usable figures of the kind asked, best first. */
function placeCandidates(place: string, query: Query, ctx: AnswerContext): ScoredFact[] {
  return rankFacts(query, ctx.index, [place], ctx.weights).filter(
    (scored) => isUsable(scored, ctx.weights) && ofKindAsked(query, scored.fact),
  );
}

/**
 * "Did the Netherlands or Belgium seize more": where one side's best figure stands in a frame (a
 * list of rows, a sentence) that states more sides alike than any other's does, every side takes
 * its own figure there, so list rows are set beside list rows.
 */
function alongside(sides: Side[], query: Query, ctx: AnswerContext): Side[] {
  const candidates = sides.map((side) =>
    placeCandidates(side.name, query, ctx).filter((scored) => !isBaseline(scored)),
  );
  const alikeIn = (lead: ScoredFact) =>
    candidates.map((own) => own.find((scored) => parallel(scored.fact, lead.fact, ctx.index)));
  // The frame most sides are stated in, of those their best figures stand in; the best scored
  // of equals.
  let frame: (ScoredFact | undefined)[] | null = null;
  let most = 1;
  let top = Number.NEGATIVE_INFINITY;
  for (const { best } of sides) {
    if (!best) continue;
    const alike = alikeIn(best);
    const count = alike.filter(Boolean).length;
    if (count > most || (count === most && frame && best.score > top)) {
      [frame, most, top] = [alike, count, best.score];
    }
  }
  if (!frame) return sides;
  const chosen = frame;
  return sides.map((side, i) => {
    const alike = chosen[i];
    return alike ? { ...side, best: alike } : side;
  });
}

/** A figure's kind as sides are set against each other: money, a measure's base unit, a share, a span, a count. */
function kindOf(fact: Fact): string {
  if (/^[A-Z]{3}$/.test(fact.unit ?? "")) return "money";
  if (fact.base) return fact.base.unit;
  if (fact.unit === "percent") return "percent";
  return daysIn(fact) !== null ? "span" : "count";
}

/**
 * "which force safeguarded more kids, Eastshire or Westshire": sides are set against each other
 * in one kind of figure. Where one side's figure counts what is asked ("112 children") and
 * another's is of another kind ("£180,000 in cash"), that side takes its best figure of the kind
 * of the one that counts it ("71 young people").
 */
function ofOneKind(sides: Side[], query: Query, ctx: AnswerContext): Side[] {
  const countsAsked = (side: Side) =>
    side.best !== undefined && query.measure.concepts.some((c) => side.best?.doc.heads.has(c));
  const kinds = new Set(sides.flatMap((side) => (side.best ? [kindOf(side.best.fact)] : [])));
  const leads = new Set(
    sides.filter(countsAsked).map((side) => kindOf((side.best as ScoredFact).fact)),
  );
  const [kind] = leads;
  if (kinds.size < 2 || leads.size !== 1 || kind === undefined) return sides;
  return sides.map((side) => {
    if (!side.best || kindOf(side.best.fact) === kind || countsAsked(side)) return side;
    const alike = placeCandidates(side.name, query, ctx).filter(
      (scored) => kindOf(scored.fact) === kind && !isBaseline(scored),
    );
    const best = alike.find((scored) => asCounted(query, scored)) ?? alike[0];
    return best ? { ...side, best } : side;
  });
}

/**
 * Two figures stated alike in one list: parallel, or in one unit and period in rows that each open
 * on a label ("New York/New Jersey: $13.8 million …"), every paragraph between them a row too.
 */
function listedWith(a: Fact, b: Fact, index: ReportIndex): boolean {
  if (parallel(a, b, index)) return true;
  if (a.unit !== b.unit || a.period !== b.period) return false;
  const [from, to] = [a.paragraph, b.paragraph].sort((x, y) => x - y) as [number, number];
  for (let n = from; n <= to; n++) {
    if (!labelOf(index.report.paragraphs[n - 1]?.text ?? "")) return false;
  }
  return true;
}

/** "fell 30 percent, from 510 to 357": the figure a change starts from is not the one now. */
function isBaseline({ doc }: ScoredFact): boolean {
  return /\bfrom\s*$/i.test(doc.lead);
}

/**
 * "did Westvale have more carjackings than Oakfield": with no change nor share asked, a count
 * ("fell 30 percent, from 510 to 357": 357) beats the percentage it changed by.
 */
function asCounted(query: Query, scored: ScoredFact): boolean {
  return query.measure.expected.kind === "percent" || scored.fact.unit !== "percent";
}

/** A comparison in words: "than" in the figure's own sentence ("six times higher than Westvale"). */
const SETS_AGAINST = /\bthan\b/i;

/**
 * "Is Oakfield's rate higher than Westvale's?" where the report says "Oakfield's rate is twice
 * Westvale's": a side's figure that already sets every side against the others, each named in it
 * or the report's own home, answers alone, and is not set beside a figure of another kind.
 */
function statedComparison(
  sides: Side[],
  placesOf: string[][],
  index: ReportIndex,
): Side | undefined {
  return sides.find((side) => {
    const fact = side.best?.fact;
    if (!fact || !SETS_AGAINST.test(fact.quote)) return false;
    return placesOf.every(
      (places) =>
        places.length > 0 &&
        places.every((place) => fact.places.includes(place) || index.home.has(place)),
    );
  });
}

/** An option's spellings: as asked, and with a name in it as the report's other spellings of it. */
function spellingsOf(option: string, query: Query): string[] {
  const group = query.filters.names.find((spellings) =>
    spellings.some((spelling) => mentions(option, spelling)),
  );
  if (!group) return [option];
  const asked = group.find((spelling) => mentions(option, spelling)) ?? "";
  const at = option.toLowerCase().indexOf(asked.toLowerCase());
  if (at < 0) return [option];
  const respelled = (other: string) =>
    `${option.slice(0, at)}${other}${option.slice(at + asked.length)}`;
  return [option, ...group.filter((other) => other !== asked).map(respelled)];
}

/** "HIDTA" where the report writes "High Intensity Drug Trafficking Areas": the longest spelling. */
function spelledOut(option: string, query: Query): string {
  return spellingsOf(option, query).reduce((a, b) => (b.length > a.length ? b : a));
}

/**
 * The option a figure's sentence ties it to ("19 percent of cars and 61 percent of trucks"), or
 * null: read once per figure asked.
 */
function claimsOf(
  entities: string[],
  query: Query,
  ctx: AnswerContext,
): (fact: Fact) => number | null {
  const options = distinctSpellings(
    entities.map((option) => spellingsOf(option, query)),
    ctx.index.vocabulary,
  );
  const read = new Map<Fact, number | null>();
  return (fact) => {
    let owner = read.get(fact);
    if (owner === undefined) {
      owner = claimant(fact, options, ctx.weights.optionMentionShare);
      read.set(fact, owner);
    }
    return owner;
  };
}

/** Which figures a side may take (its sentence ties it to no other option) and which it owns. */
interface Claims {
  mine: (fact: Fact) => boolean;
  owns: (fact: Fact) => boolean;
  /** Figures taken only because the option's own clause states them: usable however scored. */
  stated: Set<ScoredFact>;
}

/** "Did Oakfield seize more than Westvale?", "which got more, the DEA or the FBI?": side by side. */
export function comparisonAnswer(query: Query, ctx: AnswerContext): Answer {
  const { places } = query.filters;
  const entities = withSharedMeasure(query);
  if (entities.length >= 2) {
    // Two options that resolve to one figure are not set side by side: the later option takes its
    // best figure that no earlier option took.
    const taken = new Set<Fact>();
    const asked = { ...query, filters: { ...query.filters, entities } };
    const shownNames = namesShown(query);
    const claimed = claimsOf(entities, query, ctx);
    const stated = new Set<ScoredFact>();
    const mine = (fact: Fact, i: number) => {
      const owner = claimed(fact);
      return owner === null || owner === i;
    };
    const sides = entities.map((name, i) => {
      const spelled = spelledOut(name, query);
      const owns = (fact: Fact) => claimed(fact) === i;
      const first = bestForOption(
        spelled,
        asked,
        ctx,
        taken,
        { mine: () => true, owns, stated },
        name,
      );
      // A figure whose own sentence gives it to another option is that option's: this one takes
      // its best figure that no other option's name claims.
      const best =
        first && !mine(first.fact, i)
          ? (bestForOption(
              spelled,
              asked,
              ctx,
              taken,
              { mine: (fact) => mine(fact, i), owns, stated },
              name,
            ) ?? first)
          : first;
      if (best) taken.add(best.fact);
      return { name: shownNames[i] ?? name, best };
    });
    // A side with no usable figure takes one stated alike beside a side's that has one.
    const found = (side: Side) =>
      isUsable(side.best, ctx.weights) || (side.best !== undefined && stated.has(side.best));
    const lead = sides.find(found)?.best;
    for (const [i, side] of sides.entries()) {
      if (!lead || found(side)) continue;
      const alike = statedAlike(entities[i] ?? side.name, entities, lead.fact, asked, ctx, taken);
      if (!alike) continue;
      stated.add(alike);
      taken.add(alike.fact);
      sides[i] = { ...side, best: alike };
    }
    const placesOf = entities.map((name) => optionPlaces(name, asked, ctx.index));
    const statedSide = statedComparison(sides, placesOf, ctx.index);
    return contest(statedSide ? [statedSide] : sides, query, ctx, stated);
  }
  const groups = placesAroundOr(query) ?? places.map((place) => [place]);
  const sides = alongside(
    ofOneKind(
      groups.map((group) => ({ name: group.join("/"), best: bestForGroup(group, query, ctx) })),
      query,
      ctx,
    ),
    query,
    ctx,
  );
  const listed = sides.every((side) => isUsable(side.best, ctx.weights))
    ? null
    : listedAlike(groups, query, ctx);
  if (listed)
    return contest(listed, query, ctx, new Set(listed.map((side) => side.best as ScoredFact)));
  const stated = statedComparison(
    sides,
    places.map((place) => [place]),
    ctx.index,
  );
  return contest(stated ? [stated] : sides, query, ctx);
}

/**
 * "Mexico, about 62,000; Guatemala, about 21,000; Honduras, about 16,000" to "more removals to
 * Guatemala or Honduras": where the question's words stand beside no side's figure, a list that
 * gives every side its own figure alike, in a paragraph that (or whose lead-in) names what is
 * asked, answers for each.
 */
function listedAlike(groups: string[][], query: Query, ctx: AnswerContext): Side[] | null {
  const own = groups.map((group) => {
    const places = new Set(group);
    return rankFacts(query, ctx.index, group.slice(0, 1), ctx.weights).filter(
      (scored) =>
        scored.fact.places.length === places.size &&
        scored.fact.places.every((place) => places.has(place)) &&
        !isBaseline(scored) &&
        asCounted(query, scored) &&
        ofKindAsked(query, scored.fact),
    );
  });
  const paragraphs = ctx.index.report.paragraphs;
  const names = (fact: Fact) =>
    [fact.paragraph, fact.paragraph - 1].some((n) => {
      const said = new Set(conceptsOf(paragraphs[n - 1]?.text ?? ""));
      // "which got more": a contest that names nothing measured asks what the list gives.
      const { concepts } = query.measure;
      return concepts.length === 0 || concepts.some((c) => said.has(c));
    });
  for (const lead of own[0] ?? []) {
    if (!names(lead.fact)) continue;
    const alike = own.map((facts) =>
      facts.find((scored) => listedWith(scored.fact, lead.fact, ctx.index)),
    );
    if (alike.every((scored) => scored !== undefined)) {
      return groups.map((group, i) => ({ name: group.join("/"), best: alike[i] }));
    }
  }
  return null;
}
