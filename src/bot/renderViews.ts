import { type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import type { Fact } from "../facts/schema.js";
import type { ReportMeta } from "../qa/reportIndex.js";
import type { ParagraphHit } from "../qa/search.js";
import type { Paragraph } from "../report/types.js";
import { customIds, MAX_CUSTOM_ID } from "./customIds.js";
import { embedLimits, fitField, truncate } from "./embedLimits.js";
import { escapeText } from "./escape.js";
import { figureLine, LIST_QUOTE_LENGTH, quoteAround, quoteLine } from "./factText.js";
import {
  type ActionRow,
  buttonRow,
  paragraphButton,
  type RenderedMessage,
  reportFooter,
  sourceButton,
} from "./render.js";
import { colors } from "./replies.js";

/**
 * A page of /figures must fit one 1080p screen: about 26 lines of embed text of about 60
 * characters each (measured in the preview: a full page is about 850 px with its buttons).
 */
const SCREEN_LINES = 26;
const CHARACTERS_PER_LINE = 60;
const MAX_PARAGRAPH_BUTTONS = 5;

function paragraphTitle(paragraph: Paragraph): string {
  const section = paragraph.section
    ? ` · Section ${paragraph.section.number}: ${paragraph.section.title}`
    : "";
  return truncate(escapeText(`¶${paragraph.number}${section}`), embedLimits.title);
}

/** One paragraph: section, full text and the figures stated in it. */
export function renderParagraph(
  paragraph: Paragraph,
  facts: readonly Fact[],
  meta: ReportMeta,
): RenderedMessage {
  const figures = facts.map((fact) => `• ${figureLine(fact, { cite: false })}`);
  const listed =
    figures.length > 0 ? `\n\n**Figures in ¶${paragraph.number}**\n${figures.join("\n")}` : "";
  const room = embedLimits.description - listed.length;
  const embed: APIEmbed = {
    color: colors.info,
    title: paragraphTitle(paragraph),
    description: truncate(
      `${truncate(escapeText(paragraph.text), Math.max(room, embedLimits.description / 2))}${listed}`,
      embedLimits.description,
    ),
    footer: { text: reportFooter(meta) },
  };
  return { embeds: [embed], components: buttonRow(sourceButton(meta)) };
}

/** A paragraph's figures, then its sentence quoted once. */
interface FigureBlock {
  paragraph: number;
  lines: string[];
}

function figureBlocks(facts: readonly Fact[]): FigureBlock[] {
  const blocks: FigureBlock[] = [];
  for (const fact of facts) {
    let block = blocks.find((b) => b.paragraph === fact.paragraph);
    if (!block) {
      block = { paragraph: fact.paragraph, lines: [quoteLine(fact, LIST_QUOTE_LENGTH)] };
      blocks.push(block);
    }
    block.lines.splice(block.lines.length - 1, 0, figureLine(fact));
  }
  return blocks;
}

function screenLines(block: FigureBlock): number {
  return block.lines.reduce((sum, line) => sum + Math.ceil(line.length / CHARACTERS_PER_LINE), 0);
}

/** Blocks packed into pages of at most one screen; a block is never split across pages. */
export function paginate(blocks: readonly FigureBlock[], budget = SCREEN_LINES): FigureBlock[][] {
  const pages: FigureBlock[][] = [];
  let page: FigureBlock[] = [];
  let used = 0;
  for (const block of blocks) {
    const size = screenLines(block);
    if (page.length > 0 && used + size > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(block);
    used += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

function pageButtons(page: number, pages: number, place: string | null): ActionRow[] {
  if (pages <= 1 || customIds.figuresPage(pages, place).length > MAX_CUSTOM_ID) return [];
  const button = (label: string, target: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    // The page number keeps the two custom ids distinct even when both are disabled.
    custom_id: customIds.figuresPage(target, place),
    label,
    disabled,
  });
  return buttonRow([
    button("◀ Previous", page - 1, page === 0),
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: `figs-at:${page}`,
      label: `Page ${page + 1} of ${pages}`,
      disabled: true,
    },
    button("Next ▶", page + 1, page === pages - 1),
  ]);
}

function figuresIntro(place: string | null, own: number, shared: number): string {
  const count = (n: number) => `${n} figure${n === 1 ? "" : "s"}`;
  if (!place) return `The report's ${count(own + shared)} for the country as a whole.`;
  const name = escapeText(place);
  if (own === 0) {
    return `The report gives no figures for ${name} on its own. It counts ${name} together with other places in ${count(shared)}:`;
  }
  const together = shared > 0 ? `, and ${count(shared)} it shares with other places` : "";
  return `${count(own)} for ${name}${together}.`;
}

/**
 * Every figure for one place (its own first, then those it shares), or the headline national
 * figures when `place` is null; grouped by paragraph with one quote each, paged to fit a screen.
 */
export function renderFigures(
  place: string | null,
  facts: readonly Fact[],
  meta: ReportMeta,
  requestedPage = 0,
): RenderedMessage {
  const own = place ? facts.filter((fact) => fact.places.length <= 1) : [...facts];
  const shared = place ? facts.filter((fact) => fact.places.length > 1) : [];
  const pages = paginate(figureBlocks([...own, ...shared]));
  const page = Math.min(Math.max(0, requestedPage), pages.length - 1);
  const blocks = pages[page] ?? [];
  const intro = figuresIntro(place, own.length, shared.length);
  const embed: APIEmbed = {
    color: colors.answered,
    title: truncate(
      place ? `Figures for ${escapeText(place)}` : "Headline national figures",
      embedLimits.title,
    ),
    description: truncate(
      [intro, "", ...blocks.map((block) => block.lines.join("\n"))].join("\n"),
      embedLimits.description,
    ),
    footer: { text: reportFooter(meta) },
  };
  const paragraphs = blocks.map((block) => paragraphButton(block.paragraph));
  return {
    embeds: [embed],
    components: [
      ...buttonRow([
        ...paragraphs.slice(0, MAX_PARAGRAPH_BUTTONS - (meta.url ? 1 : 0)),
        ...sourceButton(meta),
      ]),
      ...pageButtons(page, pages.length, place),
    ],
  };
}

/** The best matching paragraphs, each with its best sentence cut at word boundaries. */
export function renderSearch(
  query: string,
  hits: readonly ParagraphHit[],
  meta: ReportMeta,
): RenderedMessage {
  const embed: APIEmbed = {
    color: colors.info,
    title: truncate(`Search: ${escapeText(query)}`, embedLimits.title),
    fields: hits.map((hit) =>
      fitField(
        paragraphTitle(hit.paragraph),
        `> ${escapeText(quoteAround(hit.snippet, hit.match, LIST_QUOTE_LENGTH + 40))}`,
      ),
    ),
    footer: { text: reportFooter(meta) },
  };
  return {
    embeds: [embed],
    components: buttonRow(
      hits.slice(0, MAX_PARAGRAPH_BUTTONS).map((hit) => paragraphButton(hit.paragraph.number)),
    ),
  };
}
