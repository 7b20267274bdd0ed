import type { APIEmbedField } from "discord.js";

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
