import type { APIEmbed, APIEmbedField } from "discord.js";

/** Discord rejects a whole message when any of these is exceeded, so every embed is fitted to them. */
export const embedLimits = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  total: 6000,
} as const;

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji, a rare CJK character) at the cut.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function fitField(name: string, value: string): APIEmbedField {
  return {
    name: truncate(name, embedLimits.fieldName),
    value: truncate(value, embedLimits.fieldValue),
  };
}

function embedSize(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    fields
  );
}

/**
 * Adds fields in order while the embed stays within the field count and total size limits.
 * Returns how many fields did not fit.
 */
function addFieldsWithinLimits(embed: APIEmbed, fields: APIEmbedField[]): number {
  const kept: APIEmbedField[] = [...(embed.fields ?? [])];
  let size = embedSize(embed);
  let added = 0;
  for (const field of fields) {
    const fieldSize = field.name.length + field.value.length;
    if (kept.length >= embedLimits.fields || size + fieldSize > embedLimits.total) break;
    kept.push(field);
    size += fieldSize;
    added++;
  }
  embed.fields = kept;
  return fields.length - added;
}

/**
 * Sets the footer and adds as many fields as fit; the footer then says how many figures are not shown
 * (`omitted` counts ones the caller left out beforehand). Room for that note is reserved up front.
 */
export function addFieldsWithFooter(
  embed: APIEmbed,
  fields: APIEmbedField[],
  footer: string,
  omitted = 0,
): void {
  const base = truncate(footer, embedLimits.footer - 40);
  const withNote = (hidden: number) =>
    hidden === 0 ? base : `${base} · ${hidden} more figure${hidden === 1 ? "" : "s"} not shown`;
  embed.footer = { text: withNote(fields.length + omitted) };
  const hidden = addFieldsWithinLimits(embed, fields) + omitted;
  embed.footer = { text: withNote(hidden) };
}
