import type { CommandContext } from "../../commands/types.js";
import { answer } from "../qa/answer.js";
import type { Answer } from "../qa/schema.js";
import type { Services } from "../services.js";
import { type RenderedMessage, renderAnswer } from "./render.js";

/** Chat messages and slash options alike: only this much of a question is matched. */
export const MAX_QUESTION_LENGTH = 500;

export interface AnsweredQuestion {
  answer: Answer;
  message: RenderedMessage;
}

/** Answers from the guild's active report (DMs use the default report). */
export function answerQuestion(
  question: string,
  guildId: string | null,
  services: Services,
): AnsweredQuestion {
  const started = performance.now();
  const { index } = services.reports.active(guildId);
  const asked = question.slice(0, MAX_QUESTION_LENGTH);
  // A moderator's pin wins over the engine for the question and its close paraphrases.
  const result = services.pins?.pinnedAnswer(asked, guildId) ?? answer(asked, index);
  services.metrics?.answerLatency((performance.now() - started) / 1000);
  return { answer: result, message: renderAnswer(result, index.meta) };
}

/** Called after the reply is sent; a telemetry failure must never reach the user. */
export function recordQuestion(
  context: CommandContext,
  where: { guildId: string | null; channelId: string | null },
  result: Answer,
): void {
  const { guildId, channelId } = where;
  try {
    context.services.telemetry.questionAnswered({
      guildId,
      channelId,
      question: result.question,
      status: result.status,
      confidence: result.confidence,
    });
  } catch (err) {
    context.logger.warn({ err, guildId, channelId }, "could not record the question");
  }
}
