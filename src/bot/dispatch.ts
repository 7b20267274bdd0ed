import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  Interaction,
  MessageComponentInteraction,
  MessageContextMenuCommandInteraction,
} from "discord.js";
import type { Logger } from "pino";
import {
  type AnyCommand,
  type Command,
  type CommandContext,
  isMessageCommand,
  type MessageCommand,
} from "../../commands/types.js";
import { runComponent } from "./components.js";
import { parseCustomId } from "./customIds.js";
import { isHarmlessDiscordError } from "./discordErrors.js";
import { colors, ephemeralNotice, noPings } from "./replies.js";

export interface DispatcherOptions {
  commands: readonly AnyCommand[];
  context: CommandContext;
}

const failureText =
  "Something went wrong while handling that. It has been logged; please try again in a moment.";

/** The log fields that identify one interaction; never its token. */
function describe(interaction: Interaction) {
  const command =
    interaction.isCommand() || interaction.isAutocomplete()
      ? interaction.commandName
      : interaction.isMessageComponent()
        ? `component:${interaction.customId}`
        : `type:${interaction.type}`;
  return {
    interactionId: interaction.id,
    command,
    autocomplete: interaction.isAutocomplete() || undefined,
    guildId: interaction.guildId,
    // A DM's channel id identifies the member: logged only for server channels.
    channelId: interaction.guildId ? interaction.channelId : undefined,
  };
}

/**
 * The one entry point for interactions: find the handler, run it, and turn any failure into a log
 * line plus an ephemeral error, so no handler can take the process down. Questions are paced where
 * they are answered (answering.ts), since only an answered question takes a token.
 * Commands that may take longer than Discord's 3-second deadline defer their own reply first;
 * the error path below copes with deferred and already-answered interactions alike.
 */
export function createInteractionDispatcher(options: DispatcherOptions) {
  const slash = new Map<string, Command>();
  const messageCommands = new Map<string, MessageCommand>();
  for (const command of options.commands) {
    if (isMessageCommand(command)) messageCommands.set(command.data.name, command);
    else slash.set(command.data.name, command);
  }

  async function notAvailable(
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
    context: CommandContext,
  ) {
    context.logger.warn("unknown command; run npm run deploy-commands again");
    await interaction.reply(
      ephemeralNotice("This command is not available any more.", colors.error),
    );
  }

  async function runCommand(interaction: ChatInputCommandInteraction, context: CommandContext) {
    const command = slash.get(interaction.commandName);
    if (command) await command.execute(interaction, context);
    else await notAvailable(interaction, context);
  }

  async function runMessageCommand(
    interaction: MessageContextMenuCommandInteraction,
    context: CommandContext,
  ) {
    const command = messageCommands.get(interaction.commandName);
    if (command) await command.execute(interaction, context);
    else await notAvailable(interaction, context);
  }

  async function runAutocomplete(interaction: AutocompleteInteraction, context: CommandContext) {
    const command = slash.get(interaction.commandName);
    if (command?.autocomplete) await command.autocomplete(interaction, context);
    else await interaction.respond([]);
  }

  async function runComponentAction(
    interaction: MessageComponentInteraction,
    context: CommandContext,
  ) {
    const action = parseCustomId(interaction.customId);
    if (!action) {
      await interaction.reply(ephemeralNotice("This button no longer works.", colors.error));
      return;
    }
    await runComponent(interaction, action, context);
  }

  return async function dispatch(interaction: Interaction): Promise<void> {
    const logger = options.context.logger.child(describe(interaction));
    const context = { ...options.context, logger };
    const started = performance.now();
    try {
      if (interaction.isChatInputCommand()) await runCommand(interaction, context);
      else if (interaction.isMessageContextMenuCommand())
        await runMessageCommand(interaction, context);
      else if (interaction.isAutocomplete()) await runAutocomplete(interaction, context);
      else if (interaction.isMessageComponent()) await runComponentAction(interaction, context);
      logger.debug({ durationMs: Math.round(performance.now() - started) }, "interaction handled");
    } catch (error) {
      await reportFailure(interaction, error, logger);
    }
  };
}

async function reportFailure(interaction: Interaction, error: unknown, logger: Logger) {
  if (isHarmlessDiscordError(error)) {
    logger.debug({ code: error.code }, "ignored a harmless Discord error");
    return;
  }
  logger.error({ err: error }, "interaction handler failed");
  try {
    await tellUser(interaction);
  } catch (replyError) {
    if (!isHarmlessDiscordError(replyError)) {
      logger.warn({ err: replyError }, "could not tell the user about the failure");
    }
  }
}

async function tellUser(interaction: Interaction) {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const notice = ephemeralNotice(failureText, colors.error);
  if (interaction.replied) await interaction.followUp(notice);
  // A deferred reply keeps the visibility it was deferred with, so it is edited in place.
  else if (interaction.deferred)
    await interaction.editReply({ embeds: notice.embeds, allowedMentions: noPings });
  else await interaction.reply(notice);
}
