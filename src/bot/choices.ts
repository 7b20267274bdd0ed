import type { ApplicationCommandOptionChoiceData } from "discord.js";
import Fuse from "fuse.js";

/** Discord shows at most 25 autocomplete choices, with names and values of at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export function toChoices(values: readonly string[]): ApplicationCommandOptionChoiceData<string>[] {
  const usable = values.filter((v) => v.trim().length > 0 && v.length <= MAX_CHOICE_LENGTH);
  return [...new Set(usable)].slice(0, MAX_CHOICES).map((value) => ({ name: value, value }));
}

/** Names ranked by fuzzy match against what the user typed so far ("guang", "yunan"); all when empty. */
export function rankNames(partial: string, names: readonly string[]): string[] {
  const query = partial.trim();
  if (!query) return [...names];
  return new Fuse(names, { threshold: 0.4, ignoreLocation: true })
    .search(query)
    .map((hit) => hit.item);
}
