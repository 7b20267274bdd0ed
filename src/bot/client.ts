import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import type { Logger } from "pino";
import { commands } from "../../commands/index.js";
import type { Config } from "../config.js";
import { environmentSettings } from "../library/settings.js";
import type { Services } from "../services.js";
import { createAnswerLedger } from "./answerLedger.js";
import { createChatHandler } from "./chat.js";
import { createInteractionDispatcher } from "./dispatch.js";
import { QuestionPace } from "./rateLimit.js";
import { noPings } from "./replies.js";

export function createClient(config: Config): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      // Privileged: enable "Message Content Intent" for the bot in the developer portal.
      GatewayIntentBits.MessageContent,
    ],
    // DM channels are not cached before their first message arrives.
    partials: [Partials.Channel],
    rest: { api: config.DISCORD_API_URL },
    allowedMentions: noPings,
  });
}

/** A client with every handler attached, not yet connected. */
export function createBot(config: Config, logger: Logger, services: Services): Client {
  const client = createClient(config);
  const context = {
    config,
    logger,
    services,
    settings: services.settings ?? environmentSettings(config),
    pace: new QuestionPace(),
    answers: createAnswerLedger(),
  };

  const dispatch = createInteractionDispatcher({ commands, context });
  const chat = createChatHandler(context);
  client.on(Events.InteractionCreate, (interaction) => void dispatch(interaction));
  client.on(Events.MessageCreate, (message) => void chat.onMessage(message));
  client.on(Events.MessageUpdate, (before, after) => void chat.onEdit(before, after));
  client.on(Events.MessageDelete, (message) => void chat.onDelete(message));
  client.on(Events.Error, (err) => logger.error({ err }, "Discord client error"));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, "Discord client warning"));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, "gateway disconnected"),
  );

  return client;
}

/** Logs in and resolves once the client is ready (its guilds have arrived). */
export async function connectBot(client: Client, token: string, logger: Logger): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  logger.info(
    { botUserId: client.user?.id, guilds: client.guilds.cache.size, commands: commands.length },
    "connected to Discord",
  );
}

/** createBot + connectBot, as main.ts does them; the e2e tests start the bot through this. */
export async function startBot(
  config: Config,
  logger: Logger,
  services: Services,
): Promise<Client> {
  const client = createBot(config, logger, services);
  await connectBot(client, config.DISCORD_TOKEN, logger);
  return client;
}
