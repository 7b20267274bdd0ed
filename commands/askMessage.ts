import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answering.js";
import { MEMBER_CONTEXTS, MEMBER_INSTALLS } from "../src/bot/registration.js";
import { ephemeralNotice } from "../src/bot/replies.js";
import type { MessageCommand } from "./types.js";

/** Apps → "Ask factdesk" on any message: answers that message as a question, privately. */
export default {
  kind: "message",
  data: new ContextMenuCommandBuilder()
    .setName("Ask factdesk")
    .setType(ApplicationCommandType.Message)
    .setContexts(MEMBER_CONTEXTS)
    .setIntegrationTypes(MEMBER_INSTALLS),

  async execute(interaction, context) {
    const question = interaction.targetMessage.content.trim();
    if (!question) {
      await interaction.reply(
        ephemeralNotice("That message has no text to ask about (only attachments or embeds)."),
      );
      return;
    }
    await replyWithAnswer(interaction, question, context, { private: true });
  },
} satisfies MessageCommand;
