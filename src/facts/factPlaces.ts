// Which places a figure belongs to, and which place a report calls home.
import type { Paragraph, ParsedReport } from "../report/types.js";
import type { PlaceFinder } from "./localPlaces.js";
import type { NumberMatch } from "./numbers.js";
import { findPlaces, type PlaceMention } from "./places.js";
import { measureAfter } from "./units.js";
import { tail } from "./window.js";

/** Sentences that carry their own scope: a table row's label ("Total: …") or a national summing-up. */
const STANDS_ALONE =
  /^(?:[^,:;.]{1,40}:\s|(?:in total|total|overall|nationwide|nationally|across the country|altogether)\b)/i;

/** Places stated in the sentence, else those of the paragraph's opening sentence, else of a short section title. */
export function placesFor(
  paragraph: Paragraph,
  sentenceIndex: number,
  mentionsBySentence: PlaceMention[][],
  find: PlaceFinder,
): string[] {
  const own = mentionsBySentence[sentenceIndex] ?? [];
  const sentence = paragraph.sentences[sentenceIndex]?.text ?? "";
  const standsAlone = STANDS_ALONE.test(sentence);
  const inherited =
    own.length > 0 || standsAlone
      ? own
      : (mentionsBySentence.slice(0, sentenceIndex).find((mentions) => mentions.length > 0) ?? []);
  const fromTitle =
    inherited.length === 0 && paragraph.section && paragraph.section.title.split(/\s+/).length <= 4
      ? find(paragraph.section.title)
      : [];
  return unique([...inherited, ...fromTitle].map((mention) => mention.place.name));
}

const ORIGIN =
  /\bfrom\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s*|\s+and\s+|\s+or\s+))*$/;
const ROUTE =
  /\b(?:through|via)\s+(?:[a-z][\w-]*\s+){0,3}(?:(?:in|at)\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?)*$/;
/** "from Spain, Portugal, France and Italy": a list of origins can run longer than one qualifier. */
const ORIGIN_LOOKBEHIND_CHARS = 400;
/** "LIMA (Peru), 3 March 2024 - ", "OAKFIELD (AP) - ", and a wire's "OAKFIELD, Jan 5 (Agency) - ". */
const DATELINE =
  /^[^.]{0,40}?(?:\(|,)?[^.]{0,30}?\d{4}\)?\s*(?:--|[-–—])\s|^[A-Z][A-Z .,()]{2,40}\s(?:--|[-–—])\s|^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^)]{1,40}\))?\s*(?:--|[-–—])\s/;

/** Places where things happened: not "the Durango Cartel" (a gang) nor "the Chile-Peru border" (a line). */
export function placesWhere(text: string, find: PlaceFinder): PlaceMention[] {
  const firstDigit = text.search(/\d/);
  return find(text).filter((mention) => {
    const after = text.slice(mention.end);
    // "LIMA (Peru), 3 March 2024 - …": a dateline says where the release was issued.
    if (mention.start < 40 && DATELINE.test(text.slice(0, mention.start + 60))) return false;
    // "Cocaine that passed through Panama came to 6 tonnes": a route or origin named before any
    // figure, with one after it, says what the sentence's figure counts: that place's share.
    const namesWhatIsCounted = firstDigit >= mention.end;
    const lookBehind = tail(text.slice(0, mention.start), ORIGIN_LOOKBEHIND_CHARS);
    // "shipped from Peru", "nationals from Ghana, Togo and Benin": origins, not locations.
    if (!namesWhatIsCounted && ORIGIN.test(lookBehind)) return false;
    // "shipped through container ports in Spain and Italy": a route passes places, it is not set there.
    if (!namesWhatIsCounted && ROUTE.test(lookBehind)) return false;
    return (
      !/^\s+(?:cartels?|new generation|gangs?|clans?|syndicates?|brotherhood)\b/i.test(after) &&
      !/^(?:-[\w'’]+)*\s+(?:border|frontier)s?\b/i.test(after)
    );
  });
}

/**
 * "Punjab: 186 kg of heroin …": a line labelled with a place is about that place (and any it names).
 * A table row or sentence carries its own label; a list item's label covers all its sentences.
 */
export function labelPlaces(label: string | undefined, find: PlaceFinder): string[] | null {
  if (!label) return null;
  const mentions = find(label);
  return mentions.length > 0 ? [...new Set(mentions.map((m) => m.place.name))] : null;
}

export function labelOf(text: string): string | undefined {
  return /^([^:.]{2,40}):\s/.exec(text)?.[1];
}

/** The figure's own words, a passive verb and "in"/"at": "tonnes had been seized in the port of". */
const CLAUSE_SETS_IN =
  /^\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:had|has|have|was|were|is|are)(?:\s+been)?\s+[a-z]+ed\s+(?:in|at)\s+(?:the\s+(?:port|city|province|state|region) of\s+|the\s+)?$/;

/** What stands between a measured figure and its own place: "in", "at", or "of heroin at the port of". */
const OWN_PLACE_AFTER =
  /^\s+(?:of\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+)?(?:in|at)\s+(?:the\s+(?:port|city) of\s+|the\s+)?$/i;

/** "142 were sent to the", "9 had been extradited to": a passive verb of moving, then "to". */
const MOVED_TO =
  /^\s+(?:were|was|had been|have been)\s+(?:[a-z]+ed|sent|taken|flown|brought)\s+to\s+(?:the\s+)?$/i;

const COMPARED_WITH =
  /^\s+(?:times\s+)?(?:higher|lower|more|less|fewer|greater|larger|smaller|bigger)\s+than\s+(?:that\s+(?:of|in)\s+|in\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$/i;

/** ", followed by", ", ahead of": a list after a figure that ranks other places below or above it. */
const LIST_RANKED_AFTER = /\b(?:followed by|trailed by|ahead of|behind|then)\b/i;

/** "$8 million in aid for Peru", "grants for the Philippines": what money is for, right before a place. */
const FOR_PLACE = /\bfor\s+(?:the\s+(?:people|government)\s+of\s+)?(?:the\s+)?$/i;

/**
 * "$83 million in Freeland assistance for Westland": money for a place is that place's, not the
 * giver's; the place follows the figure in its own clause, with no figure between.
 */
function recipientOf(
  mentions: PlaceMention[],
  figures: NumberMatch[],
  figure: NumberMatch,
  text: string,
): string | null {
  if (!figure.currency) return null;
  const next = figures[figures.indexOf(figure) + 1]?.start ?? Number.POSITIVE_INFINITY;
  const recipient = mentions.find((m) => {
    if (m.start <= figure.end || m.end > next) return false;
    const between = text.slice(figure.end, m.start);
    return !/[\d;]/.test(between) && FOR_PLACE.test(between);
  });
  return recipient?.place.name ?? null;
}

/** "…, including", "of which": a later figure that is a part of the one before it. */
const PART_FOLLOWS = /\b(?:including|of (?:which|whom|them)|among them)\b/gi;

/** One sentence's part markers, and which place mentions are their part's own, worked out once. */
interface PartReading {
  text: string;
  markers: number[];
  own: Map<PlaceMention, boolean>;
}
let lastPartReading: PartReading | null = null;

function partReading(text: string): PartReading {
  if (lastPartReading?.text === text) return lastPartReading;
  const markers = [...text.matchAll(PART_FOLLOWS)].map((match) => match.index ?? 0);
  lastPartReading = { text, markers, own: new Map() };
  return lastPartReading;
}

/** Whether a place is the own place of the figure right before it: "120 in", "$2 million for". */
function ownOfPart(m: PlaceMention, part: NumberMatch, figures: NumberMatch[], text: string) {
  const unitEnd = part.end + (measureAfter(text.slice(part.end))?.length ?? 0);
  if (m.start >= unitEnd && OWN_PLACE_AFTER.test(text.slice(unitEnd, m.start))) return true;
  return recipientOf([m], figures, part, text) !== null;
}

/**
 * "handed out 900 kits, including 120 in Oakfield", "$9 million, including $2 million for
 * Oakfield": the place of a part named after it is the part's own, not its whole's, unless the
 * whole's clause names it before.
 */
function partsOwnPlaces(
  mentions: PlaceMention[],
  figures: NumberMatch[],
  figure: NumberMatch,
  text: string,
): Set<string> {
  const own = new Set<string>();
  if (mentions.length === 0) return own;
  const reading = partReading(text);
  const marker = reading.markers.find((at) => at >= figure.end);
  if (marker === undefined) return own;
  for (const m of mentions) {
    if (m.start < marker) continue;
    const part = lastBefore(figures, m.start);
    if (!part || part.start < marker) continue;
    let isOwn = reading.own.get(m);
    if (isOwn === undefined) {
      isOwn = ownOfPart(m, part, figures, text);
      reading.own.set(m, isOwn);
    }
    if (isOwn) own.add(m.place.name);
  }
  for (const m of mentions) if (m.end <= figure.start) own.delete(m.place.name);
  return own;
}

/** The last figure starting before an offset, by binary search over figures in text order. */
function lastBefore(figures: NumberMatch[], offset: number): NumberMatch | undefined {
  let low = 0;
  let high = figures.length - 1;
  let found: NumberMatch | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = figures[mid] as NumberMatch;
    if (at.start < offset) {
      found = at;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * "Ghana and Senegal seized 410 kg and 350 kg respectively": as many places before the figures as
 * there are figures, taken in order.
 */
function respectivePlace(
  mentions: PlaceMention[],
  figures: NumberMatch[],
  figure: NumberMatch,
  text: string,
): string | null {
  const first = figures[0];
  if (!first || !/\brespectively\b/i.test(text)) return null;
  const listed = unique(mentions.filter((m) => m.end <= first.start).map((m) => m.place.name));
  return listed.length === figures.length ? (listed[figures.indexOf(figure)] ?? null) : null;
}

/**
 * With several places in one sentence, a figure belongs to those named between it and the previous
 * figure ("Spain seized 4 tonnes and Portugal 2 tonnes"); with none there, it shares the previous
 * figure's places ("Lyon solved 300 cases and arrested 420 suspects"); the first figure
 * with none before it takes those named up to the next figure; otherwise all of them.
 */
export function placesNear(
  all: string[],
  sentenceMentions: PlaceMention[],
  figures: NumberMatch[],
  figure: NumberMatch,
  previous: string[] | null,
  text: string,
): string[] {
  const recipient = recipientOf(sentenceMentions, figures, figure, text);
  if (recipient) return [recipient];
  const { mentions, dropped } = beforeLaterClause(sentenceMentions, figures, figure, text);
  for (const place of partsOwnPlaces(mentions, figures, figure, text)) dropped.add(place);
  const places = all.filter((place) => !dropped.has(place));
  const near = placesAmong(places, mentions, figures, figure, previous, text);
  return near.length > 0 || places.length === all.length ? near : places;
}

/** ", as production in Shan State grew": a clause after every figure that sets something else. */
const LATER_CLAUSE =
  /,\s+(?:as|while|because|although|though|amid|despite|even as|with)\s(?![^,;]*\d)/i;

/**
 * "… seized 318 tonnes in 2024, up from 267 tonnes, as production in Myanmar's Shan State grew":
 * a place named only in a clause after the sentence's last figure is not where its figures are.
 */
function beforeLaterClause(
  mentions: PlaceMention[],
  figures: NumberMatch[],
  figure: NumberMatch,
  text: string,
): { mentions: PlaceMention[]; dropped: Set<string> } {
  const last = figures[figures.length - 1] ?? figure;
  const clause = LATER_CLAUSE.exec(text.slice(last.end));
  if (!clause) return { mentions, dropped: new Set() };
  const cut = last.end + clause.index;
  const kept = mentions.filter((m) => m.start < cut);
  const keptNames = new Set(kept.map((m) => m.place.name));
  const dropped = new Set(
    mentions.filter((m) => m.start >= cut && !keptNames.has(m.place.name)).map((m) => m.place.name),
  );
  return { mentions: kept, dropped };
}

function placesAmong(
  all: string[],
  mentions: PlaceMention[],
  figures: NumberMatch[],
  figure: NumberMatch,
  previous: string[] | null,
  text: string,
): string[] {
  if (new Set(mentions.map((m) => m.place.name)).size < 2 || figures.length === 1) return all;
  const respective = respectivePlace(mentions, figures, figure, text);
  if (respective) return [respective];
  // "Chile (25), Peru (10)": a figure in brackets right after a place is that place's.
  const named = mentions.find((m) => /^\s*\(\s*[$€£]?\s*$/.test(text.slice(m.end, figure.start)));
  if (named) {
    // "Eastport in Westland (2.2 tonnes)": the place the bracket's country holds is named first.
    const within = mentions.find((m) =>
      /^\s+in\s+(?:the\s+)?$/i.test(text.slice(m.end, named.start)),
    );
    return within ? [within.place.name, named.place.name] : [named.place.name];
  }
  // "7 in Alberta, 3 in Manitoba": the place right after the figure is its own.
  // "8 tonnes in Oakport", "8 tonnes of heroin at Oakport": a measure, and what it weighs, may
  // stand between them.
  const unitEnd = figure.end + (measureAfter(text.slice(figure.end))?.length ?? 0);
  const own = mentions.find((m) => OWN_PLACE_AFTER.test(text.slice(unitEnd, m.start)));
  if (own) return withCountry(own, mentions);
  // "of whom 142 were sent to Spain": a bare count moved somewhere is counted where it went.
  const sentTo =
    unitEnd === figure.end && mentions.find((m) => MOVED_TO.test(text.slice(figure.end, m.start)));
  if (sentTo) return [sentTo.place.name];
  const i = figures.indexOf(figure);
  const from = figures[i - 1]?.end ?? 0;
  const to = figures[i + 1]?.start ?? Number.POSITIVE_INFINITY;
  // "4 tonnes had been intercepted in Oakport": the place its own clause sets the figure in.
  const setIn = mentions.find(
    (m) => m.end <= to && CLAUSE_SETS_IN.test(text.slice(figure.end, m.start)),
  );
  if (setIn) return withCountry(setIn, mentions);
  // "4 times higher than that of Lyon, France": the figure compares with the place after "than".
  const compared = mentions.find((m) => COMPARED_WITH.test(text.slice(figure.end, m.start)));
  if (compared) return withCountry(compared, mentions);
  // "arrested 40 people in Chile (25) and Peru (15)": the 40 is the whole list's; but "6 tonnes,
  // followed by Chile (5) and Peru (4)" ranks the list after it.
  const listed = mentions.filter((m) => /^\s*\(\s*[$€£]?\d/.test(text.slice(m.end)));
  const opensList =
    listed.length > 1 &&
    (listed[0]?.start ?? 0) > figure.end &&
    !LIST_RANKED_AFTER.test(text.slice(figure.end, listed[0]?.start));
  if (opensList && listed[0] && listed[0].end < to) return unique(listed.map((m) => m.place.name));
  // "made 85 arrests in Spain and 30 arrests in Chile": where no place comes before the first
  // figure, each place follows the figure it is for.
  const first = figures[0];
  const placesFollow = first !== undefined && !mentions.some((m) => m.end <= first.start);
  const before = placesFollow
    ? []
    : mentions.filter((m) => m.start >= from && m.end <= figure.start);
  if (before.length === 0 && previous && !placesFollow) return previous;
  const chosen =
    before.length > 0 ? before : mentions.filter((m) => m.start >= figure.end && m.end <= to);
  if (chosen.length === 0) return all;
  const countries = mentions.filter((m) => chosen.some((c) => c.place.country === m.place.name));
  return unique([...chosen, ...countries].map((m) => m.place.name));
}

/** A figure's own place, and the country holding it where the sentence names that too. */
function withCountry(own: PlaceMention, mentions: PlaceMention[]): string[] {
  const country = mentions.find((m) => m.place.name === own.place.country);
  return unique([own.place.name, ...(country ? [country.place.name] : [])]);
}

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** The country the report is about: the one named most often, counting its provinces, states and cities. */
/**
 * Where the report is from: the country that holds at least half of the place mentions (counting
 * its provinces, states and cities), and a place that dominates the whole text, such as Hong Kong in a Hong Kong Customs
 * release. Figures placed only there are the report's own totals, not local ones.
 */
const SELF_REFERENCE =
  /\b(?:across the (?:province|state|region)|the province's|province-wide|provincewide|statewide|state-wide|throughout the (?:province|state))\b/i;

export function homePlaces(report: ParsedReport): Set<string> {
  const countries = new Map<string, number>();
  const places = new Map<string, number>();
  const regions = new Map<string, number>();
  let total = 0;
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const paragraph of report.paragraphs) {
    for (const mention of findPlaces(paragraph.text)) {
      count(countries, mention.place.country);
      count(places, mention.place.name);
      if (mention.place.kind === "province" || mention.place.kind === "state")
        count(regions, mention.place.name);
      total++;
    }
  }
  const mostOften = (counts: Map<string, number>) =>
    [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const home = new Set<string>();
  // A multi-country operation (Europol, Interpol) has no home: no country holds half the mentions.
  const country = mostOften(countries);
  if (country && country[1] >= total * 0.5) home.add(country[0]);
  const place = mostOften(places);
  if (place && place[1] >= 3 && place[1] >= total * 0.4) home.add(place[0]);
  // A provincial report names its cities more than itself, and calls itself "the province": its
  // province is home if no other province rivals it.
  const [region, second] = [...regions.entries()].sort((a, b) => b[1] - a[1]);
  const selfReferring = report.paragraphs.some((p) => SELF_REFERENCE.test(p.text));
  if (region && selfReferring && region[1] >= 2 && (second?.[1] ?? 0) * 2 <= region[1]) {
    home.add(region[0]);
  }
  const datelined = datelineHome(report);
  if (datelined) home.add(datelined);
  return home;
}

/** How many opening paragraphs (title, standfirst, byline) a dateline is looked for in. */
const DATELINE_LOOKAHEAD = 4;

/**
 * "Harbourton seizures fall" over "HARBOURTON, Freeland, May 3 (Wire) - …": a place both the title
 * and the dateline name, with no other place of its kind in the title, is where the report is written
 * about, whatever other places it lists, so its unplaced figures are that place's.
 */
export function datelineHome(report: ParsedReport): string | null {
  const [title, ...opening] = report.paragraphs.slice(0, DATELINE_LOOKAHEAD + 1);
  if (!title) return null;
  const titled = findPlaces(title.text).map((mention) => mention.place);
  for (const paragraph of opening) {
    const dated = findPlaces(paragraph.text).find(
      (m) => m.start < 40 && DATELINE.test(paragraph.text.slice(0, m.start + 60)),
    )?.place;
    if (!dated) continue;
    // "… at Harbourton and Eastmere ports": a title naming two such places is about neither alone.
    const rivals = titled.filter((p) => p.name !== dated.name && p.kind === dated.kind);
    return titled.some((p) => p.name === dated.name) && rivals.length === 0 ? dated.name : null;
  }
  return null;
}
