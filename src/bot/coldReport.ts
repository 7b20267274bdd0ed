import {
  type AutocompleteInteraction,
  type CommandInteraction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageComponentInteraction,
  MessageFlags,
} from "discord.js";
import type { ActiveReport, Services } from "../services.js";

type RepliableInteraction = CommandInteraction | MessageComponentInteraction;

/**
 * The guild's report for an interaction that replies once. Its index may have to be built first
 * (the guild's first question, or after eviction), which can take longer than the 3 s Discord
 * waits for an acknowledgement: then the reply is deferred first, public or private as the reply
 * will be.
 */
export async function reportForReply(
  interaction: RepliableInteraction,
  services: Services,
  visibility: "public" | "private",
): Promise<ActiveReport> {
  if (!services.reports.isIndexed(interaction.guildId) && !interaction.deferred) {
    await interaction.deferReply(visibility === "private" ? { flags: MessageFlags.Ephemeral } : {});
  }
  return services.reports.active(interaction.guildId);
}

/** The same for a button or menu that updates its own message. */
export async function reportForUpdate(
  interaction: MessageComponentInteraction,
  services: Services,
): Promise<ActiveReport> {
  if (!services.reports.isIndexed(interaction.guildId) && !interaction.deferred) {
    await interaction.deferUpdate();
  }
  return services.reports.active(interaction.guildId);
}

/** Reply, or fill in the reply deferred above (which keeps the visibility it was deferred with). */
export async function sendReply(
  interaction: RepliableInteraction,
  body: InteractionReplyOptions,
): Promise<string | undefined> {
  if (interaction.deferred) {
    const { flags: _flags, ...rest } = body;
    return (await interaction.editReply(rest)).id;
  }
  const response = await interaction.reply({ ...body, withResponse: true });
  return response.resource?.message?.id;
}

/** Update the component's message, or edit it after a deferred update. */
export async function sendUpdate(
  interaction: MessageComponentInteraction,
  body: InteractionUpdateOptions,
): Promise<void> {
  if (interaction.deferred) await interaction.editReply(body);
  else await interaction.update(body);
}

/**
 * Autocomplete cannot be deferred: while the guild's index is being built it offers nothing, and
 * the keystroke starts the build, so the question itself finds the index ready.
 */
export async function reportForAutocomplete(
  interaction: AutocompleteInteraction,
  services: Services,
): Promise<ActiveReport | null> {
  const pending = services.reports.active(interaction.guildId);
  if (services.reports.isIndexed(interaction.guildId)) return pending;
  // A build that fails is logged by the library and answered when the question itself is asked.
  pending.catch(() => {});
  return null;
}
