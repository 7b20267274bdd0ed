import { basename } from "node:path";
import type { ChangedFact, FactTableDiff } from "../facts/diff.js";
import type { Fact } from "../facts/schema.js";
import type { StoredPin } from "../store/pins.js";
import type { StoredVersion, VersionMeta } from "../store/reportVersions.js";
import type { GapGroup } from "./gaps.js";
import type { AlreadyUpToDate, HistoryEntry, ReportStatus, VersionChange } from "./types.js";

/** How people and times are shown: Discord renders mentions and timestamps, a terminal cannot. */
export interface Presentation {
  user(id: string): string;
  time(date: Date): string;
  /** "this server" in Discord; "server 123…" in the CLI. */
  guild(id: string): string;
  /** Where a version came from; Discord never sees the operator's paths. */
  source(source: string): string;
}

/** "file:/srv/reports/x.txt" → "file:x.txt"; URLs and upload names are shown as they are. */
export function publicSource(source: string): string {
  return source.startsWith("file:") ? `file:${basename(source.slice("file:".length))}` : source;
}

export const plainPresentation: Presentation = {
  source: (source) => source,
  user: (id) => `user ${id}`,
  time: (date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  guild: (id) => `server ${id}`,
};

const SHOWN_PER_KIND = 5;
const MAX_QUOTE = 90;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** "heroin · seize · Oakfield": what a figure counts, for matching lines up by eye. */
function what(fact: Fact): string {
  return [clip(fact.subject, MAX_QUOTE), fact.action ?? "", fact.places.join(", ")]
    .filter((part) => part.length > 0)
    .join(" · ");
}

/** "¶3 2.4 tons · drugs · seize · Oakfield"; the subject is left out when the figure's words hold it. */
function factLine(fact: Fact): string {
  const about = fact.text.includes(fact.subject)
    ? [fact.action ?? "", fact.places.join(", ")].filter((part) => part.length > 0).join(" · ")
    : what(fact);
  return `¶${fact.paragraph} ${clip(fact.text, MAX_QUOTE)}${about ? ` · ${about}` : ""}`;
}

function changedLine({ before, after }: ChangedFact): string {
  const about = what(after);
  return `¶${after.paragraph} ${about ? `${about}: ` : ""}${clip(before.text, 40)} → ${clip(after.text, 40)}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, SHOWN_PER_KIND).map((item) => `• ${line(item)}`);
  const more = items.length - shown.length;
  return [`**${title} (${items.length})**`, ...shown, ...(more > 0 ? [`…and ${more} more`] : [])];
}

function scopeLabel(guildId: string | null, how: Presentation): string {
  return guildId === null
    ? "the default report (servers without their own upload)"
    : how.guild(guildId);
}

function diffLines(diff: FactTableDiff): string[] {
  return [
    ...section("Added", diff.added, factLine),
    ...section("Removed", diff.removed, factLine),
    ...section("Changed", diff.changed, changedLine),
    ...(diff.added.length + diff.removed.length + diff.changed.length === 0
      ? ["No figures changed."]
      : []),
  ];
}

function pinLine(pin: StoredPin): string {
  const figure = pin.figure ? ` · ${clip(pin.figure, 60)}` : "";
  return `#${pin.id} "${clip(pin.question, 80)}" → ¶${pin.paragraph}${figure}`;
}

/** "Title · Publisher · 2024-03-03 · https://…": what the report says of itself. */
export function describeMeta(meta: VersionMeta): string | null {
  const parts = [meta.title, meta.publisher, meta.date, meta.url].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** The reply to a refresh or rollback: what the bot answers from now, and how that differs. */
export function describeChange(change: VersionChange, how: Presentation): string {
  const { version, paragraphs, facts, diff } = change;
  const verb = change.action === "rollback" ? "Rolled back to" : "Updated to";
  const meta = describeMeta(version.meta);
  return [
    `**${verb} version ${version.id}** (${how.source(version.source)}) for ${scopeLabel(change.guildId, how)}.`,
    ...(meta ? [meta] : []),
    `Paragraphs ${paragraphs.before} → ${paragraphs.after} · facts ${facts.before} → ${facts.after}` +
      ` (was version ${change.previous.version})`,
    ...diffLines(diff),
    ...section("Pins to check again: their paragraph changed", change.changedPins, pinLine),
  ].join("\n");
}

export interface VersionDiff {
  from: StoredVersion;
  to: StoredVersion;
  paragraphs: { before: number; after: number };
  facts: { before: number; after: number };
  diff: FactTableDiff;
}

export function describeDiff(change: VersionDiff, how: Presentation): string {
  const { from, to, paragraphs, facts } = change;
  return [
    `**Version ${from.id} → version ${to.id}** (${how.source(from.source)} → ${how.source(to.source)})`,
    `Paragraphs ${paragraphs.before} → ${paragraphs.after} · facts ${facts.before} → ${facts.after}`,
    ...diffLines(change.diff),
  ].join("\n");
}

export function describePins(pins: readonly StoredPin[], version: number): string {
  if (pins.length === 0) return `No pins on version ${version}.`;
  const lines = pins.map((pin) => `• ${pinLine(pin)}${pin.note ? ` (${clip(pin.note, 80)})` : ""}`);
  return [`**Pinned answers on version ${version}**`, ...lines].join("\n");
}

export function describeRefresh(outcome: VersionChange | AlreadyUpToDate, how: Presentation) {
  return outcome.kind === "unchanged"
    ? `Already up to date: version ${outcome.version} has exactly this content.`
    : describeChange(outcome, how);
}

export function describeStatus(status: ReportStatus, how: Presentation): string {
  const { active, feedback } = status;
  const loadedBy = active.loadedBy === null ? "the operator" : how.user(active.loadedBy);
  const { title, publisher, date, url } = active.meta;
  return [
    `**Version ${active.version}** · ${how.source(active.source)}` +
      (status.followsDefault ? " (the default report)" : " (this server's own upload)"),
    ...(title ? [`Title: ${title}`] : []),
    ...(publisher || date ? [`Published: ${[publisher, date].filter(Boolean).join(", ")}`] : []),
    ...(url ? [`Source: ${url}`] : []),
    `sha256 \`${active.sha256.slice(0, 12)}\``,
    `${count(active.paragraphs, "paragraph")} · ${count(active.facts, "fact")}`,
    `Loaded ${how.time(active.loadedAt)} by ${loadedBy}`,
    `Feedback: 👍 ${feedback.up} · 👎 ${feedback.down}`,
    ...(status.shard ? [`Answered by shard ${status.shard.id} of ${status.shard.count}`] : []),
  ].join("\n");
}

/**
 * Two lines a version: which, when and by whom (what a rollback is chosen by), then what it is:
 * its title, source, scope and size.
 */
export function describeHistory(entries: readonly HistoryEntry[], how: Presentation): string {
  if (entries.length === 0) return "No report versions yet.";
  const lines = entries.flatMap(({ version, active }) => {
    const by = version.createdBy === null ? "the operator" : how.user(version.createdBy);
    const scope = version.guildId === null ? "default" : `upload for ${how.guild(version.guildId)}`;
    const what = [
      ...(version.meta.title ? [clip(version.meta.title, MAX_QUOTE)] : []),
      how.source(version.source),
      scope,
      count(version.paragraphs, "paragraph"),
      count(version.facts, "fact"),
    ];
    return [
      `${active ? "▶" : "•"} **v${version.id}** · ${how.time(version.createdAt)} by ${by}`,
      what.join(" · "),
    ];
  });
  return ["**Report versions, newest first** (▶ active)", ...lines].join("\n");
}

export function describeGaps(groups: readonly GapGroup[], days: number): string {
  if (groups.length === 0) {
    return `No unanswered or low-confidence questions in the last ${days} days.`;
  }
  const lines = groups.map((group, i) => {
    const notFound = group.notFound > 0 ? ` (${group.notFound} not found)` : "";
    return `${i + 1}. "${clip(group.question, 100)}" — asked ${group.count}×${notFound}`;
  });
  return [`**Most asked questions without a good answer, last ${days} days**`, ...lines].join("\n");
}
