import type { MessageComponentInteraction } from "discord.js";
import type { CommandContext } from "../../commands/types.js";
import {
  answerQuestion,
  recordQuestion,
  refuseQuestion,
  replyWithAnswer,
  takeQuestionToken,
} from "./answering.js";
import { reportForReply, reportForUpdate, sendReply, sendUpdate } from "./coldReport.js";
import type { ComponentAction } from "./customIds.js";
import { figuresView } from "./figuresView.js";
import { renderParagraph } from "./renderViews.js";
import { colors, ephemeral, ephemeralNotice, noPings } from "./replies.js";

async function showParagraph(
  interaction: MessageComponentInteraction,
  number: number,
  context: CommandContext,
): Promise<void> {
  const { index } = await reportForReply(interaction, context.services, "private");
  const paragraph = index.report.paragraphs.find((p) => p.number === number);
  if (!paragraph) {
    const notice = `¶${number} is not in the current report (it has ${index.report.paragraphs.length} paragraphs); the report may have been updated since this answer.`;
    await sendReply(interaction, ephemeralNotice(notice, colors.error));
    return;
  }
  const facts = index.table.facts.filter((fact) => fact.paragraph === number);
  await sendReply(interaction, ephemeral(renderParagraph(paragraph, facts, index.meta)));
}

const voteThanks = {
  counted: "Thanks, your feedback was recorded.",
  changed: "Thanks, your vote was changed.",
  unchanged: "You already gave this answer that vote; the other button changes it.",
} as const;

async function recordFeedback(
  interaction: MessageComponentInteraction,
  vote: "up" | "down",
  context: CommandContext,
): Promise<void> {
  const answerId = interaction.message.id;
  const outcome = await context.services.telemetry.feedback({
    guildId: interaction.guildId,
    answerId,
    userId: interaction.user.id,
    vote,
    question: context.answers.get(answerId)?.question ?? null,
  });
  await interaction.reply(ephemeralNotice(voteThanks[outcome]));
}

/**
 * A pick from "Did you mean…" is a question: it takes a token. The asker's pick replaces their
 * answer in place; anyone else gets their own answer, privately, so the channel sees no noise.
 */
async function answerSuggestion(
  interaction: MessageComponentInteraction,
  askerId: string | null,
  context: CommandContext,
): Promise<void> {
  const question = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  if (!question) {
    await interaction.reply(ephemeralNotice("Pick one of the suggested questions."));
    return;
  }
  // A private answer's menu is only ever seen by its asker, who carries no id in it.
  const byAsker = askerId === null || askerId === interaction.user.id;
  if (!byAsker) {
    await replyWithAnswer(interaction, question, context, { private: true });
    return;
  }
  const verdict = takeQuestionToken(context, interaction.guildId, interaction.user.id);
  if (!verdict.allowed) {
    await refuseQuestion(interaction, verdict);
    return;
  }
  const view = { askerId };
  await reportForUpdate(interaction, context.services);
  const asked = await answerQuestion(question, interaction.guildId, context.services, view);
  const { answer, message } = asked;
  await sendUpdate(interaction, { ...message, allowedMentions: noPings });
  context.answers.set(interaction.message.id, { question: answer.question });
  recordQuestion(context, interaction, answer);
}

async function removeAnswer(
  interaction: MessageComponentInteraction,
  askerId: string,
  context: CommandContext,
): Promise<void> {
  if (interaction.user.id !== askerId) {
    await interaction.reply(ephemeralNotice("Only the member who asked can remove this answer."));
    return;
  }
  await interaction.deferUpdate();
  await interaction.deleteReply();
  context.answers.delete(interaction.message.id);
}

async function turnFiguresPage(
  interaction: MessageComponentInteraction,
  place: string | null,
  page: number,
  context: CommandContext,
): Promise<void> {
  const { index } = await reportForUpdate(interaction, context.services);
  const shown = figuresView(place, index, page);
  if ("notice" in shown) {
    if (interaction.deferred) await interaction.followUp(ephemeralNotice(shown.notice));
    else await interaction.reply(ephemeralNotice(shown.notice));
    return;
  }
  await sendUpdate(interaction, { ...shown.view, allowedMentions: noPings });
}

export async function runComponent(
  interaction: MessageComponentInteraction,
  action: ComponentAction,
  context: CommandContext,
): Promise<void> {
  switch (action.kind) {
    case "paragraph":
      return showParagraph(interaction, action.number, context);
    case "feedback":
      return recordFeedback(interaction, action.vote, context);
    case "suggestion":
      return answerSuggestion(interaction, action.askerId, context);
    case "remove":
      return removeAnswer(interaction, action.askerId, context);
    case "figuresPage":
      return turnFiguresPage(interaction, action.place, action.page, context);
  }
}
