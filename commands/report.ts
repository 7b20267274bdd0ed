import {
  type APIEmbed,
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { isModerator } from "../src/bot/permissions.js";
import { colors, ephemeralNotice, noPings } from "../src/bot/replies.js";
import {
  describeChange,
  describeGaps,
  describeHistory,
  describeRefresh,
  describeStatus,
  type Presentation,
} from "../src/library/describe.js";
import type { ReportLibrary } from "../src/library/reportLibrary.js";
import { ReportError } from "../src/report/errors.js";
import type { Command, CommandContext } from "./types.js";

const DEFAULT_GAP_DAYS = 30;

const discordPresentation: Presentation = {
  user: (id) => `<@${id}>`,
  time: (date) => `<t:${Math.floor(date.getTime() / 1000)}:f>`,
  guild: () => "this server",
};

function embed(
  text: string,
  color: number,
): { embeds: APIEmbed[]; allowedMentions: typeof noPings } {
  return { embeds: [{ description: text, color }], allowedMentions: noPings };
}

/**
 * What a change returns once it is committed: the full description, and a plain line to fall back
 * on if describing it fails. Whatever fails after the commit, the moderator is told it happened.
 */
interface Committed {
  describe: () => string;
  fallback: string;
}

function describeCommitted(committed: Committed, context: CommandContext): string {
  try {
    return committed.describe();
  } catch (error) {
    context.logger.error({ err: error }, "the change is committed but could not be described");
    return committed.fallback;
  }
}

/** The reply cannot be edited (expired token, Discord error): say it in a follow-up instead. */
async function tellCommitted(
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  context: CommandContext,
  text: string,
) {
  try {
    await interaction.editReply(embed(text, colors.answered));
  } catch (error) {
    context.logger.warn(
      { err: error },
      "could not edit the reply; sending the result as a follow-up",
    );
    await interaction.followUp({
      ...embed(
        `The change is committed, but the first reply could not be edited.\n\n${text}`,
        colors.answered,
      ),
      flags: MessageFlags.Ephemeral,
    });
  }
}

/** Refresh and rollback read files or the network, so they defer and then edit the reply. */
async function runChange(
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  context: CommandContext,
  library: ReportLibrary,
  change: () => Promise<Committed>,
) {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let committed: Committed;
  try {
    committed = await change();
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    const version = library.active(interaction.guildId).version;
    context.logger.warn(
      {
        moderatorId: interaction.user.id,
        subcommand: interaction.options.getSubcommand(),
        reason: error.reason,
      },
      "report change refused",
    );
    const text = `Refused: ${error.reason}. Answers still come from version ${version}.`;
    await interaction.editReply(embed(text, colors.error));
    return;
  }
  await tellCommitted(interaction, context, describeCommitted(committed, context));
}

async function refresh(
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  context: CommandContext,
  library: ReportLibrary,
) {
  const file = interaction.options.getAttachment("file");
  const moderatorId = interaction.user.id;
  await runChange(interaction, context, library, async () => {
    const outcome = await library.refresh(
      file
        ? {
            guildId: interaction.guildId,
            moderatorId,
            input: {
              kind: "upload",
              name: file.name,
              url: file.url,
              size: file.size,
              contentType: file.contentType,
            },
          }
        : { guildId: null, moderatorId, input: { kind: "default" } },
    );
    const fallback =
      outcome.kind === "unchanged"
        ? `Already up to date: version ${outcome.version}.`
        : `**Updated to version ${outcome.version.id}.**`;
    return {
      fallback,
      describe: () => {
        const text = describeRefresh(outcome, discordPresentation);
        const own = library.status(interaction.guildId);
        if (outcome.kind === "unchanged" || file || own.followsDefault) return text;
        return (
          `${text}\n\nThis server still answers from its own upload (version ${own.active.version}); ` +
          `\`/report rollback version:${outcome.version.id}\` switches it to the new default.`
        );
      },
    };
  });
}

export default {
  data: new SlashCommandBuilder()
    .setName("report")
    .setDescription("Manage the report this server answers from (moderators only)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand((sub) =>
      sub
        .setName("refresh")
        .setDescription("Reload the default report, or upload a .txt/.md report for this server")
        .addAttachmentOption((option) =>
          option.setName("file").setDescription("A .txt or .md report; only this server uses it"),
        ),
    )
    .addSubcommand((sub) =>
      sub.setName("status").setDescription("Which report version is active, and answer feedback"),
    )
    .addSubcommand((sub) => sub.setName("history").setDescription("The last 10 report versions"))
    .addSubcommand((sub) =>
      sub
        .setName("rollback")
        .setDescription("Switch back to an earlier report version")
        .addIntegerOption((option) =>
          option
            .setName("version")
            .setDescription("The version number, as shown by /report history")
            .setRequired(true)
            .setMinValue(1),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName("gaps")
        .setDescription("The questions asked most that the report could not answer well")
        .addIntegerOption((option) =>
          option
            .setName("days")
            .setDescription(`How far back to look (default ${DEFAULT_GAP_DAYS})`)
            .setMinValue(1)
            .setMaxValue(365),
        ),
    ),

  async execute(interaction, context) {
    const library = context.services.library;
    if (!interaction.inGuild() || !library) {
      const why = library
        ? "/report works inside a server."
        : "Report management is not available.";
      await interaction.reply(ephemeralNotice(why, colors.error));
      return;
    }
    if (!isModerator(interaction, context.config.MODERATOR_ROLE_IDS)) {
      context.logger.warn({ userId: interaction.user.id }, "non-moderator tried /report");
      await interaction.reply(
        ephemeralNotice(
          "Only moderators can manage the report: you need Manage Server or a moderator role.",
          colors.error,
        ),
      );
      return;
    }
    const guildId = interaction.guildId;
    const subcommand = interaction.options.getSubcommand(true);
    switch (subcommand) {
      case "refresh":
        return refresh(interaction, context, library);
      case "rollback": {
        const version = interaction.options.getInteger("version", true);
        return runChange(interaction, context, library, async () => {
          const change = await library.rollback({
            guildId,
            moderatorId: interaction.user.id,
            version,
          });
          return {
            fallback: `**Rolled back to version ${change.version.id}.**`,
            describe: () => describeChange(change, discordPresentation),
          };
        });
      }
      case "status":
        await interaction.reply(
          ephemeralNotice(describeStatus(library.status(guildId), discordPresentation)),
        );
        return;
      case "history":
        await interaction.reply(
          ephemeralNotice(describeHistory(library.history(guildId), discordPresentation)),
        );
        return;
      case "gaps": {
        const days = interaction.options.getInteger("days") ?? DEFAULT_GAP_DAYS;
        await interaction.reply(ephemeralNotice(describeGaps(library.gaps(guildId, days), days)));
        return;
      }
      default:
        throw new Error(`factdesk: unknown /report subcommand ${subcommand}`);
    }
  },
} satisfies Command;
