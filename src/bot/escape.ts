import { escapeMarkdown } from "discord.js";
import { BoundedMemory } from "../text/memory.js";

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
  // "<\@id>": the backslash breaks the mention pattern, and Discord shows the rest as typed.
  return escaped.recall(text, (raw) =>
    escapeMarkdown(raw, everything)
      .replace(/<(@[!&]?|#)(\d+)>/g, "<\\$1$2>")
      .replace(/@(everyone|here)\b/g, "@\u200b$1"),
  );
}

/**
 * Texts escaped already: the same quotes and figures are shown answer after answer, and
 * escapeMarkdown's patterns cost a tenth of an answer in a burst. Bounded, cleared when full.
 */
const ESCAPED_CACHE_SIZE = 10_000;
const escaped = new BoundedMemory<string>(ESCAPED_CACHE_SIZE);

/** Engine text that marks figures with **…**: the bold survives, everything inside is escaped. */
export function escapeKeepingBold(text: string): string {
  return text
    .split("**")
    .map((part) => escapeText(part))
    .join("**");
}
