import { SlashCommandBuilder } from "discord.js";
import { renderParagraph } from "../src/bot/renderViews.js";
import { colors, ephemeralNotice, noPings } from "../src/bot/replies.js";
import type { Command } from "./types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("paragraph")
    .setDescription("Show one paragraph of the report (¶N): its section, text and figures")
    .addIntegerOption((option) =>
      option
        .setName("number")
        .setDescription("The paragraph number, as cited in answers (¶N)")
        .setRequired(true)
        .setMinValue(1),
    ),

  async execute(interaction, context) {
    const number = interaction.options.getInteger("number", true);
    const { index } = context.services.reports.active(interaction.guildId);
    const paragraph = index.report.paragraphs.find((p) => p.number === number);
    if (!paragraph) {
      const count = index.report.paragraphs.length;
      await interaction.reply(
        ephemeralNotice(
          `There is no ¶${number}: the report has paragraphs ¶1 to ¶${count}.`,
          colors.error,
        ),
      );
      return;
    }
    const facts = index.table.facts.filter((fact) => fact.paragraph === number);
    await interaction.reply({
      ...renderParagraph(paragraph, facts, index.meta),
      allowedMentions: noPings,
    });
  },
} satisfies Command;
