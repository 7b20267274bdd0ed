import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { ReportMeta } from "../qa/reportIndex.js";
import type { Answer } from "../qa/schema.js";
import { customIds } from "./customIds.js";
import { addFieldsWithFooter, embedLimits, truncate } from "./embedLimits.js";
import { factField } from "./factText.js";
import { colors } from "./replies.js";

/** Below this the answer may be a near miss, so the reader is offered other questions. */
export const LOW_CONFIDENCE = 0.5;
const MAX_FACTS = 10;
const MAX_PARAGRAPH_BUTTONS = 5;
const MAX_SUGGESTIONS = 5;
/** Select menu option labels and values are capped at 100 characters by Discord. */
const MAX_SUGGESTION_LENGTH = 100;

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface RenderedMessage {
  embeds: APIEmbed[];
  components: ActionRow[];
}

export function reportFooter(meta: ReportMeta): string {
  const version = meta.version === null ? "" : ` · version ${meta.version}`;
  return `Report: ${meta.name}${version}`;
}

/** "Show ¶N" buttons, one per distinct paragraph, in the given order. */
export function paragraphButtons(paragraphs: readonly number[]): ActionRow[] {
  const distinct = [...new Set(paragraphs)].slice(0, MAX_PARAGRAPH_BUTTONS);
  if (distinct.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: distinct.map((number) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: customIds.paragraph(number),
        label: `Show ¶${number}`,
      })),
    },
  ];
}

function feedbackButtons(): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: (["up", "down"] as const).map((vote) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: customIds.feedback(vote),
      emoji: { name: vote === "up" ? "👍" : "👎" },
    })),
  };
}

function suggestionMenu(suggestions: readonly string[]): ActionRow[] {
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
          custom_id: customIds.suggestion,
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

/** The whole Discord message for one answer; pure, so it is tested without Discord. */
export function renderAnswer(answer: Answer, meta: ReportMeta): RenderedMessage {
  const embed: APIEmbed = {
    color: needsSuggestions(answer) ? colors.uncertain : colors.answered,
    description: truncate(answer.text || "No answer.", embedLimits.description),
  };
  const title = answer.question.trim();
  if (title) embed.title = truncate(title, embedLimits.title);

  const facts = answer.facts.slice(0, MAX_FACTS);
  addFieldsWithFooter(
    embed,
    facts.map(factField),
    reportFooter(meta),
    answer.facts.length - facts.length,
  );

  const components = [
    ...paragraphButtons(answer.citations),
    feedbackButtons(),
    ...(needsSuggestions(answer) ? suggestionMenu(answer.suggestions) : []),
  ];
  return { embeds: [embed], components };
}
