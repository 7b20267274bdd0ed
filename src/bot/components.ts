import type { MessageComponentInteraction } from "discord.js";
import type { CommandContext } from "../../commands/types.js";
import { answerQuestion, recordQuestion } from "./answering.js";
import { type Cooldown, cooldownKey, secondsLeft } from "./cooldown.js";
import type { ComponentAction } from "./customIds.js";
import { renderParagraph } from "./renderViews.js";
import { colors, ephemeral, ephemeralNotice, noPings } from "./replies.js";

async function showParagraph(
  interaction: MessageComponentInteraction,
  number: number,
  context: CommandContext,
): Promise<void> {
  const { index } = context.services.reports.active(interaction.guildId);
  const paragraph = index.report.paragraphs.find((p) => p.number === number);
  if (!paragraph) {
    const notice = `¶${number} is not in the current report (it has ${index.report.paragraphs.length} paragraphs); the report may have been updated since this answer.`;
    await interaction.reply(ephemeralNotice(notice, colors.error));
    return;
  }
  const facts = index.table.facts.filter((fact) => fact.paragraph === number);
  await interaction.reply(ephemeral(renderParagraph(paragraph, facts, index.meta)));
}

async function recordFeedback(
  interaction: MessageComponentInteraction,
  vote: "up" | "down",
  context: CommandContext,
): Promise<void> {
  const counted = context.services.telemetry.feedback({
    guildId: interaction.guildId,
    answerId: interaction.message.id,
    userId: interaction.user.id,
    vote,
  });
  await interaction.reply(
    ephemeralNotice(
      counted ? "Thanks, your feedback was recorded." : "You already rated this answer.",
    ),
  );
}

async function answerSuggestion(
  interaction: MessageComponentInteraction,
  context: CommandContext,
  cooldown: Cooldown,
): Promise<void> {
  const question = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  if (!question) {
    await interaction.reply(ephemeralNotice("Pick one of the suggested questions."));
    return;
  }
  // Picking a suggestion is asking a question, so it shares /ask's window.
  const verdict = cooldown.take(cooldownKey("ask", interaction.user.id));
  if (!verdict.allowed) {
    await interaction.reply(
      ephemeralNotice(`One moment: you can ask again in ${secondsLeft(verdict)} s.`),
    );
    return;
  }
  const { answer, message } = answerQuestion(question, interaction.guildId, context.services);
  await interaction.reply({ ...message, allowedMentions: noPings });
  recordQuestion(context, interaction, answer);
}

export async function runComponent(
  interaction: MessageComponentInteraction,
  action: ComponentAction,
  context: CommandContext,
  cooldown: Cooldown,
): Promise<void> {
  switch (action.kind) {
    case "paragraph":
      return showParagraph(interaction, action.number, context);
    case "feedback":
      return recordFeedback(interaction, action.vote, context);
    case "suggestion":
      return answerSuggestion(interaction, context, cooldown);
  }
}
