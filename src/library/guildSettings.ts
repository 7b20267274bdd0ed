import type { Logger } from "pino";
import type { SettingsOverrides } from "../store/guildSettings.js";
import type { Store } from "../store/index.js";
import type { GuildSettings, SettingsSource } from "./settings.js";

/** What one /config change did: the settings before and after, and which of them differ. */
export interface SettingsChange {
  changed: (keyof GuildSettings)[];
  before: GuildSettings;
  after: GuildSettings;
}

const LABELS: Record<keyof GuildSettings, string> = {
  askChannelIds: "ask channels",
  moderatorRoleIds: "moderator roles",
  rateLimit: "rate limit",
  modLogChannelId: "mod-log channel",
  chat: "chat answering",
};

export function settingLabel(setting: keyof GuildSettings): string {
  return LABELS[setting];
}

/** Settings as a person reads them; ids become mentions in Discord. */
export interface SettingsPresentation {
  channel(id: string): string;
  role(id: string): string;
}

export function showSetting(
  settings: GuildSettings,
  setting: keyof GuildSettings,
  how: SettingsPresentation,
): string {
  switch (setting) {
    case "askChannelIds":
      return settings.askChannelIds.map(how.channel).join(", ") || "none";
    case "moderatorRoleIds":
      return settings.moderatorRoleIds.map(how.role).join(", ") || "none (Manage Server only)";
    case "rateLimit": {
      const { burst, windowMs } = settings.rateLimit;
      return burst === 0 ? "off" : `${burst} questions / ${windowMs / 1000} s`;
    }
    case "modLogChannelId":
      return settings.modLogChannelId ? how.channel(settings.modLogChannelId) : "none";
    case "chat":
      return settings.chat ? "on" : "off";
  }
}

/** Settings a server can change from Discord: the store-backed source, not the environment's. */
export interface EditableSettings extends SettingsSource {
  ownSettings(guildId: string): (keyof GuildSettings)[];
  update(
    guildId: string,
    moderatorId: string | null,
    patch: SettingsOverrides | null,
  ): Promise<SettingsChange>;
}

export function isEditable(settings: SettingsSource): settings is EditableSettings {
  return "update" in settings && "ownSettings" in settings;
}

/** "ask channels: none → #general", one line per changed setting. */
export function describeSettingsChange(
  change: SettingsChange,
  how: SettingsPresentation,
): string[] {
  return change.changed.map(
    (setting) =>
      `**${settingLabel(setting)}:** ${showSetting(change.before, setting, how)} → ${showSetting(change.after, setting, how)}`,
  );
}

const plainIds: SettingsPresentation = { channel: (id) => `#${id}`, role: (id) => `@${id}` };

/**
 * Per-server settings kept in the store and held in memory: `forGuild` never touches the database, and a
 * change is written, audited and visible to the next message at once. The environment's values are
 * the defaults for whatever a server has not set.
 */
export class StoredSettings implements EditableSettings {
  private constructor(
    private readonly store: Store,
    private readonly defaults: GuildSettings,
    private readonly logger: Logger,
    private readonly now: () => Date,
    private overrides: Map<string, SettingsOverrides>,
  ) {}

  static async open(
    store: Store,
    defaults: GuildSettings,
    logger: Logger,
    now: () => Date = () => new Date(),
  ): Promise<StoredSettings> {
    return new StoredSettings(store, defaults, logger, now, await store.settings.all());
  }

  /** Read the stored settings again (another process changed them). */
  async reload(): Promise<void> {
    this.overrides = await this.store.settings.all();
  }

  forGuild(guildId: string | null): GuildSettings {
    const own = guildId === null ? undefined : this.overrides.get(guildId);
    return own ? { ...this.defaults, ...own } : this.defaults;
  }

  /** What this server set itself (the rest is the environment's). */
  ownSettings(guildId: string): (keyof GuildSettings)[] {
    return Object.keys(this.overrides.get(guildId) ?? {}) as (keyof GuildSettings)[];
  }

  /** Servers that announce changes, and where. */
  modLogChannels(): { guildId: string; channelId: string }[] {
    return [...this.overrides.keys()].flatMap((guildId) => {
      const channelId = this.forGuild(guildId).modLogChannelId;
      return channelId ? [{ guildId, channelId }] : [];
    });
  }

  /**
   * Set some settings, or (with null) go back to the environment's defaults for all of them. The
   * patch goes on top of the server's settings as stored, read under the server's settings lock,
   * so a change made meanwhile through another host to another setting is kept.
   */
  async update(
    guildId: string,
    moderatorId: string | null,
    patch: SettingsOverrides | null,
  ): Promise<SettingsChange> {
    const at = this.now();
    const { change, next } = await this.store.transaction(
      [`settings:${guildId}`],
      async (tables) => {
        const stored = await tables.settings.get(guildId);
        const before = { ...this.defaults, ...stored };
        const next: SettingsOverrides = patch === null ? {} : { ...stored, ...patch };
        const after = { ...this.defaults, ...next };
        const changed = (Object.keys(LABELS) as (keyof GuildSettings)[]).filter(
          (setting) =>
            showSetting(before, setting, plainIds) !== showSetting(after, setting, plainIds),
        );
        const change = { changed, before, after };
        const detail = describeSettingsChange(change, plainIds).join("; ").replaceAll("**", "");
        await tables.settings.save(guildId, next, moderatorId, at);
        await tables.audit.record({
          at,
          guildId,
          moderatorId,
          action: "config",
          versionId: null,
          detail: detail || "no change",
        });
        return { change, next };
      },
      { kind: "settings", guildId },
    );
    if (Object.keys(next).length === 0) this.overrides.delete(guildId);
    else this.overrides.set(guildId, next);
    this.logger.info({ guildId, moderatorId, changed: change.changed }, "server settings changed");
    return change;
  }
}
