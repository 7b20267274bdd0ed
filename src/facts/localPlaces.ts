import { PLACE_WORDS } from "../lexicon/gazetteer.js";
import { GRAMMAR } from "../lexicon/language.js";
import type { Paragraph, ParsedReport } from "../report/types.js";
import { editDistance } from "../text/editDistance.js";
import { matchesOf } from "../text/matches.js";
import { memoryPer } from "../text/memory.js";
import { phraseFinder } from "../text/phraseFinder.js";
import { tokenize } from "../text/tokenize.js";
import { findPlaces, normalizeForm, type Place, type PlaceMention } from "./places.js";

/** Finds places in a text: the gazetteer's, plus the ones this report names that it does not know. */
export type PlaceFinder = (text: string) => readonly PlaceMention[];

const NAME = String.raw`[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|and|del|de|la|el))*`;
/** "In Central Luzon, police …": a sentence that opens on a name and a comma is usually set in a place. */
const IN_NAME = new RegExp(
  String.raw`(?:^|[.;!?]\s+)In\s+(?:the\s+)?(${NAME})(?:\s*\([^)]*\))?,`,
  "g",
);
/** "Sheriff's", "Court": a body of the area named before it, not more of the area's name. */
const AREA_BODY = PLACE_WORDS.areaBodies.map((word) => word.replace(/'/g, "['’]")).join("|");
/**
 * "Kalinga Province", "Harju County", and the county of "the Pima County Sheriff's Office": a
 * name with an administrative suffix, not inside a longer name ("Orange County Register").
 */
const ADMIN_NAME = new RegExp(
  String.raw`\b((?:[A-Z][\w'’-]+\s+){1,3}(?:Region|Province|Prefecture|County|Governorate|Oblast|Territory|Parish|Emirate|Canton))\b(?!\s+(?!(?:${AREA_BODY})(?![\w'’]))[A-Z])`,
  "g",
);
/** "Ridgeway Port", "Oakfield Village", "North Gate Control Point": a named site. */
const SITE_NAME =
  /\b((?:[A-Z][\w'’-]+\s+){1,3}(?:Port|Airport|Village|Terminal|Checkpoint|Control Point|Station|Harbour|Harbor|Township|Town|District|Prefecture|Border Crossing))\b/g;
/** "District 4", "Precinct 12": an area a city numbers rather than names. */
const NUMBERED_AREA = /\b((?:District|Zone|Precinct|Ward|Sector|Borough)\s+\d{1,3})\b/g;
/** "Westvale Police", "Harbour East Police": a force named after the area it polices. */
const FORCE_AREA =
  /\b((?:[A-Z][\w'’-]+\s+){1,3})(?:Police|Constabulary|Police Force|Police Department)\b/g;
const NOT_PLACE_WORDS =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Addition|Total|Particular|General|Short|Summary|Response|Practice|Fact|Contrast|Turn|Brief|Conclusion|Other|Recent|Operation|Police|Ministry|Office|Bureau|Agency|Department|Court|Customs|Force|Guard|Service|Addition|Line|Accordance|Order|Support|Cooperation|Partnership|Collaboration|Light|Spite|Terms|Case|Cases|Future|Total|Return|Exchange|National|Federal|State|Metropolitan|Transport|Military|Border|Royal|City|Armed|Traffic|Marine|Capitol|Railway|Tourist|Judicial|Criminal|People's|Public)\b/;

const PLACE_COLUMNS = new Set(PLACE_WORDS.placeColumns);

const ADMIN_KINDS: readonly string[] = PLACE_WORDS.adminKinds;
/** A label's last word that already says what kind of place it is ("Kowloon City", "North Port"). */
const KIND_WORDS = new Set([...PLACE_WORDS.placeColumns, ...ADMIN_KINDS]);

/** A table row's label as a place: its name, and the label the row writes ("Ross" for Ross County). */
interface LabelPlace {
  name: string;
  label: string;
}

/** "Counties" or "County (Ohio)": the kind of area a header's words name, if any. */
function headerKind(words: readonly string[]): string | null {
  const singular = words.map((word) => word.replace(/ies$/, "y").replace(/s$/, ""));
  return singular.find((word) => ADMIN_KINDS.includes(word)) ?? null;
}

/**
 * "Ross" in a column headed "County" is Ross County, as prose and questions name it: a label that
 * does not already say its kind (nor numbers its area, "District 3") takes the header's.
 */
function kindedName(label: string, kind: string | null): string {
  const last = label.toLowerCase().split(/\s+/).pop() ?? "";
  if (!kind || KIND_WORDS.has(last) || /\d/.test(label)) return label;
  return `${label} ${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

/** "District 3" in a column headed "District": a table's row labels are places when its header says so. */
function rowLabelNames(paragraph: Paragraph): LabelPlace[] {
  return (paragraph.rowLabels ?? []).flatMap((row) => {
    const words = row.header.toLowerCase().split(/\W+/);
    if (!words.some((word) => PLACE_COLUMNS.has(word))) return [];
    const label = row.name.split(/\s*(?:,|\/|&|\band\b)\s*/)[0] ?? "";
    if (!/^[A-Z]/.test(label)) return [];
    return [{ name: kindedName(label, headerKind(words)), label }];
  });
}

/** "Seizures by region, 2031:", "Arrests by county:": a lead-in whose rows are labelled by place. */
const BY_PLACE_KIND = /\bby\s+([a-z]+)\b[^:]*:$/i;
/** "Northern: 30 million tablets", "Central (including Avalon): 12 arrests": a row's label. */
const ROW_LABEL = /^([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*(?:\([^)]*\))?:\s*\S/;

/**
 * The labels of the rows under a lead-in that says they go by place ("Seizures and arrests by
 * region:", then "Northern: …", "Central (including Avalon): …"): names of places the gazetteer
 * need not know, so "the northern region's arrests" finds its row.
 */
function byPlaceRowLabels(report: ParsedReport): string[] {
  const names: string[] = [];
  let underPlaceLeadIn = false;
  for (const paragraph of report.paragraphs) {
    const label = underPlaceLeadIn ? ROW_LABEL.exec(paragraph.text)?.[1] : undefined;
    if (label) names.push(label);
    else {
      const kind = BY_PLACE_KIND.exec(paragraph.text)?.[1]?.toLowerCase();
      underPlaceLeadIn = kind !== undefined && PLACE_COLUMNS.has(kind);
    }
  }
  return names;
}

/** "Citywide | 214", "Statewide: 1,210": a row label naming the whole is no place of its own. */
const WHOLE_LABELS: ReadonlySet<string> = new Set(GRAMMAR.wholeLabels);

/** Whether a row label can name a place of the report's own: long enough, not a whole or a word. */
function rowLabelPlace(name: string): boolean {
  return (
    name.length >= 3 &&
    !NOT_PLACE_WORDS.test(name) &&
    !WHOLE_LABELS.has(name.toLowerCase()) &&
    findPlaces(name).length === 0
  );
}

/** The report's own place names, and the labels a table writes them as ("Ross" → "Ross County"). */
function localNames(report: ParsedReport): { names: string[]; labels: Map<string, string> } {
  const names = new Set<string>();
  const labels = new Map<string, string>();
  for (const name of byPlaceRowLabels(report)) if (rowLabelPlace(name)) names.add(name);
  for (const paragraph of report.paragraphs) {
    for (const { name, label } of rowLabelNames(paragraph)) {
      if (!rowLabelPlace(label)) continue;
      names.add(name);
      if (label !== name) labels.set(label, name);
    }
    for (const pattern of [IN_NAME, ADMIN_NAME, FORCE_AREA, SITE_NAME, NUMBERED_AREA]) {
      for (const match of matchesOf(pattern, paragraph.text)) {
        const name = (match[1] ?? "")
          .trim()
          .replace(/^(?:The|A|An|This|That|Its|Their|In|At|From)\s+/, "");
        if (name.length < 3 || NOT_PLACE_WORDS.test(name) || findPlaces(name).length > 0) continue;
        if (GENERIC_SITE.test(name)) continue; // "the Port" alone names nothing
        names.add(name);
      }
    }
  }
  // A label that is also a name of its own elsewhere ("Ross" in "In Ross, …") stays that name.
  for (const label of labels.keys()) if (names.has(label)) labels.delete(label);
  return { names: [...names], labels };
}

const GENERIC_SITE =
  /^(?:Port|Airport|Village|Terminal|Checkpoint|Station|Harbour|Harbor|Town|District|Region|County|Province|Prefecture|Police|Control Point)$/;
const ADMIN_SUFFIX = /\s+(?:County|Province|Prefecture|Region|District|Governorate|Oblast|Parish)$/;

function questionHas(words: string[], name: string): boolean {
  return normalizeForm(name)
    .split(/\s+/)
    .every((part) => words.includes(part));
}

function asPlace(name: string): Place {
  return { name, kind: "province", country: "", aliases: [] };
}

/** The report's own place names, found by wording, as places the rest of the engine can use. */
export function reportPlaces(report: ParsedReport): { names: string[]; find: PlaceFinder } {
  const { names, labels } = localNames(report);
  const byName = new Map(names.map((name) => [name, asPlace(name)]));
  for (const [label, name] of labels) byName.set(label, asPlace(name));
  // One finder for all of the report's own names, longest first so "North Bay Port" beats "North Bay".
  const matches = phraseFinder([...names, ...labels.keys()], {
    ignoreCase: false,
    flexibleSpaces: false,
  });
  const find: PlaceFinder = (text) => {
    const known = findPlaces(text);
    if (names.length === 0) return known;
    const local = matches(text).flatMap((match) => {
      const place = byName.get(match.text);
      return place
        ? [{ place, start: match.index, end: match.index + match.text.length, text: match.text }]
        : [];
    });
    const free = local.filter((m) => !known.some((k) => m.start < k.end && k.start < m.end));
    return free.length === 0 ? known : [...known, ...free].sort((a, b) => a.start - b.start);
  };
  return { names, find };
}

/** "Northeastern" is asked as "northeast", "Southern" as "south": a compass adjective's noun. */
function compassNoun(word: string): string | null {
  return /(?:north|south|east|west)ern$/.test(word) ? word.slice(0, -3) : null;
}

/** A word within one edit of another shares with it the word itself or one of its one-letter deletions. */
function deletions(word: string): string[] {
  return [word, ...Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1))];
}

/** Where each name stands in the list, by its first word's forms: what a question's word looks up. */
const firstWordIndex = new WeakMap<readonly string[], Map<string, number[]>>();

/**
 * Built once per list: every question looks its words up here, so the index builds it as it is
 * made (`searchOf`) and a very large report's first question does not wait on it.
 */
export function namesByFirstWord(names: readonly string[]): Map<string, number[]> {
  let index = firstWordIndex.get(names);
  if (index) return index;
  index = new Map();
  for (const [i, name] of names.entries()) {
    const bare = name.replace(ADMIN_SUFFIX, "").trim();
    const keys = new Set<string>();
    for (const form of [name, bare]) {
      const first = normalizeForm(form).split(/\s+/)[0] ?? "";
      for (const key of first.length >= 5 ? deletions(first) : [first]) keys.add(key);
      const noun = compassNoun(first);
      if (noun) keys.add(noun);
    }
    for (const key of keys) {
      const at = index.get(key);
      if (at) at.push(i);
      else index.set(key, [i]);
    }
  }
  firstWordIndex.set(names, index);
  return index;
}

/** Typed words looked up already, per list of names: questions share their words. */
const TYPED_WORDS_KEPT = 20_000;
const typedWordMemory = memoryPer<readonly string[], readonly number[]>(TYPED_WORDS_KEPT);

/** Where the names stand whose first word `word` may be typed as (itself, or one typo away). */
function namesFirstTypedAs(word: string, names: readonly string[]): readonly number[] {
  return typedWordMemory(names).recall(word, () => {
    const index = namesByFirstWord(names);
    const found = new Set<number>();
    for (const key of deletions(word)) for (const i of index.get(key) ?? []) found.add(i);
    return [...found];
  });
}

/** The names whose first word a question's word may be (itself, or one typo away), in list order. */
function namesFirstTyped(words: string[], names: readonly string[]): string[] {
  const found = new Set<number>();
  for (const word of words) for (const i of namesFirstTypedAs(word, names)) found.add(i);
  return [...found].sort((a, b) => a - b).map((i) => names[i] as string);
}

/** Report-specific place names in a question, in any case and with one typo per long word. */
export function localPlacesInQuestion(question: string, names: readonly string[]): PlaceMention[] {
  const tokens = tokenize(question).filter((token) => token.isWord || /^\d/.test(token.text));
  // "almeria" is Almería as typed without its accent: no edit spent on it.
  const words = tokens.map((token) => normalizeForm(token.lower));
  const found = namesFirstTyped(words, names).flatMap((name) => {
    // "Kisumu County" is also asked about as "Kisumu".
    const bare = name.replace(ADMIN_SUFFIX, "").trim();
    const parts = normalizeForm(bare.length >= 4 && !questionHas(words, name) ? bare : name).split(
      /\s+/,
    );
    for (let i = 0; i + parts.length <= words.length; i++) {
      const window = words.slice(i, i + parts.length);
      const matches = window.every((word, j) => {
        const part = parts[j] ?? "";
        return (
          word === part ||
          word === compassNoun(part) ||
          (part.length >= 5 && editDistance(word, part, 1) <= 1)
        );
      });
      if (matches) {
        const start = tokens[i]?.start ?? 0;
        const end = tokens[i + parts.length - 1]?.end ?? start;
        return [{ place: asPlace(name), start, end, text: question.slice(start, end) }];
      }
    }
    return [];
  });
  return longestOfOverlapping(found);
}

/** "ross county" holds "ross": of names asked over the same words, the longest is the one meant. */
function longestOfOverlapping(mentions: PlaceMention[]): PlaceMention[] {
  return mentions.filter(
    (mention) =>
      !mentions.some(
        (other) =>
          other !== mention &&
          other.start < mention.end &&
          mention.start < other.end &&
          other.end - other.start > mention.end - mention.start,
      ),
  );
}
