import type { Config } from "../config.js";

/** Questions a member may ask in a burst, refilled continuously over `windowMs`. 0 turns it off. */
export interface RateLimit {
  burst: number;
  windowMs: number;
}

/** What a server can set for itself (from Discord, with /config); the environment gives defaults. */
export interface GuildSettings {
  /** Channels where every message is read as a question. */
  askChannelIds: string[];
  /** Roles allowed to use /report and /config, besides Manage Server. */
  moderatorRoleIds: string[];
  rateLimit: RateLimit;
  /** Where refreshes, rollbacks, pins and setting changes are announced; null for nowhere. */
  modLogChannelId: string | null;
  /** Whether chat messages (mentions, DMs, ask channels) are answered at all. */
  chat: boolean;
}

/** Read side of per-server settings: answers from memory, safe on the answer path. */
export interface SettingsSource {
  forGuild(guildId: string | null): GuildSettings;
}

/** The settings every server has until it sets its own: the operator's environment. */
export function defaultSettings(config: Config): GuildSettings {
  return {
    askChannelIds: config.ASK_CHANNEL_IDS,
    moderatorRoleIds: config.MODERATOR_ROLE_IDS,
    rateLimit: config.RATE_LIMIT,
    modLogChannelId: null,
    chat: config.CHAT === "on",
  };
}

/** Every server on the environment's defaults. */
export function environmentSettings(config: Config): SettingsSource {
  const defaults = defaultSettings(config);
  return { forGuild: () => defaults };
}
