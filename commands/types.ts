import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import type { AnswerLedger } from "../src/bot/answerLedger.js";
import type { QuestionPace } from "../src/bot/rateLimit.js";
import type { Config } from "../src/config.js";
import type { SettingsSource } from "../src/library/settings.js";
import type { Services } from "../src/services.js";

/** What every handler receives: nothing global, everything passed in. */
export interface CommandContext {
  config: Config;
  logger: Logger;
  services: Services;
  /** Per-server settings (rate limit, ask channels, chat); the environment's unless /config set them. */
  settings: SettingsSource;
  /** The token buckets that pace each member's questions, shared by /ask, chat and menu picks. */
  pace: QuestionPace;
  /** Which question each recent answer message answered. */
  answers: AnswerLedger;
}

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

/** A message context-menu command ("Ask factdesk"): Discord lists it under Apps on a message. */
export interface MessageCommand {
  kind: "message";
  data: { name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  execute(
    interaction: MessageContextMenuCommandInteraction,
    context: CommandContext,
  ): Promise<void>;
}

export type AnyCommand = Command | MessageCommand;

export function isMessageCommand(command: AnyCommand): command is MessageCommand {
  return "kind" in command && command.kind === "message";
}
