import { SlashCommandBuilder } from "discord.js";
import { MAX_QUESTION_LENGTH, replyWithAnswer } from "../src/bot/answering.js";
import { toChoices } from "../src/bot/choices.js";
import { reportForAutocomplete } from "../src/bot/coldReport.js";
import { MEMBER_CONTEXTS, MEMBER_INSTALLS } from "../src/bot/registration.js";
import { suggestQuestions } from "../src/qa/suggest.js";
import type { Command } from "./types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask a question about the report; the answer cites the paragraph it comes from")
    .setContexts(MEMBER_CONTEXTS)
    .setIntegrationTypes(MEMBER_INSTALLS)
    .addStringOption((option) =>
      option
        .setName("question")
        .setDescription("For example: How many tons of drugs were seized?")
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) =>
      option.setName("private").setDescription("Only you see the answer"),
    ),

  async execute(interaction, context) {
    const question = interaction.options.getString("question", true);
    const hidden = interaction.options.getBoolean("private") ?? false;
    await replyWithAnswer(interaction, question, context, { private: hidden });
  },

  async autocomplete(interaction, context) {
    const report = await reportForAutocomplete(interaction, context.services);
    if (!report) return interaction.respond([]);
    const { index } = report;
    const partial = interaction.options.getFocused();
    await interaction.respond(toChoices(suggestQuestions(partial, index, 25)));
  },
} satisfies Command;
