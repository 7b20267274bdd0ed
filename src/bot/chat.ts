import type { Message } from "discord.js";
import type { CommandContext } from "../../commands/types.js";
import { suggestQuestions } from "../qa/suggest.js";
import { answerQuestion, MAX_QUESTION_LENGTH, recordQuestion } from "./answering.js";
import { type Cooldown, cooldownKey, secondsLeft } from "./cooldown.js";
import { isHarmlessDiscordError } from "./discordErrors.js";
import { noPings } from "./replies.js";

export interface ChatOptions {
  context: CommandContext;
  cooldown: Cooldown;
}

function mentionOf(botId: string): RegExp {
  return new RegExp(`<@!?${botId}>`, "g");
}

function withoutMention(content: string, botId: string): string {
  return content.replace(mentionOf(botId), " ").trim();
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
 * only when there is an answer, so ordinary conversation there gets no noise.
 */
export function createChatHandler({ context, cooldown }: ChatOptions) {
  async function respond(message: Message, direct: boolean): Promise<void> {
    const botId = message.client.user.id;
    const question = withoutMention(message.content, botId).slice(0, MAX_QUESTION_LENGTH);
    const reply = question ? answerQuestion(question, message.guildId, context.services) : null;
    if (!direct && reply?.answer.status !== "answered") return;

    const verdict = cooldown.take(cooldownKey("chat", message.author.id));
    if (!verdict.allowed) {
      if (verdict.firstRefusal) {
        const notice = `One question at a time, please: I can answer you again in ${secondsLeft(verdict)} s.`;
        await message.reply({ content: notice, allowedMentions: noPings });
      }
      return;
    }

    if (!reply) {
      const { index } = context.services.reports.active(message.guildId);
      const examples = suggestQuestions("", index, 3).map((q) => `• ${q}`);
      const hint = ["Ask me a question about the report, for example:", ...examples].join("\n");
      await message.reply({ content: hint, allowedMentions: noPings });
      return;
    }
    await message.reply({ ...reply.message, allowedMentions: noPings });
    recordQuestion(context, message, reply.answer);
  }

  return async function onMessage(message: Message): Promise<void> {
    if (message.author.bot) return; // other bots, and this bot's own replies
    // Read per message: a /config change applies to the very next one.
    const settings = context.settings.forGuild(message.guildId);
    if (!settings.chat) return;
    const direct = !message.inGuild() || mentionsBot(message);
    if (!direct && !settings.askChannelIds.includes(message.channelId)) return;

    const logger = context.logger.child({
      messageId: message.id,
      guildId: message.guildId,
      channelId: message.channelId,
    });
    try {
      await respond(message, direct);
    } catch (error) {
      if (isHarmlessDiscordError(error)) {
        logger.debug({ code: error.code }, "ignored a harmless Discord error");
        return;
      }
      logger.error({ err: error }, "chat handler failed");
      if (direct) await apologise(message, logger);
    }
  };
}
