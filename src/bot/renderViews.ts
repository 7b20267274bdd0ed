import type { APIEmbed } from "discord.js";
import type { Fact } from "../facts/schema.js";
import type { ReportMeta } from "../qa/reportIndex.js";
import type { ParagraphHit } from "../qa/search.js";
import type { Paragraph } from "../report/types.js";
import { addFieldsWithFooter, embedLimits, fitField, truncate } from "./embedLimits.js";
import { aboutLabel, factField, formatFigure } from "./factText.js";
import { paragraphButtons, type RenderedMessage, reportFooter } from "./render.js";
import { colors } from "./replies.js";

function paragraphTitle(paragraph: Paragraph): string {
  const section = paragraph.section
    ? ` · Section ${paragraph.section.number}: ${paragraph.section.title}`
    : "";
  return truncate(`¶${paragraph.number}${section}`, embedLimits.title);
}

/** One paragraph: section, full text and the figures stated in it. */
export function renderParagraph(
  paragraph: Paragraph,
  facts: readonly Fact[],
  meta: ReportMeta,
): RenderedMessage {
  const embed: APIEmbed = {
    color: colors.info,
    title: paragraphTitle(paragraph),
    description: truncate(paragraph.text, embedLimits.description),
  };
  const fields = facts.map((fact) => fitField(formatFigure(fact), aboutLabel(fact)));
  addFieldsWithFooter(embed, fields, reportFooter(meta));
  return { embeds: [embed], components: [] };
}

/** Every figure for one place, or the headline national figures when `place` is null. */
export function renderFigures(
  place: string | null,
  facts: readonly Fact[],
  meta: ReportMeta,
): RenderedMessage {
  const embed: APIEmbed = {
    color: colors.answered,
    title: truncate(
      place ? `Figures for ${place}` : "Headline national figures",
      embedLimits.title,
    ),
    description: `${facts.length} figure${facts.length === 1 ? "" : "s"} from the report, each with the paragraph it comes from.`,
  };
  addFieldsWithFooter(embed, facts.map(factField), reportFooter(meta));
  return { embeds: [embed], components: paragraphButtons(facts.map((fact) => fact.paragraph)) };
}

/** The best matching paragraphs, each with its snippet. */
export function renderSearch(
  query: string,
  hits: readonly ParagraphHit[],
  meta: ReportMeta,
): RenderedMessage {
  const embed: APIEmbed = {
    color: colors.info,
    title: truncate(`Search: ${query}`, embedLimits.title),
    fields: hits.map((hit) => fitField(paragraphTitle(hit.paragraph), hit.snippet || "—")),
    footer: { text: reportFooter(meta) },
  };
  return {
    embeds: [embed],
    components: paragraphButtons(hits.map((hit) => hit.paragraph.number)),
  };
}
