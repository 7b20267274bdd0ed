import { SlashCommandBuilder } from "discord.js";
import { rankNames, toChoices } from "../src/bot/choices.js";
import { renderFigures } from "../src/bot/renderViews.js";
import { ephemeralNotice, noPings } from "../src/bot/replies.js";
import { figuresFor, placesWithFigures } from "../src/qa/figures.js";
import type { Command } from "./types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("figures")
    .setDescription("Every figure the report gives for a place, or the headline national figures")
    .addStringOption((option) =>
      option
        .setName("place")
        .setDescription("A province, region or country; leave empty for the national totals")
        .setMaxLength(100)
        .setAutocomplete(true),
    ),

  async execute(interaction, context) {
    const place = interaction.options.getString("place")?.trim() || null;
    const { index } = context.services.reports.active(interaction.guildId);
    const facts = figuresFor(place, index);
    if (facts.length === 0) {
      const places = placesWithFigures(index);
      const closest = place ? rankNames(place, places).slice(0, 3) : [];
      const hint =
        closest.length > 0
          ? `Did you mean ${closest.join(", ")}?`
          : `Places with figures: ${places.slice(0, 10).join(", ") || "none"}.`;
      const where = place ? `for “${place}”` : "at national level";
      await interaction.reply(ephemeralNotice(`The report gives no figures ${where}. ${hint}`));
      return;
    }
    await interaction.reply({
      ...renderFigures(place, facts, index.meta),
      allowedMentions: noPings,
    });
  },

  async autocomplete(interaction, context) {
    const { index } = context.services.reports.active(interaction.guildId);
    const partial = interaction.options.getFocused();
    await interaction.respond(toChoices(rankNames(partial, placesWithFigures(index))));
  },
} satisfies Command;
