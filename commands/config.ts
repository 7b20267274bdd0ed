import type { ChatInputCommandInteraction, SlashCommandStringOption } from "discord.js";
import { admitModerator, moderatorCommand } from "../src/bot/moderatorCommand.js";
import { announce } from "../src/bot/modLog.js";
import { colors, ephemeralNotice } from "../src/bot/replies.js";
import { rateLimit } from "../src/config.js";
import {
  describeSettingsChange,
  isEditable,
  type SettingsChange,
  type SettingsPresentation,
  settingLabel,
  showSetting,
} from "../src/library/guildSettings.js";
import type { GuildSettings } from "../src/library/settings.js";
import type { SettingsOverrides } from "../src/store/guildSettings.js";
import type { Command, CommandContext } from "./types.js";

const SETTINGS: (keyof GuildSettings)[] = [
  "askChannelIds",
  "moderatorRoleIds",
  "rateLimit",
  "modLogChannelId",
  "chat",
];

const discordIds: SettingsPresentation = {
  channel: (id) => `<#${id}>`,
  role: (id) => `<@&${id}>`,
};

type Interaction = ChatInputCommandInteraction<"cached" | "raw">;

function describeSettings(settings: GuildSettings, own: readonly string[]): string {
  const lines = SETTINGS.map((setting) => {
    const origin = own.includes(setting) ? "" : " _(default)_";
    return `**${settingLabel(setting)}:** ${showSetting(settings, setting, discordIds)}${origin}`;
  });
  return ["**Settings for this server**", ...lines].join("\n");
}

function describeChanges(change: SettingsChange): string {
  if (change.changed.length === 0) return "Nothing changed: that is already the setting.";
  return describeSettingsChange(change, discordIds).join("\n");
}

function toggled(list: readonly string[], id: string, action: string): string[] {
  return action === "remove" ? list.filter((item) => item !== id) : [...new Set([...list, id])];
}

/** The settings this subcommand sets; a string is a refusal to show the moderator. */
function patchFor(interaction: Interaction, current: GuildSettings): SettingsOverrides | string {
  const options = interaction.options;
  switch (options.getSubcommand(true)) {
    case "ask-channel": {
      const channel = options.getChannel("channel", true).id;
      const action = options.getString("action", true);
      return { askChannelIds: toggled(current.askChannelIds, channel, action) };
    }
    case "moderator-role": {
      const role = options.getRole("role", true).id;
      const action = options.getString("action", true);
      return { moderatorRoleIds: toggled(current.moderatorRoleIds, role, action) };
    }
    case "rate-limit": {
      const raw = options.getString("limit", true).trim().toLowerCase();
      const parsed = rateLimit.safeParse(raw === "off" ? "0/60s" : raw);
      return parsed.success
        ? { rateLimit: parsed.data }
        : 'The rate limit must look like "8/60s" (questions / window) or "off".';
    }
    case "mod-log":
      return { modLogChannelId: options.getChannel("channel")?.id ?? null };
    case "chat":
      return { chat: options.getBoolean("enabled", true) };
    default:
      throw new Error(`factdesk: unknown /config subcommand ${options.getSubcommand()}`);
  }
}

async function change(interaction: Interaction, context: CommandContext) {
  const settings = context.settings;
  if (!isEditable(settings)) {
    await interaction.reply(ephemeralNotice("Settings cannot be changed here.", colors.error));
    return;
  }
  const guildId = interaction.guildId;
  const subcommand = interaction.options.getSubcommand(true);
  const patch = subcommand === "reset" ? null : patchFor(interaction, settings.forGuild(guildId));
  if (typeof patch === "string") {
    await interaction.reply(ephemeralNotice(patch, colors.error));
    return;
  }
  const change = await settings.update(guildId, interaction.user.id, patch);
  const { before, after } = change;
  const intentNote =
    after.chat && context.config.CHAT === "off"
      ? "\n\nThe bot runs with CHAT=off, without the Message Content intent: it answers mentions and DMs, not every message in ask channels."
      : "";
  await interaction.reply(ephemeralNotice(`${describeChanges(change)}${intentNote}`));
  if (change.changed.length === 0) return;
  const text = `<@${interaction.user.id}> changed this server's settings (/config ${subcommand}):\n${describeChanges(change)}`;
  // Announce where the mod-log is now, and where it was, when this very change moved it.
  for (const channel of new Set([before.modLogChannelId, after.modLogChannelId])) {
    await announce(interaction.client, channel, text, context.logger);
  }
}

const actionOption = (option: SlashCommandStringOption) =>
  option
    .setName("action")
    .setDescription("Add or remove")
    .setRequired(true)
    .addChoices({ name: "add", value: "add" }, { name: "remove", value: "remove" });

export default {
  data: moderatorCommand(
    "config",
    "Show or change this server's factdesk settings (moderators only)",
  )
    .addSubcommand((sub) => sub.setName("show").setDescription("This server's settings"))
    .addSubcommand((sub) =>
      sub
        .setName("ask-channel")
        .setDescription("Add or remove a channel where every message is read as a question")
        .addStringOption(actionOption)
        .addChannelOption((option) =>
          option.setName("channel").setDescription("The channel").setRequired(true),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName("moderator-role")
        .setDescription("Add or remove a role that may use /report and /config")
        .addStringOption(actionOption)
        .addRoleOption((option) =>
          option.setName("role").setDescription("The role").setRequired(true),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName("rate-limit")
        .setDescription("Questions per member: a burst refilled over a window")
        .addStringOption((option) =>
          option
            .setName("limit")
            .setDescription('For example "8/60s" (8 questions per 60 seconds), or "off"')
            .setRequired(true)
            .setMaxLength(20),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName("mod-log")
        .setDescription("Where refreshes, rollbacks, pins and setting changes are announced")
        .addChannelOption((option) =>
          option.setName("channel").setDescription("The channel; leave out to turn the log off"),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName("chat")
        .setDescription("Whether mentions, DMs and ask channels are answered")
        .addBooleanOption((option) =>
          option.setName("enabled").setDescription("On or off").setRequired(true),
        ),
    )
    .addSubcommand((sub) =>
      sub.setName("reset").setDescription("Go back to the operator's defaults for every setting"),
    ),

  async execute(interaction, context) {
    if (!interaction.inGuild()) {
      await interaction.reply(ephemeralNotice("/config works inside a server.", colors.error));
      return;
    }
    const settings = context.settings.forGuild(interaction.guildId);
    const refused = { command: "/config", task: "change the settings" };
    if (!(await admitModerator(interaction, settings.moderatorRoleIds, context.logger, refused))) {
      return;
    }
    if (interaction.options.getSubcommand(true) === "show") {
      const source = context.settings;
      const own = isEditable(source) ? source.ownSettings(interaction.guildId) : [];
      await interaction.reply(ephemeralNotice(describeSettings(settings, own)));
      return;
    }
    await change(interaction, context);
  },
} satisfies Command;
