/** Component custom ids: built by the renderers, parsed by the dispatcher, so both agree on one format. */
export type ComponentAction =
  | { kind: "paragraph"; number: number }
  | { kind: "feedback"; vote: "up" | "down" }
  | { kind: "suggestion" };

export const customIds = {
  paragraph: (number: number) => `para:${number}`,
  feedback: (vote: "up" | "down") => `feedback:${vote}`,
  suggestion: "suggest",
} as const;

export function parseCustomId(customId: string): ComponentAction | null {
  const paragraph = /^para:(\d{1,6})$/.exec(customId);
  if (paragraph?.[1]) return { kind: "paragraph", number: Number(paragraph[1]) };
  if (customId === customIds.feedback("up")) return { kind: "feedback", vote: "up" };
  if (customId === customIds.feedback("down")) return { kind: "feedback", vote: "down" };
  if (customId === customIds.suggestion) return { kind: "suggestion" };
  return null;
}
