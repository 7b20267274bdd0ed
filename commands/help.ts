import { type APIEmbed, type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import { escapeText } from "../src/bot/escape.js";
import { isModerator } from "../src/bot/permissions.js";
import { MEMBER_CONTEXTS, MEMBER_INSTALLS } from "../src/bot/registration.js";
import { colors, ephemeral } from "../src/bot/replies.js";
import type { ActiveVersion } from "../src/services.js";
import { type AnyCommand, type Command, type CommandContext, isMessageCommand } from "./types.js";

const data = new SlashCommandBuilder()
  .setName("help")
  .setDescription("How to ask factdesk about the report")
  .setContexts(MEMBER_CONTEXTS)
  .setIntegrationTypes(MEMBER_INSTALLS);

function usage(command: AnyCommand): string {
  if (isMessageCommand(command)) {
    return `**Apps → ${command.data.name}** on any message — answers that message, privately`;
  }
  const json = command.data.toJSON();
  const options = (json.options ?? []).map((option) =>
    "required" in option && option.required ? ` ${option.name}:…` : ` [${option.name}]`,
  );
  return `**/${json.name}${options.join("")}** — ${json.description}`;
}

/** Commands registered for servers only with Manage Server (e.g. /report) are for moderators. */
function forModerators(command: AnyCommand): boolean {
  return !isMessageCommand(command) && command.data.toJSON().default_member_permissions != null;
}

function canModerate(interaction: ChatInputCommandInteraction, context: CommandContext): boolean {
  if (!interaction.inGuild()) return false;
  return isModerator(interaction, context.settings.forGuild(interaction.guildId).moderatorRoleIds);
}

/** "Harbour Patrol results (2031-03-02) · source: https://…": which report answers come from. */
function activeReportLine(active: ActiveVersion): string {
  const { meta } = active;
  const title = escapeText(meta.title ?? meta.name);
  const date = meta.date ? ` (${meta.date})` : "";
  const source = meta.url ?? active.source.replace(/^(file|upload):/, "");
  return `Answers come from **${title}**${date}, version ${active.version} · source: ${escapeText(source)}`;
}

/** Built from the command list itself, so help never names a command that is not registered. */
export function createHelpCommand(listed: readonly AnyCommand[]): Command {
  return {
    data,
    async execute(interaction, context) {
      const active = context.services.reports.activeVersion(interaction.guildId);
      const moderator = canModerate(interaction, context);
      const shown = listed.filter((command) => moderator || !forModerators(command));
      const embed: APIEmbed = {
        title: "factdesk: cited answers about the report",
        color: colors.info,
        description: [
          activeReportLine(active),
          "",
          ...shown.map(usage),
          `**/help** — ${data.description}`,
          "",
          "You can also mention me with a question, or send it to me in a direct message; a question that follows on (“and last year?”) keeps the last one's subject for ten minutes.",
          "Every answer cites the paragraph it comes from as ¶N; the **Show ¶N** button opens it.",
        ].join("\n"),
      };
      await interaction.reply(ephemeral({ embeds: [embed] }));
    },
  };
}
