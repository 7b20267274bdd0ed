import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
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
}

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** The per-user cooldown paces questions; moderator tools opt out with false. */
  cooldown?: boolean;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}
