import { isDeepStrictEqual } from "node:util";

/** A registered or wanted command, as far as the diff cares: its name and what Discord stores. */
type CommandJson = { name: string; type?: number } & Record<string, unknown>;

/** Fields Discord adds on its side, or fills with defaults, that say nothing about our command. */
const SERVER_FIELDS = new Set(["id", "application_id", "version", "guild_id", "dm_permission"]);

/** Drops server-side fields, nulls, empty lists and `false` defaults, so equal commands compare equal. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value)
    .filter(([key, field]) => !SERVER_FIELDS.has(key) && field !== null && field !== undefined)
    .filter(([, field]) => field !== false && !(Array.isArray(field) && field.length === 0))
    .map(([key, field]) => [key, normalise(field)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

export interface CommandDiff {
  added: string[];
  removed: string[];
  changed: { name: string; fields: string[] }[];
  unchanged: string[];
}

const key = (command: CommandJson) => `${command.type ?? 1}:${command.name}`;

/** What a bulk PUT of `wanted` would change in `registered`. */
export function diffCommands(
  registered: readonly CommandJson[],
  wanted: readonly CommandJson[],
): CommandDiff {
  const before = new Map(registered.map((command) => [key(command), command]));
  const after = new Map(wanted.map((command) => [key(command), command]));
  const diff: CommandDiff = { added: [], removed: [], changed: [], unchanged: [] };
  for (const [id, command] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push(command.name);
      continue;
    }
    const a = normalise(old) as Record<string, unknown>;
    const b = normalise(command) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (field) => !isDeepStrictEqual(a[field], b[field]),
    );
    if (fields.length === 0) diff.unchanged.push(command.name);
    else diff.changed.push({ name: command.name, fields: fields.sort() });
  }
  for (const [id, command] of before) if (!after.has(id)) diff.removed.push(command.name);
  return diff;
}

const label = (name: string) => (/^[-_\p{Ll}\p{N}]+$/u.test(name) ? `/${name}` : `"${name}"`);

/** "+ /ask (new)", "~ /search (changed: options)", "- /old (removed)", "= /help". */
export function describeDiff(diff: CommandDiff): string[] {
  return [
    ...diff.added.map((name) => `  + ${label(name)}  (new)`),
    ...diff.changed.map(
      ({ name, fields }) => `  ~ ${label(name)}  (changed: ${fields.join(", ")})`,
    ),
    ...diff.removed.map((name) => `  - ${label(name)}  (removed)`),
    ...diff.unchanged.map((name) => `  = ${label(name)}`),
  ];
}
