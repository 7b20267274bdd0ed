import { type APIEmbed, SlashCommandBuilder } from "discord.js";
import { colors, ephemeral } from "../src/bot/replies.js";
import type { Command } from "./types.js";

const data = new SlashCommandBuilder()
  .setName("help")
  .setDescription("How to ask factdesk about the report");

function usage(command: Command): string {
  const json = command.data.toJSON();
  const options = (json.options ?? []).map((option) =>
    "required" in option && option.required ? ` ${option.name}:…` : ` [${option.name}]`,
  );
  return `**/${json.name}${options.join("")}** — ${json.description}`;
}

/** Built from the command list itself, so help never names a command that is not registered. */
export function createHelpCommand(listed: readonly Command[]): Command {
  return {
    data,
    async execute(interaction) {
      const embed: APIEmbed = {
        title: "factdesk: cited answers about the report",
        color: colors.info,
        description: [
          ...listed.map(usage),
          `**/help** — ${data.description}`,
          "",
          "You can also mention me with a question, or send it to me in a direct message.",
          "Every answer cites the paragraph it comes from as ¶N; the **Show ¶N** button opens it.",
        ].join("\n"),
      };
      await interaction.reply(ephemeral({ embeds: [embed] }));
    },
  };
}
