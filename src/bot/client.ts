import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  Partials,
} from "discord.js";
import type { Logger } from "pino";
import { commands } from "../../commands/index.js";
import type { Config } from "../config.js";
import { environmentSettings } from "../library/settings.js";
import type { Services } from "../services.js";
import { createAnswerLedger } from "./answerLedger.js";
import { createChatHandler } from "./chat.js";
import { isHarmlessDiscordError } from "./discordErrors.js";
import { createInteractionDispatcher } from "./dispatch.js";
import { fatalCloseLine } from "./gatewayCloses.js";
import { InFlight, RESTARTING_TEXT } from "./inFlight.js";
import { QuestionPace } from "./rateLimit.js";
import { ephemeralNotice, noPings } from "./replies.js";

export interface BotLifecycle {
  /** Tracks what is being handled, so a shutdown can finish it; new work is refused once it drains. */
  inFlight?: InFlight;
  /** Called with the operator's line when Discord closes the gateway for good (4004, 4010–4014). */
  onFatalClose?: (line: string, code: number) => void;
}

/** While shutting down: tell whoever asked to come back, rather than start work that may be cut off. */
async function refuseWhileStopping(interaction: Interaction, logger: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply(ephemeralNotice(RESTARTING_TEXT));
  } catch (error) {
    if (!isHarmlessDiscordError(error))
      logger.warn({ err: error }, "could not say we are restarting");
  }
}

async function refuseMessageWhileStopping(message: Message, logger: Logger): Promise<void> {
  const botId = message.client.user.id;
  if (!message.author || message.author.bot) return;
  if (message.inGuild() && !message.mentions.users.has(botId)) return;
  try {
    await message.reply({ content: RESTARTING_TEXT, allowedMentions: noPings });
  } catch (error) {
    if (!isHarmlessDiscordError(error))
      logger.warn({ err: error }, "could not say we are restarting");
  }
}

/**
 * Message Content is privileged: Discord refuses the connection (4014) unless it is switched on in
 * the developer portal. With CHAT=off it is left out; slash commands need no intent, and mentions
 * and DMs still carry their text, so a server that turns chat on with /config is still answered there.
 */
export function gatewayIntents(config: Pick<Config, "CHAT">): GatewayIntentBits[] {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  if (config.CHAT === "on") intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function createClient(config: Config): Client {
  return new Client({
    intents: gatewayIntents(config),
    // DM channels are not cached before their first message arrives.
    partials: [Partials.Channel],
    rest: { api: config.DISCORD_API_URL },
    allowedMentions: noPings,
    // SHARD_IDS of SHARD_COUNT: this host's share of the shards. A ShardingManager's child sets
    // neither; discord.js reads the SHARDS and SHARD_COUNT the manager put in its environment.
    ...(config.SHARD_IDS && config.SHARD_COUNT
      ? { shards: config.SHARD_IDS, shardCount: config.SHARD_COUNT }
      : {}),
  });
}

/** A client with every handler attached, not yet connected. */
export function createBot(
  config: Config,
  logger: Logger,
  services: Services,
  lifecycle: BotLifecycle = {},
): Client {
  const client = createClient(config);
  const inFlight = lifecycle.inFlight ?? new InFlight();
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
  client.on(Events.InteractionCreate, (interaction) => {
    if (inFlight.accepting) inFlight.track(dispatch(interaction));
    else void refuseWhileStopping(interaction, logger);
  });
  client.on(Events.MessageCreate, (message) => {
    if (inFlight.accepting) inFlight.track(chat.onMessage(message));
    else void refuseMessageWhileStopping(message, logger);
  });
  // An edit or deletion while stopping is let go: nobody is waiting on a reply to it.
  client.on(Events.MessageUpdate, (before, after) => {
    if (inFlight.accepting) inFlight.track(chat.onEdit(before, after));
  });
  client.on(Events.MessageDelete, (message) => {
    if (inFlight.accepting) inFlight.track(chat.onDelete(message));
  });
  client.on(Events.Error, (err) => logger.error({ err }, "Discord client error"));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, "Discord client warning"));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const fatal = fatalCloseLine(event.code);
    if (!fatal) {
      logger.warn({ code: event.code, shardId }, "gateway disconnected");
      return;
    }
    logger.fatal({ code: event.code, shardId }, fatal);
    lifecycle.onFatalClose?.(fatal, event.code);
  });

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
  lifecycle: BotLifecycle = {},
): Promise<Client> {
  const client = createBot(config, logger, services, lifecycle);
  await connectBot(client, config.DISCORD_TOKEN, logger);
  return client;
}
