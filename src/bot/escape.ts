import { escapeMarkdown } from "discord.js";

/** Numbered lists are left alone: "3.5 tons" must not become "3\.5 tons", and a stray list is harmless. */
const everything = {
  heading: true,
  bulletedList: true,
  maskedLink: true,
} as const;

/**
 * Report and question text shown in Discord: no markup of its own survives (spoilers, masked links,
 * headings, emphasis), and mentions show as text. allowedMentions already stops any ping; this stops
 * `<@id>` rendering as a name and `@everyone` looking like an announcement.
 */
export function escapeText(text: string): string {
  let escaped = escapedCache.get(text);
  if (escaped === undefined) {
    // "<\@id>": the backslash breaks the mention pattern, and Discord shows the rest as typed.
    escaped = escapeMarkdown(text, everything)
      .replace(/<(@[!&]?|#)(\d+)>/g, "<\\$1$2>")
      .replace(/@(everyone|here)\b/g, "@\u200b$1");
    if (escapedCache.size >= ESCAPED_CACHE_SIZE) escapedCache.clear();
    escapedCache.set(text, escaped);
  }
  return escaped;
}

/**
 * Texts escaped already: the same quotes and figures are shown answer after answer, and
 * escapeMarkdown's patterns cost a tenth of an answer in a burst. Bounded, cleared when full.
 */
const ESCAPED_CACHE_SIZE = 10_000;
const escapedCache = new Map<string, string>();

/** Engine text that marks figures with **…**: the bold survives, everything inside is escaped. */
export function escapeKeepingBold(text: string): string {
  return text
    .split("**")
    .map((part) => escapeText(part))
    .join("**");
}
