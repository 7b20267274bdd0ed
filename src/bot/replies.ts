import { type APIEmbed, MessageFlags } from "discord.js";

/** Every message the bot sends: nothing quoted from a report or a question can ping anyone. */
export const noPings = { parse: [], repliedUser: false } as const;

export const colors = {
  answered: 0x2e7d32,
  uncertain: 0xf9a825,
  info: 0x1565c0,
  error: 0xc62828,
} as const;

/** Only the user who asked sees it. */
export function ephemeral<T extends object>(message: T) {
  return { ...message, flags: MessageFlags.Ephemeral, allowedMentions: noPings } as const;
}

/** Errors, refusals and acknowledgements only the clicking user needs to see. */
export function ephemeralNotice(text: string, color: number = colors.info) {
  const embed: APIEmbed = { description: text, color };
  return ephemeral({ embeds: [embed] });
}
