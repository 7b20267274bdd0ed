import { SlashCommandBuilder } from "discord.js";
import { answerQuestion, MAX_QUESTION_LENGTH, recordQuestion } from "../src/bot/answering.js";
import { toChoices } from "../src/bot/choices.js";
import { noPings } from "../src/bot/replies.js";
import { suggestQuestions } from "../src/qa/suggest.js";
import type { Command } from "./types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask a question about the report; the answer cites the paragraph it comes from")
    .addStringOption((option) =>
      option
        .setName("question")
        .setDescription("For example: How many tons of drugs were seized?")
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH)
        .setAutocomplete(true),
    ),

  async execute(interaction, context) {
    const question = interaction.options.getString("question", true);
    const { answer, message } = answerQuestion(question, interaction.guildId, context.services);
    await interaction.reply({ ...message, allowedMentions: noPings });
    recordQuestion(context, interaction, answer);
  },

  async autocomplete(interaction, context) {
    const { index } = context.services.reports.active(interaction.guildId);
    const partial = interaction.options.getFocused();
    await interaction.respond(toChoices(suggestQuestions(partial, index, 25)));
  },
} satisfies Command;
