// What /config and /report, the moderators' commands, share: how they are registered and who may
// use them.
import {
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import type { Logger } from "pino";
import { isModerator } from "./permissions.js";
import { colors, ephemeralNotice } from "./replies.js";

/** A server-only command that Discord shows, by default, to members with Manage Server. */
export function moderatorCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}

/**
 * True for a moderator. Anyone else is told what they would need, and the attempt is logged: a
 * server can show the command to every member, so Discord's default is no check.
 */
export async function admitModerator(
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  moderatorRoleIds: readonly string[],
  logger: Logger,
  refused: { command: string; task: string },
): Promise<boolean> {
  if (isModerator(interaction, moderatorRoleIds)) return true;
  logger.warn({ userId: interaction.user.id }, `non-moderator tried ${refused.command}`);
  await interaction.reply(
    ephemeralNotice(
      `Only moderators can ${refused.task}: you need Manage Server or a moderator role.`,
      colors.error,
    ),
  );
  return false;
}
