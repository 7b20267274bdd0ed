/** Component custom ids: built by the renderers, parsed by the dispatcher, so both agree on one format. */
export type ComponentAction =
  | { kind: "paragraph"; number: number }
  | { kind: "feedback"; vote: "up" | "down" }
  | { kind: "suggestion"; askerId: string | null }
  | { kind: "remove"; askerId: string }
  | { kind: "figuresPage"; page: number; place: string | null };

/** Discord caps custom ids at 100 characters. */
export const MAX_CUSTOM_ID = 100;

export const customIds = {
  paragraph: (number: number) => `para:${number}`,
  feedback: (vote: "up" | "down") => `feedback:${vote}`,
  /** The asker's id travels with the menu, so a pick by them edits the answer in place. */
  suggestion: (askerId: string | null) => (askerId ? `suggest:${askerId}` : "suggest"),
  remove: (askerId: string) => `remove:${askerId}`,
  figuresPage: (page: number, place: string | null) => `figs:${page}:${place ?? ""}`,
} as const;

export function parseCustomId(customId: string): ComponentAction | null {
  const paragraph = /^para:(\d{1,6})$/.exec(customId);
  if (paragraph?.[1]) return { kind: "paragraph", number: Number(paragraph[1]) };
  if (customId === customIds.feedback("up")) return { kind: "feedback", vote: "up" };
  if (customId === customIds.feedback("down")) return { kind: "feedback", vote: "down" };
  const suggestion = /^suggest(?::(\d{1,22}))?$/.exec(customId);
  if (suggestion) return { kind: "suggestion", askerId: suggestion[1] ?? null };
  const remove = /^remove:(\d{1,22})$/.exec(customId);
  if (remove?.[1]) return { kind: "remove", askerId: remove[1] };
  const page = /^figs:(\d{1,4}):(.*)$/s.exec(customId);
  if (page?.[1] !== undefined) {
    return { kind: "figuresPage", page: Number(page[1]), place: page[2] || null };
  }
  return null;
}
