import {
  type APIEmbed,
  type ChatInputCommandInteraction,
  MessageFlags,
  type SlashCommandIntegerOption,
} from "discord.js";
import { reportForAutocomplete, reportForReply, sendReply } from "../src/bot/coldReport.js";
import { admitModerator, moderatorCommand } from "../src/bot/moderatorCommand.js";
import { announce } from "../src/bot/modLog.js";
import { colors, ephemeralNotice, noPings } from "../src/bot/replies.js";
import {
  describeChange,
  describeDiff,
  describeGaps,
  describeHistory,
  describePins,
  describeRefresh,
  describeStatus,
  type Presentation,
  publicSource,
} from "../src/library/describe.js";
import { factTableCsv } from "../src/library/exportCsv.js";
import { readDate } from "../src/library/metadata.js";
import { figuresIn } from "../src/library/pins.js";
import type { ReportLibrary } from "../src/library/reportLibrary.js";
import type { RefreshRequest } from "../src/library/types.js";
import { ReportError } from "../src/report/errors.js";
import type { VersionMeta } from "../src/store/reportVersions.js";
import type { Command, CommandContext } from "./types.js";

const DEFAULT_GAP_DAYS = 30;
const MAX_CHOICES = 25;

const discordPresentation: Presentation = {
  source: publicSource,
  user: (id) => `<@${id}>`,
  time: (date) => `<t:${Math.floor(date.getTime() / 1000)}:f>`,
  guild: () => "this server",
};

type Interaction = ChatInputCommandInteraction<"cached" | "raw">;

function embed(
  text: string,
  color: number,
): { embeds: APIEmbed[]; allowedMentions: typeof noPings } {
  return { embeds: [{ description: text, color }], allowedMentions: noPings };
}

/** Tell the server's mod-log what a moderator did. */
function logToModLog(interaction: Interaction, context: CommandContext, text: string) {
  const channel = context.settings.forGuild(interaction.guildId).modLogChannelId;
  const subcommand = interaction.options.getSubcommand();
  const line = `<@${interaction.user.id}> used /report ${subcommand}:\n${text}`;
  return announce(interaction.client, channel, line, context.logger);
}

/**
 * What a change returns once it is committed: the full description, a plain line to fall back on if
 * describing it fails, and whether anything changed (for the mod-log). Whatever fails after the
 * commit, the moderator is told it happened.
 */
interface Committed {
  describe: () => string;
  fallback: string;
  changed: boolean;
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
async function tellCommitted(interaction: Interaction, context: CommandContext, text: string) {
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

/** Changes read files or the network, so they defer, then edit the reply and tell the mod-log. */
async function runChange(
  interaction: Interaction,
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
    const version = library.activeVersion(interaction.guildId).version;
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
  const text = describeCommitted(committed, context);
  await tellCommitted(interaction, context, text);
  if (committed.changed) await logToModLog(interaction, context, text);
}

/** title:, url: and date: given with /report refresh; a date is read as dates in reports are. */
/** The shard that answered, for /report status; a bot that is not sharded has nothing to say. */
function answeringShard(interaction: Interaction): { shard?: { id: number; count: number } } {
  const count = interaction.client.options.shardCount ?? 1;
  return count > 1 ? { shard: { id: interaction.guild?.shardId ?? 0, count } } : {};
}

function metaOptions(interaction: Interaction): VersionMeta {
  const title = interaction.options.getString("title");
  const url = interaction.options.getString("url");
  const dateText = interaction.options.getString("date");
  const date = dateText ? readDate(dateText, new Date()) : undefined;
  if (dateText && !date) throw new ReportError(`"${dateText}" is not a date (try 2024-03-03)`);
  if (url && !/^https?:\/\/\S+$/.test(url)) throw new ReportError("url must start with https://");
  return {
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(date ? { date } : {}),
  };
}

async function refresh(interaction: Interaction, context: CommandContext, library: ReportLibrary) {
  const file = interaction.options.getAttachment("file");
  const moderatorId = interaction.user.id;
  await runChange(interaction, context, library, async () => {
    const meta = metaOptions(interaction);
    const request: RefreshRequest = file
      ? {
          guildId: interaction.guildId,
          moderatorId,
          meta,
          input: {
            kind: "upload",
            name: file.name,
            url: file.url,
            size: file.size,
            contentType: file.contentType,
          },
        }
      : { guildId: null, moderatorId, meta, input: { kind: "default" } };
    const outcome = await library.refresh(request);
    const fallback =
      outcome.kind === "unchanged"
        ? `Already up to date: version ${outcome.version}.`
        : `**Updated to version ${outcome.version.id}.**`;
    return {
      fallback,
      changed: outcome.kind === "changed",
      describe: () => {
        const text = describeRefresh(outcome, discordPresentation);
        if (outcome.kind === "unchanged" || file || library.followsDefault(interaction.guildId)) {
          return text;
        }
        const own = library.activeVersion(interaction.guildId);
        return (
          `${text}\n\nThis server still answers from its own upload (version ${own.version}); ` +
          `\`/report rollback version:${outcome.version.id}\` switches it to the new default.`
        );
      },
    };
  });
}

async function pin(interaction: Interaction, context: CommandContext, library: ReportLibrary) {
  const options = interaction.options;
  await runChange(interaction, context, library, async () => {
    const pinned = await library.pins.pin({
      guildId: interaction.guildId,
      moderatorId: interaction.user.id,
      question: options.getString("question", true),
      paragraph: options.getInteger("paragraph", true),
      figure: options.getString("figure"),
      note: options.getString("note"),
    });
    const figure = pinned.figure ? ` with **${pinned.figure}**` : "";
    const text =
      `Pinned #${pinned.id} on version ${pinned.versionId}: "${pinned.question}" is answered ` +
      `from ¶${pinned.paragraph}${figure}, and so are close paraphrases of it.`;
    return { changed: true, fallback: text, describe: () => text };
  });
}

async function unpin(interaction: Interaction, context: CommandContext, library: ReportLibrary) {
  const id = interaction.options.getInteger("id", true);
  await runChange(interaction, context, library, async () => {
    const removed = await library.pins.unpin(interaction.guildId, id, interaction.user.id);
    const text = `Removed pin #${removed.id}: "${removed.question}".`;
    return { changed: true, fallback: text, describe: () => text };
  });
}

async function exportVersion(
  interaction: Interaction,
  context: CommandContext,
  library: ReportLibrary,
) {
  const active = await reportForReply(interaction, context.services, "private");
  const text = await library.text(interaction.guildId, active.version);
  const base = `factdesk-v${active.version}`;
  await sendReply(interaction, {
    embeds: [
      {
        description: `Version ${active.version}: the report's text as stored, and its ${active.index.table.facts.length} figures as CSV.`,
        color: colors.info,
      },
    ],
    files: [
      {
        attachment: Buffer.from(text),
        name: `${base}.txt`,
      },
      { attachment: Buffer.from(factTableCsv(active.index.table)), name: `${base}-facts.csv` },
    ],
    flags: MessageFlags.Ephemeral,
    allowedMentions: noPings,
  });
}

async function diff(interaction: Interaction, library: ReportLibrary) {
  const from = interaction.options.getInteger("from", true);
  const to = interaction.options.getInteger("to", true);
  try {
    const change = await library.diff(interaction.guildId, from, to);
    const text = describeDiff(change, discordPresentation);
    await interaction.reply(ephemeralNotice(text));
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    await interaction.reply(ephemeralNotice(`Refused: ${error.reason}.`, colors.error));
  }
}

const versionOption = (name: string, description: string) => (option: SlashCommandIntegerOption) =>
  option
    .setName(name)
    .setDescription(description)
    .setRequired(true)
    .setMinValue(1)
    .setAutocomplete(true);

export default {
  data: moderatorCommand("report", "Manage the report this server answers from (moderators only)")
    .addSubcommand((sub) =>
      sub
        .setName("refresh")
        .setDescription("Reload the default report, or upload a .txt/.md report for this server")
        .addAttachmentOption((option) =>
          option.setName("file").setDescription("A .txt or .md report; only this server uses it"),
        )
        .addStringOption((option) =>
          option
            .setName("title")
            .setDescription("The report's title, if it does not say")
            .setMaxLength(200),
        )
        .addStringOption((option) =>
          option
            .setName("url")
            .setDescription("Where the report is published (https://…)")
            .setMaxLength(500),
        )
        .addStringOption((option) =>
          option
            .setName("date")
            .setDescription("When it was published, e.g. 2024-03-03")
            .setMaxLength(40),
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
        .addIntegerOption(
          versionOption("version", "The version number, as shown by /report history"),
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
    )
    .addSubcommand((sub) =>
      sub
        .setName("pin")
        .setDescription("Fix the answer to a question (and its close paraphrases)")
        .addStringOption((option) =>
          option
            .setName("question")
            .setDescription("The question, as members ask it")
            .setRequired(true)
            .setMaxLength(300),
        )
        .addIntegerOption((option) =>
          option
            .setName("paragraph")
            .setDescription("The paragraph (¶N) that answers it")
            .setRequired(true)
            .setMinValue(1),
        )
        .addStringOption((option) =>
          option
            .setName("figure")
            .setDescription("The figure in that paragraph that answers it")
            .setAutocomplete(true),
        )
        .addStringOption((option) =>
          option.setName("note").setDescription("A note shown with the answer").setMaxLength(300),
        ),
    )
    .addSubcommand((sub) => sub.setName("pins").setDescription("This server's pinned answers"))
    .addSubcommand((sub) =>
      sub
        .setName("unpin")
        .setDescription("Remove a pinned answer")
        .addIntegerOption((option) =>
          option
            .setName("id")
            .setDescription("The pin's number, as shown by /report pins")
            .setRequired(true)
            .setMinValue(1),
        ),
    )
    .addSubcommand((sub) =>
      sub.setName("export").setDescription("The active version's text, and its fact table as CSV"),
    )
    .addSubcommand((sub) =>
      sub
        .setName("diff")
        .setDescription("What changed between two versions")
        .addIntegerOption(versionOption("from", "The earlier version"))
        .addIntegerOption(versionOption("to", "The later version")),
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
    const { moderatorRoleIds } = context.settings.forGuild(interaction.guildId);
    const refused = { command: "/report", task: "manage the report" };
    if (!(await admitModerator(interaction, moderatorRoleIds, context.logger, refused))) return;
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
            changed: true,
            fallback: `**Rolled back to version ${change.version.id}.**`,
            describe: () => describeChange(change, discordPresentation),
          };
        });
      }
      case "status":
        await interaction.reply(
          ephemeralNotice(
            describeStatus(
              { ...(await library.status(guildId)), ...answeringShard(interaction) },
              discordPresentation,
            ),
          ),
        );
        return;
      case "history":
        await interaction.reply(
          ephemeralNotice(describeHistory(await library.history(guildId), discordPresentation)),
        );
        return;
      case "gaps": {
        const days = interaction.options.getInteger("days") ?? DEFAULT_GAP_DAYS;
        const gaps = await library.gaps(guildId, days);
        await interaction.reply(ephemeralNotice(describeGaps(gaps, days)));
        return;
      }
      case "pin":
        return pin(interaction, context, library);
      case "pins": {
        const version = library.activeVersion(guildId).version;
        const pins = await library.pins.list(guildId);
        await interaction.reply(ephemeralNotice(describePins(pins, version)));
        return;
      }
      case "unpin":
        return unpin(interaction, context, library);
      case "export":
        return exportVersion(interaction, context, library);
      case "diff":
        return diff(interaction, library);
      default:
        throw new Error(`factdesk: unknown /report subcommand ${subcommand}`);
    }
  },

  /** Versions for rollback/diff; for pin, the figures of the paragraph already chosen. */
  async autocomplete(interaction, context) {
    const library = context.services.library;
    const focused = interaction.options.getFocused(true);
    if (!library) return interaction.respond([]);
    if (focused.name === "figure") {
      const paragraph = interaction.options.getInteger("paragraph");
      const report = await reportForAutocomplete(interaction, context.services);
      if (!report) return interaction.respond([]);
      const { index } = report;
      const typed = String(focused.value).toLowerCase();
      const figures = paragraph === null ? [] : figuresIn(index, paragraph);
      const choices = figures
        .filter((fact) => fact.text.toLowerCase().includes(typed))
        .map((fact) => ({
          name: `${fact.text} · ${fact.subject}`.slice(0, 100),
          value: fact.text.slice(0, 100),
        }));
      return interaction.respond(choices.slice(0, MAX_CHOICES));
    }
    const typed = String(focused.value);
    const choices = (await library.history(interaction.guildId, MAX_CHOICES))
      .filter(({ version }) => String(version.id).startsWith(typed))
      .map(({ version, active }) => ({
        name: `v${version.id}${active ? " (active)" : ""} · ${version.meta.title ?? publicSource(version.source)}`.slice(
          0,
          100,
        ),
        value: version.id,
      }));
    return interaction.respond(choices);
  },
} satisfies Command;
