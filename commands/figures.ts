import { SlashCommandBuilder } from "discord.js";
import { rankNames, toChoices } from "../src/bot/choices.js";
import { reportForAutocomplete, reportForReply, sendReply } from "../src/bot/coldReport.js";
import { figuresView } from "../src/bot/figuresView.js";
import { MEMBER_CONTEXTS, MEMBER_INSTALLS } from "../src/bot/registration.js";
import { ephemeralNotice, noPings } from "../src/bot/replies.js";
import { placesWithFigures } from "../src/qa/figures.js";
import type { Command } from "./types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("figures")
    .setDescription("Every figure the report gives for a place, or the headline national figures")
    .setContexts(MEMBER_CONTEXTS)
    .setIntegrationTypes(MEMBER_INSTALLS)
    .addStringOption((option) =>
      option
        .setName("place")
        .setDescription("A province, region or country; leave empty for the national totals")
        .setMaxLength(100)
        .setAutocomplete(true),
    ),

  async execute(interaction, context) {
    const place = interaction.options.getString("place")?.trim() || null;
    const { index } = await reportForReply(interaction, context.services, "public");
    const shown = figuresView(place, index);
    if ("notice" in shown) {
      await sendReply(interaction, ephemeralNotice(shown.notice));
      return;
    }
    await sendReply(interaction, { ...shown.view, allowedMentions: noPings });
  },

  async autocomplete(interaction, context) {
    const report = await reportForAutocomplete(interaction, context.services);
    if (!report) return interaction.respond([]);
    const { index } = report;
    const partial = interaction.options.getFocused();
    await interaction.respond(toChoices(rankNames(partial, placesWithFigures(index))));
  },
} satisfies Command;
