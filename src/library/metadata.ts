import { MONTH, monthNumber } from "../facts/dates.js";
import { placeByName } from "../facts/places.js";
import type { VersionMeta } from "../store/reportVersions.js";
import { VersionMeta as VersionMetaSchema } from "../store/reportVersions.js";

const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** "March 3rd", "March 3, 2024", "3 March 2024", "2024-03-03". */
const DATE = new RegExp(
  String.raw`(${MONTH})\s+${ORDINAL}(?:,?\s+(\d{4}))?|${ORDINAL}\s+(${MONTH})(?:,?\s+(\d{4}))?|(\d{4})-(\d{2})-(\d{2})`,
  "i",
);
/** "Some News Agency, March 3rd." or "CITY, March 3 (Some Agency) --" opening a paragraph. */
const DATELINE = new RegExp(
  String.raw`^([A-Z][^,.\n]{1,60}?),\s+(?=${MONTH}\s+\d|\d{1,2}\s+${MONTH})`,
  "i",
);
const AGENCY_IN_PARENS = /^[^(\n]{0,80}\(([A-Z][^()\n]{1,40})\)\s*(?:--|—|–|-)/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const FRONT_MATTER_KEYS: Record<string, keyof VersionMeta> = {
  title: "title",
  publisher: "publisher",
  source: "publisher",
  author: "publisher",
  date: "date",
  published: "date",
  url: "url",
  link: "url",
  source_url: "url",
};
const MAX_TITLE = 200;
const HEADLINE_WORDS = 25;

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * A date the report states, as YYYY-MM-DD. A dateline without a year ("March 3rd") takes the most
 * recent such day not after `now`: press releases are read soon after they are published.
 */
export function readDate(text: string, now: Date): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  if (match[7]) return iso(Number(match[7]), Number(match[8]), Number(match[9]));
  const [month, day, year] = match[1]
    ? [monthNumber(match[1]), Number(match[2]), match[3]]
    : [monthNumber(match[5] ?? ""), Number(match[4]), match[6]];
  if (year) return iso(Number(year), month, day);
  const thisYear = now.getUTCFullYear();
  const candidate = iso(thisYear, month, day);
  if (candidate && candidate <= now.toISOString().slice(0, 10)) return candidate;
  return iso(thisYear - 1, month, day);
}

function frontMatter(text: string): VersionMeta {
  const block = FRONT_MATTER.exec(text)?.[1];
  const meta: Record<string, string> = {};
  for (const line of block?.split(/\r?\n/) ?? []) {
    const [, key, raw] = /^\s*([\w-]+)\s*:\s*(.+?)\s*$/.exec(line) ?? [];
    const field = key ? FRONT_MATTER_KEYS[key.toLowerCase()] : undefined;
    const value = raw?.replace(/^["']|["']$/g, "");
    if (field && value && !(field in meta)) meta[field] = value;
  }
  return meta;
}

function paragraphsOf(text: string): string[] {
  return text
    .replace(FRONT_MATTER, "")
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}

/** A Markdown heading, or a short first block that reads as a headline rather than a sentence. */
function readTitle(paragraphs: readonly string[]): string | undefined {
  const first = paragraphs[0];
  if (!first) return undefined;
  const heading = /^#{1,3}\s+(.+)$/m.exec(first)?.[1]?.trim();
  if (heading) return heading.replace(/[*_`]/g, "");
  const line = first.split("\n")[0]?.trim() ?? "";
  const isHeadline =
    !first.includes("\n") &&
    !/[.:;]$/.test(line) &&
    line.split(/\s+/).length <= HEADLINE_WORDS &&
    !DATELINE.test(line);
  return isHeadline ? line : undefined;
}

function readPublisher(paragraphs: readonly string[]): string | undefined {
  for (const paragraph of paragraphs.slice(0, 3)) {
    const agency = AGENCY_IN_PARENS.exec(paragraph)?.[1];
    if (agency) return agency.trim();
    const dateline = DATELINE.exec(paragraph)?.[1];
    // "BEIJING, March 3" or "Hangzhou, March 3" names a city, not a publisher.
    const isPlace = dateline !== undefined && placeByName(dateline.trim()) !== undefined;
    if (dateline && !isPlace && dateline !== dateline.toUpperCase()) return dateline.trim();
  }
  return undefined;
}

function readReportDate(paragraphs: readonly string[], now: Date): string | undefined {
  for (const paragraph of paragraphs.slice(0, 3)) {
    const opening = paragraph.slice(0, 120);
    if (DATELINE.test(opening) || AGENCY_IN_PARENS.test(opening)) {
      const date = readDate(opening, now);
      if (date) return date;
    }
  }
  return undefined;
}

/** "2024-03-03_border-results.md" → a date and a readable title; "report.txt" → nothing. */
export function metaFromFileName(name: string): VersionMeta {
  const stem = name.replace(/\.[^.]+$/, "");
  const dated = /^(\d{4})-(\d{2})-(\d{2})[_\s-]+(.+)$/.exec(stem);
  const words = (dated?.[4] ?? stem).replace(/[_-]+/g, " ").trim();
  // A one-word name ("report", "notes") says nothing a title should.
  const title = words.includes(" ") ? words.charAt(0).toUpperCase() + words.slice(1) : undefined;
  const date = dated ? iso(Number(dated[1]), Number(dated[2]), Number(dated[3])) : undefined;
  return { ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

/** What the report says of itself: front matter first, then its heading, dateline and agency. */
export function readMetadata(text: string, now: Date): VersionMeta {
  const paragraphs = paragraphsOf(text);
  const title = readTitle(paragraphs)?.slice(0, MAX_TITLE);
  const publisher = readPublisher(paragraphs);
  const date = readReportDate(paragraphs, now);
  const read = {
    ...(title ? { title } : {}),
    ...(publisher ? { publisher } : {}),
    ...(date ? { date } : {}),
  };
  return { ...read, ...frontMatter(text) };
}

/** Later sources win, field by field; a field that does not validate is dropped, never stored. */
export function mergeMeta(...sources: readonly VersionMeta[]): VersionMeta {
  const merged: Record<string, string> = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      if (typeof value !== "string" || value.trim() === "") continue;
      const checked = VersionMetaSchema.safeParse({ [key]: value.trim() });
      if (checked.success) Object.assign(merged, checked.data);
    }
  }
  return merged;
}
