import {
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from "discord.js";
import type { CommandContext } from "../../commands/types.js";
import { reply } from "../qa/answer.js";
import type { ReportIndex } from "../qa/reportIndex.js";
import type { Answer } from "../qa/schema.js";
import { suggestQuestions } from "../qa/suggest.js";
import type { Query } from "../qa/understand.js";
import type { Services } from "../services.js";
import { isEnglishWord } from "../text/english.js";
import { reportForReply, sendReply } from "./coldReport.js";
import { type PaceVerdict, paceKey, slowDownNotice } from "./rateLimit.js";
import { type AnswerView, type RenderedMessage, renderAnswer } from "./render.js";
import { ephemeral, ephemeralNotice, noPings } from "./replies.js";

/** Chat messages and slash options alike: only this much of a question is matched. */
export const MAX_QUESTION_LENGTH = 500;

export interface AnsweredQuestion {
  answer: Answer;
  /** The question as understood, to pass back as `previous` for a follow-up. */
  query: Query | null;
  message: RenderedMessage;
}

/** Answers from the guild's active report (DMs use the default report). */
export async function answerQuestion(
  question: string,
  guildId: string | null,
  services: Services,
  view: AnswerView,
  previous: Query | null = null,
): Promise<AnsweredQuestion> {
  const started = performance.now();
  const { index } = await services.reports.active(guildId);
  const asked = question.slice(0, MAX_QUESTION_LENGTH);
  // A moderator's pin wins over the engine for the question and its close paraphrases.
  const pinned = await services.pins?.pinnedAnswer(asked, guildId);
  const result = pinned ? { answer: pinned, query: null } : reply(asked, index, { previous });
  services.metrics?.answerLatency((performance.now() - started) / 1000);
  return { ...result, message: renderAnswer(result.answer, index.meta, view) };
}

/**
 * The first answer in a process parses the English dictionary and compiles the engine and the
 * renderer (about a quarter of a second here, several times that under load): paid at start, not
 * by the first member to ask, nor by the first question after a change heard from another shard.
 */
export function warmAnswering(index: ReportIndex): void {
  isEnglishWord("report");
  for (const question of suggestQuestions("", index, 1)) {
    renderAnswer(reply(question, index).answer, index.meta, { askerId: null });
  }
}

/** Takes one of the member's question tokens, at the rate their server allows. */
export function takeQuestionToken(
  context: CommandContext,
  guildId: string | null,
  userId: string,
): PaceVerdict {
  const { rateLimit } = context.settings.forGuild(guildId);
  const verdict = context.pace.take(paceKey(guildId, userId), rateLimit);
  if (!verdict.allowed) context.services.metrics?.rateLimited();
  return verdict;
}

/** Called after the reply is sent; a telemetry failure must never reach the user. */
export function recordQuestion(
  context: CommandContext,
  where: { guildId: string | null; channelId: string | null },
  result: Answer,
): void {
  const { guildId } = where;
  // A DM channel belongs to one member, so its id would say who asked: DMs keep no channel.
  const channelId = guildId === null ? null : where.channelId;
  try {
    context.services.telemetry.questionAnswered({
      guildId,
      channelId,
      question: result.question,
      status: result.status,
      confidence: result.confidence,
    });
  } catch (err) {
    context.logger.warn({ err, guildId, channelId }, "could not record the question");
  }
}

type AskingInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | MessageComponentInteraction;

/**
 * A member asking too fast gets one private notice, then silence. Discord needs every interaction
 * acknowledged, so silence is an acknowledgement that shows nothing: a menu pick is deferred with
 * no change, a command's private "thinking…" is withdrawn at once.
 */
export async function refuseQuestion(
  interaction: AskingInteraction,
  verdict: Extract<PaceVerdict, { allowed: false }>,
): Promise<void> {
  if (verdict.firstRefusal) await interaction.reply(ephemeralNotice(slowDownNotice(verdict)));
  else if (interaction.isMessageComponent()) await interaction.deferUpdate();
  else {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.deleteReply();
  }
}

/**
 * /ask, "Ask factdesk" and someone else's pick from a menu: pace the member, answer, reply, and
 * remember which question the reply answers.
 */
export async function replyWithAnswer(
  interaction: AskingInteraction,
  question: string,
  context: CommandContext,
  options: { private: boolean },
): Promise<void> {
  const verdict = takeQuestionToken(context, interaction.guildId, interaction.user.id);
  if (!verdict.allowed) {
    await refuseQuestion(interaction, verdict);
    return;
  }
  const view = { askerId: options.private ? null : interaction.user.id };
  await reportForReply(interaction, context.services, options.private ? "private" : "public");
  const asked = await answerQuestion(question, interaction.guildId, context.services, view);
  const body = options.private
    ? ephemeral(asked.message)
    : { ...asked.message, allowedMentions: noPings };
  const messageId = await sendReply(interaction, body);
  if (messageId) context.answers.set(messageId, { question: asked.answer.question });
  recordQuestion(context, interaction, asked.answer);
}
