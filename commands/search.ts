import { SlashCommandBuilder } from "discord.js";
import { reportForReply, sendReply } from "../src/bot/coldReport.js";
import { escapeText } from "../src/bot/escape.js";
import { MEMBER_CONTEXTS, MEMBER_INSTALLS } from "../src/bot/registration.js";
import { renderSearch } from "../src/bot/renderViews.js";
import { ephemeralNotice, noPings } from "../src/bot/replies.js";
import { searchParagraphs } from "../src/qa/search.js";
import type { Command } from "./types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("search")
    .setDescription("Find the three paragraphs of the report that best match some words")
    .setContexts(MEMBER_CONTEXTS)
    .setIntegrationTypes(MEMBER_INSTALLS)
    .addStringOption((option) =>
      option
        .setName("text")
        .setDescription("Words to look for, e.g. border smuggling")
        .setRequired(true)
        .setMinLength(2)
        .setMaxLength(200),
    ),

  async execute(interaction, context) {
    const text = interaction.options.getString("text", true);
    const { index } = await reportForReply(interaction, context.services, "public");
    const hits = searchParagraphs(text, index, 3);
    if (hits.length === 0) {
      await sendReply(
        interaction,
        ephemeralNotice(
          `No paragraph matches “${escapeText(text)}”. Try other words, or /ask a question.`,
        ),
      );
      return;
    }
    await sendReply(interaction, {
      ...renderSearch(text, hits, index.meta),
      allowedMentions: noPings,
    });
  },
} satisfies Command;
