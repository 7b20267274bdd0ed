import { SlashCommandBuilder } from "discord.js";
import { reportForAutocomplete, reportForReply, sendReply } from "../src/bot/coldReport.js";
import { truncate } from "../src/bot/embedLimits.js";
import { MEMBER_CONTEXTS, MEMBER_INSTALLS } from "../src/bot/registration.js";
import { renderParagraph } from "../src/bot/renderViews.js";
import { colors, ephemeralNotice, noPings } from "../src/bot/replies.js";
import type { Command } from "./types.js";

/** Discord shows at most 25 autocomplete choices, named in at most 100 characters. */
const MAX_CHOICES = 25;
const CHOICE_NAME_LENGTH = 100;

export default {
  data: new SlashCommandBuilder()
    .setName("paragraph")
    .setDescription("Show one paragraph of the report (¶N): its section, text and figures")
    .setContexts(MEMBER_CONTEXTS)
    .setIntegrationTypes(MEMBER_INSTALLS)
    .addIntegerOption((option) =>
      option
        .setName("number")
        .setDescription("The paragraph number, as cited in answers (¶N)")
        .setRequired(true)
        .setMinValue(1)
        .setAutocomplete(true),
    ),

  async execute(interaction, context) {
    const number = interaction.options.getInteger("number", true);
    const { index } = await reportForReply(interaction, context.services, "public");
    const paragraph = index.report.paragraphs.find((p) => p.number === number);
    if (!paragraph) {
      const count = index.report.paragraphs.length;
      await sendReply(
        interaction,
        ephemeralNotice(
          `There is no ¶${number}: the report has paragraphs ¶1 to ¶${count}.`,
          colors.error,
        ),
      );
      return;
    }
    const facts = index.table.facts.filter((fact) => fact.paragraph === number);
    await sendReply(interaction, {
      ...renderParagraph(paragraph, facts, index.meta),
      allowedMentions: noPings,
    });
  },

  /** "¶7 · Westvale police seized…": paragraphs whose number starts with, or text has, what was typed. */
  async autocomplete(interaction, context) {
    const report = await reportForAutocomplete(interaction, context.services);
    if (!report) return interaction.respond([]);
    const { index } = report;
    const typed = String(interaction.options.getFocused()).trim().toLowerCase();
    const matches = index.report.paragraphs.filter(
      (p) => !typed || String(p.number).startsWith(typed) || p.text.toLowerCase().includes(typed),
    );
    await interaction.respond(
      matches.slice(0, MAX_CHOICES).map((p) => ({
        name: truncate(`¶${p.number} · ${p.text.replace(/\s+/g, " ")}`, CHOICE_NAME_LENGTH),
        value: p.number,
      })),
    );
  },
} satisfies Command;
