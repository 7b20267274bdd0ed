import type { Message, PartialMessage, ThreadChannel } from "discord.js";
import type { CommandContext } from "../../commands/types.js";
import { suggestQuestions } from "../qa/suggest.js";
import type { Query } from "../qa/understand.js";
import {
  type AnsweredQuestion,
  answerQuestion,
  MAX_QUESTION_LENGTH,
  recordQuestion,
  takeQuestionToken,
} from "./answering.js";
import { ChannelActivity } from "./channelActivity.js";
import { isHarmlessDiscordError } from "./discordErrors.js";
import { truncate } from "./embedLimits.js";
import { ExpiringMap } from "./expiringMap.js";
import { slowDownNotice } from "./rateLimit.js";
import { noPings } from "./replies.js";

/** A question continues the same member's previous one in that channel for this long. */
export const FOLLOW_UP_MS = 10 * 60 * 1000;
/** An edit or deletion of a question this old still reaches its answer. */
const ANSWER_TRACKING_MS = 60 * 60 * 1000;
const MAX_TRACKED = 5_000;
/** Discord caps thread names at 100 characters. */
const THREAD_NAME_LENGTH = 100;

/** The bot's answer to one chat question, kept so edits and deletions of the question follow. */
interface ChatAnswer {
  reply: Message;
  /** The thread started for the answer, deleted along with it. */
  thread: ThreadChannel | null;
  direct: boolean;
  previous: Query | null;
}

function mentionOf(botId: string): RegExp {
  return new RegExp(`<@!?${botId}>`, "g");
}

function withoutMention(content: string, botId: string): string {
  return content.replace(mentionOf(botId), " ").trim().slice(0, MAX_QUESTION_LENGTH);
}

/** A reply that pings the bot counts too; the content check covers payloads without `mentions`. */
function mentionsBot(message: Message): boolean {
  const botId = message.client.user.id;
  return message.mentions.users.has(botId) || mentionOf(botId).test(message.content);
}

async function apologise(message: Message, logger: CommandContext["logger"]): Promise<void> {
  const text = "Sorry, something went wrong while answering. It has been logged; please try again.";
  try {
    await message.reply({ content: text, allowedMentions: noPings });
  } catch (error) {
    if (!isHarmlessDiscordError(error)) logger.warn({ err: error }, "could not apologise");
  }
}

/**
 * Plain-chat questions: answered when the bot is mentioned or in a DM, and in the ask channels
 * only when there is an answer, so ordinary conversation there gets no noise. A member's question
 * within ten minutes of their last one in the channel is read as its follow-up. In a busy ask
 * channel the answer goes in a thread. Editing the question edits the answer; deleting it deletes it.
 */
export function createChatHandler(context: CommandContext) {
  const previousQuestions = new ExpiringMap<string, Query>(FOLLOW_UP_MS, MAX_TRACKED);
  const answersTo = new ExpiringMap<string, ChatAnswer>(ANSWER_TRACKING_MS, MAX_TRACKED);
  const activity = new ChannelActivity();
  const conversationKey = (message: Message) => `${message.channelId}:${message.author.id}`;

  async function answerTo(
    message: Message,
    previous: Query | null,
  ): Promise<AnsweredQuestion | null> {
    const question = withoutMention(message.content, message.client.user.id);
    if (!question) return null;
    const view = { askerId: message.author.id };
    return answerQuestion(question, message.guildId, context.services, view, previous);
  }

  async function send(message: Message, asked: AnsweredQuestion, inThread: boolean) {
    const body = { ...asked.message, allowedMentions: noPings };
    if (!inThread) return { reply: await message.reply(body), thread: null };
    const name = truncate(asked.answer.question.replace(/\s+/g, " "), THREAD_NAME_LENGTH);
    const thread = await message.startThread({ name });
    return { reply: await thread.send(body), thread };
  }

  async function respond(message: Message, direct: boolean, busy: boolean): Promise<void> {
    const previous = previousQuestions.get(conversationKey(message)) ?? null;
    const asked = await answerTo(message, previous);
    if (!direct && asked?.answer.status !== "answered") return;

    const verdict = takeQuestionToken(context, message.guildId, message.author.id);
    if (!verdict.allowed) {
      if (verdict.firstRefusal) {
        await message.reply({ content: slowDownNotice(verdict), allowedMentions: noPings });
      }
      return;
    }
    if (!asked) {
      const { index } = await context.services.reports.active(message.guildId);
      const examples = suggestQuestions("", index, 3).map((q) => `• ${q}`);
      const hint = ["Ask me a question about the report, for example:", ...examples].join("\n");
      await message.reply({ content: hint, allowedMentions: noPings });
      return;
    }
    const inThread = busy && message.inGuild() && !message.channel.isThread();
    const sent = await send(message, asked, inThread);
    if (asked.query) {
      previousQuestions.set(conversationKey(message), asked.query);
      // The member will carry on in the thread the answer opened.
      if (sent.thread) previousQuestions.set(`${sent.thread.id}:${message.author.id}`, asked.query);
    }
    answersTo.set(message.id, { ...sent, direct, previous });
    context.answers.set(sent.reply.id, { question: asked.answer.question });
    recordQuestion(context, message, asked.answer);
  }

  async function forget(questionId: string, answer: ChatAnswer): Promise<void> {
    answersTo.delete(questionId);
    context.answers.delete(answer.reply.id);
    if (answer.thread) await answer.thread.delete();
    else await answer.reply.delete();
  }

  /** The question was edited: the answer follows, or goes if it no longer answers anything. */
  async function reviseAnswer(message: Message): Promise<void> {
    const answer = answersTo.get(message.id);
    if (!answer) return;
    const asked = await answerTo(message, answer.previous);
    if (!asked || (!answer.direct && asked.answer.status !== "answered")) {
      await forget(message.id, answer);
      return;
    }
    await answer.reply.edit({ ...asked.message, allowedMentions: noPings });
    context.answers.set(answer.reply.id, { question: asked.answer.question });
  }

  /** `apologetic`: whether the member is owed a "sorry" when the work fails (they asked the bot directly). */
  function guarded(
    what: string,
    work: (message: Message) => Promise<void>,
    apologetic: (message: Message) => boolean,
  ) {
    return async (message: Message): Promise<void> => {
      const logger = context.logger.child({
        messageId: message.id,
        guildId: message.guildId,
        // A DM's channel id identifies the member: logged only for server channels.
        channelId: message.guildId ? message.channelId : undefined,
      });
      try {
        await work(message);
      } catch (error) {
        if (isHarmlessDiscordError(error)) {
          logger.debug({ code: error.code }, "ignored a harmless Discord error");
          return;
        }
        logger.error({ err: error }, `${what} failed`);
        if (apologetic(message)) await apologise(message, logger);
      }
    };
  }

  const isDirect = (message: Message) => !message.inGuild() || mentionsBot(message);

  // Every check runs inside the guard: a payload without an author cannot throw past it.
  const onMessage = guarded(
    "chat handler",
    async (message) => {
      // No author (a system or malformed payload), other bots, and this bot's own replies.
      if (!message.author || message.author.bot) return;
      const settings = context.settings.forGuild(message.guildId);
      if (!settings.chat) return;
      const direct = isDirect(message);
      // A thread in an ask channel (such as one the bot opened for an answer) is an ask channel too.
      const channel = message.channel.isThread() ? message.channel.parentId : message.channelId;
      const askChannel = channel !== null && settings.askChannelIds.includes(channel);
      if (!direct && !askChannel) return;
      const busy =
        askChannel && activity.arrive(message.channelId, context.config.ASK_THREAD_WHEN_BUSY);
      await respond(message, direct, busy);
    },
    (message) => Boolean(message.author && !message.author.bot) && isDirect(message),
  );

  const onEdit = guarded("answer edit", reviseAnswer, () => false);
  const onDelete = guarded(
    "answer deletion",
    async (message) => {
      const answer = answersTo.get(message.id);
      if (answer) await forget(message.id, answer);
    },
    () => false,
  );

  return {
    onMessage,
    /** Discord also sends an update when it adds a link preview: only a change of text counts. */
    onEdit: (before: Message | PartialMessage, after: Message | PartialMessage) =>
      after.partial ||
      !after.author ||
      after.author.bot ||
      (!before.partial && before.content === after.content)
        ? Promise.resolve()
        : onEdit(after),
    onDelete: (message: Message | PartialMessage) =>
      message.partial ? Promise.resolve() : onDelete(message),
  };
}
