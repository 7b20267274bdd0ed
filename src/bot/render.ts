import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Fact } from "../facts/schema.js";
import { citeParts } from "../qa/compose.js";
import type { ReportMeta } from "../qa/reportIndex.js";
import type { Answer, AnswerPart } from "../qa/schema.js";
import { contestLines, contestTitle } from "./contestView.js";
import { customIds } from "./customIds.js";
import { embedLimits, truncate } from "./embedLimits.js";
import { escapeKeepingBold, escapeText } from "./escape.js";
import { figureLine, quoteAround, quoteLine, subjectOf } from "./factText.js";
import { colors } from "./replies.js";

/** Below this the answer may be a near miss, so the reader is offered other questions. */
export const LOW_CONFIDENCE = 0.5;
/** Figures listed in one answer; more than this is what /figures is for. */
const MAX_FIGURE_LINES = 8;
/** Sentences quoted in one answer: the lead figure's, and a few more for a podium or comparison. */
const MAX_QUOTES = 3;
const MAX_SUGGESTIONS = 5;
/** Select menu option labels and values are capped at 100 characters by Discord. */
const MAX_SUGGESTION_LENGTH = 100;

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface RenderedMessage {
  embeds: APIEmbed[];
  components: ActionRow[];
}

export interface AnswerView {
  /** Who asked: only they may remove the answer, and their pick from the menu edits it. null for a private answer. */
  askerId: string | null;
}

/** "Harbour Patrol annual results · 2031-03-02 · version 3". */
export function reportFooter(meta: ReportMeta): string {
  const parts = [
    meta.title ?? meta.name,
    meta.date ?? "",
    meta.version === null ? "" : `version ${meta.version}`,
  ];
  return truncate(parts.filter((part) => part.length > 0).join(" · "), embedLimits.footer);
}

export function paragraphButton(number: number): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customIds.paragraph(number),
    label: `Show ¶${number}`,
  };
}

/** A link to the published report, where it has a public address. */
export function sourceButton(meta: ReportMeta): APIButtonComponent[] {
  if (!meta.url) return [];
  return [{ type: ComponentType.Button, style: ButtonStyle.Link, url: meta.url, label: "Source" }];
}

export function buttonRow(buttons: APIButtonComponent[]): ActionRow[] {
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
}

function answerButtons(answer: Answer, meta: ReportMeta, view: AnswerView): APIButtonComponent[] {
  const [cited] = answer.citations;
  const vote = (kind: "up" | "down"): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customIds.feedback(kind),
    emoji: { name: kind === "up" ? "👍" : "👎" },
  });
  const remove: APIButtonComponent[] = view.askerId
    ? [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: customIds.remove(view.askerId),
          emoji: { name: "🗑️" },
        },
      ]
    : [];
  return [
    ...(cited === undefined ? [] : [paragraphButton(cited)]),
    vote("up"),
    vote("down"),
    ...remove,
    ...sourceButton(meta),
  ];
}

function suggestionMenu(suggestions: readonly string[], askerId: string | null): ActionRow[] {
  // A truncated question would be answered differently, so long suggestions are left out rather than cut.
  const usable = [...new Set(suggestions)]
    .filter((s) => s.trim().length > 0 && s.length <= MAX_SUGGESTION_LENGTH)
    .slice(0, MAX_SUGGESTIONS);
  if (usable.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: customIds.suggestion(askerId),
          placeholder: "Did you mean…",
          options: usable.map((question) => ({ label: question, value: question })),
        },
      ],
    },
  ];
}

export function needsSuggestions(answer: Answer): boolean {
  return answer.status === "not_found" || answer.confidence < LOW_CONFIDENCE;
}

/**
 * The same figure restated in several paragraphs (the lead and the body, often in other words) is
 * one line citing all of them; the same number for another place is another figure. Places are
 * compared as the line shows them: a national figure is the same whether or not its sentence
 * names the country.
 */
function distinctFigures(facts: readonly Fact[]): { fact: Fact; paragraphs: number[] }[] {
  const lines: { fact: Fact; paragraphs: number[] }[] = [];
  for (const fact of facts) {
    const same = lines.find(
      (line) =>
        line.fact.value === fact.value &&
        line.fact.unit === fact.unit &&
        citeParts(line.fact).where === citeParts(fact).where,
    );
    if (!same) lines.push({ fact, paragraphs: [fact.paragraph] });
    else if (!same.paragraphs.includes(fact.paragraph)) same.paragraphs.push(fact.paragraph);
  }
  return lines;
}

/**
 * Each figure leads its line; each paragraph's sentence is quoted once, under its first figure.
 * Under a title naming their place, the figures for that place alone do not name it again.
 */
function figureLines(facts: readonly Fact[], titled: string | null = null): string[] {
  const quoted = new Set<number>();
  const lines: string[] = [];
  const shown = distinctFigures(facts).slice(0, MAX_FIGURE_LINES);
  for (const { fact, paragraphs } of shown) {
    const also = paragraphs.slice(1).map((p) => `¶${p}`);
    const line = figureLine(fact, {
      place: !(fact.places.length === 1 && fact.places[0] === titled),
    });
    lines.push(also.length > 0 ? `${line} (also ${also.join(", ")})` : line);
    if (!quoted.has(fact.paragraph) && quoted.size < MAX_QUOTES) {
      quoted.add(fact.paragraph);
      lines.push(quoteLine(fact));
    }
  }
  const hidden = distinctFigures(facts).length - shown.length;
  if (hidden > 0)
    lines.push(`_…and ${hidden} more figure${hidden === 1 ? "" : "s"}: see /figures._`);
  return lines;
}

/** "**the chief inspector** (¶3)": the engine's citation at a line's end, shown as figures show it. */
const CITED_AT_END = /\s\(¶(\d+)\)$/;

/**
 * Answers without figures (a sentence, a date, "the report does not say") come as the engine's
 * Markdown: its **bold** is kept, quoted lines are cut at word boundaries, everything else escaped.
 * With the menu showing, the engine's "Try: …" line would list the same suggestions twice.
 */
function textLines(answer: AnswerPart, withMenu: boolean): string[] {
  return answer.text
    .split("\n")
    .filter((line) => !(withMenu && line.startsWith("Try: ")))
    .map((line) =>
      line.startsWith("> ")
        ? `> ${escapeText(quoteAround(line.slice(2), ""))}`
        : escapeKeepingBold(line).replace(CITED_AT_END, " · ¶$1"),
    );
}

function followUpNote(answer: Answer): string {
  return answer.followsOn
    ? ` — following on from your question about ${escapeText(answer.followsOn)}`
    : "";
}

/** "✅ Checked by the moderators", and their note, under a pinned answer. */
function checkedLines(answer: Answer): string[] {
  if (!answer.checked) return [];
  const note = answer.checked.note ? [`Note: ${escapeText(answer.checked.note)}`] : [];
  return ["✅ Checked by the moderators", ...note];
}

function answerTitle(answer: Answer, meta: ReportMeta): string | undefined {
  const [lead] = answer.facts;
  const subject = lead && answer.status === "answered" && !answer.parts ? subjectOf(lead) : "";
  const listed = answer.figuresFor ? `Figures for ${answer.figuresFor}` : "";
  const title =
    (answer.contest && contestTitle(answer.contest)) || listed || subject || meta.title || "";
  return title ? truncate(escapeText(title), embedLimits.title) : undefined;
}

/** One answer's lines: a contest's options by name, else its figures, else the engine's text. */
function bodyLines(answer: AnswerPart, withMenu: boolean): string[] {
  if (answer.contest) return contestLines(answer.contest);
  return answer.facts.length > 0
    ? figureLines(answer.facts, answer.figuresFor ?? null)
    : textLines(answer, withMenu);
}

/**
 * "how many boats were seized" → "### How many boats were seized?": a part's heading, set apart
 * from the bold figures under it.
 */
function asHeading(part: string): string {
  const text = part.trim();
  const asked = /[?.!]$/.test(text) ? text : `${text}?`;
  return `### ${escapeText(`${asked.charAt(0).toUpperCase()}${asked.slice(1)}`)}`;
}

/** A question that asks several things: each part under its own heading, in the order asked. */
function answerLines(answer: Answer, withMenu: boolean): string[] {
  if (!answer.parts) return bodyLines(answer, withMenu);
  return answer.parts.flatMap((part, i) => [
    ...(i > 0 ? [""] : []),
    asHeading(part.question),
    ...bodyLines(part, withMenu),
  ]);
}

/** The whole Discord message for one answer; pure, so it is tested without Discord. */
export function renderAnswer(answer: Answer, meta: ReportMeta, view: AnswerView): RenderedMessage {
  const withMenu = needsSuggestions(answer) && answer.suggestions.length > 0;
  const lines = answerLines(answer, withMenu);
  const [first = "No answer.", ...rest] = lines.length > 0 ? lines : ["No answer."];
  const embed: APIEmbed = {
    color: needsSuggestions(answer) ? colors.uncertain : colors.answered,
    description: truncate(
      [`${first}${followUpNote(answer)}`, ...rest, ...checkedLines(answer)].join("\n"),
      embedLimits.description,
    ),
    footer: { text: reportFooter(meta) },
  };
  const title = answerTitle(answer, meta);
  if (title) embed.title = title;

  const components = [
    ...buttonRow(answerButtons(answer, meta, view)),
    ...(needsSuggestions(answer) ? suggestionMenu(answer.suggestions, view.askerId) : []),
  ];
  return { embeds: [embed], components };
}
