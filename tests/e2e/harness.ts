import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import type { APIEmbed, Client } from "discord.js";
import type { Logger } from "pino";
import { startBot } from "../../src/bot/client.js";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import type { FeedbackEvent, QuestionEvent, Services } from "../../src/services.js";
import {
  type BotResponse,
  FakeDiscord,
  type FakeDiscordOptions,
  type Json,
} from "./fakeDiscord.js";

export const REPORT_PATH = new URL("../../data/report.txt", import.meta.url);
export const reportText = readFileSync(REPORT_PATH, "utf8");

/** The citation contract read straight from the text: ¶N is the N-th blank-line-separated block. */
export const reportBlocks = reportText
  .split(/\n[ \t]*\n/)
  .map((block) => block.trim())
  .filter((block) => block.length > 0);

/** The first figure the report states in `pattern`'s capture group, with the paragraph it is in. */
export function figureInReport(pattern: RegExp): { figure: string; paragraph: number } {
  const paragraph = reportBlocks.findIndex((block) => pattern.test(block));
  const figure = reportBlocks[paragraph]?.match(pattern)?.[1];
  if (paragraph < 0 || !figure) throw new Error(`the report never says ${pattern}`);
  return { figure, paragraph: paragraph + 1 };
}

export interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A logger that keeps its lines in memory: silent on the console, inspectable by tests. */
export function capturingLogger(secrets: string[] = []): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      entries.push(JSON.parse(String(chunk)) as LogEntry);
      done();
    },
  });
  return { logger: createLogger("debug", { secrets, destination }), entries };
}

export interface RecordingServices extends Services {
  questions: QuestionEvent[];
  votes: FeedbackEvent[];
  /** While true, reading the guild's report fails, as a broken store would. */
  breakReports: boolean;
}

/** The seed report in memory, with telemetry that records what the bot reports. */
export function recordingServices(
  index: ReportIndex = buildReportIndex(reportText, { name: "report.txt", version: 1 }),
): RecordingServices {
  const services: RecordingServices = {
    questions: [],
    votes: [],
    breakReports: false,
    reports: {
      activeVersion: () => {
        if (services.breakReports) throw new Error("report store unavailable");
        return {
          version: 1,
          source: "file:data/report.txt",
          sha256: "0".repeat(64),
          loadedAt: new Date(),
          loadedBy: null,
          meta: index.meta,
          paragraphs: index.report.paragraphs.length,
          facts: index.table.facts.length,
        };
      },
      active: async () => ({ ...services.reports.activeVersion(null), index }),
      isIndexed: () => true,
    },
    telemetry: {
      questionAnswered: (event) => services.questions.push(event),
      feedback: async (event) => {
        const same = (vote: FeedbackEvent) =>
          vote.answerId === event.answerId && vote.userId === event.userId;
        const before = services.votes.findIndex(same);
        if (before === -1) {
          services.votes.push(event);
          return "counted";
        }
        if (services.votes[before]?.vote === event.vote) return "unchanged";
        services.votes[before] = event;
        return "changed";
      },
    },
  };
  return services;
}

/** A response's message payload, or a message as the channel stores it. */
function bodyOf(response: BotResponse | Json): Json {
  return "body" in response && typeof response.body === "object"
    ? (response.body as Json)
    : (response as Json);
}

/** Everything a reader sees in a message, in order: content, then each embed's title, text, fields, footer. */
export function visibleParts(response: BotResponse | Json): string[] {
  const body = bodyOf(response);
  const embeds = (body.embeds as APIEmbed[] | undefined) ?? [];
  const parts = embeds.flatMap((embed) => [
    embed.title ?? "",
    embed.description ?? "",
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer?.text ?? "",
  ]);
  return [String(body.content ?? ""), ...parts];
}

/** What a reader sees in a message, one part a line, empty parts left out. */
export function visibleText(response: BotResponse | Json): string {
  return visibleParts(response)
    .filter((part) => part !== "")
    .join("\n");
}

export interface Component {
  type?: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  options?: { label: string; value: string }[];
  components?: Component[];
}

/** The buttons and menus of a message, out of their action rows. */
export function components(response: BotResponse | Json): Component[] {
  const rows = (bodyOf(response).components as Component[] | undefined) ?? [];
  return rows.flatMap((row) => row.components ?? []);
}

/**
 * The real discord.js client, in this process, against a fresh fake Discord: `env` is the bot's
 * environment beyond the fake's application and API, and every log line is kept, the token hidden.
 */
export async function startBotOnFake(
  fakeOptions: FakeDiscordOptions,
  services: Services,
  token: string,
  env: (fake: FakeDiscord) => NodeJS.ProcessEnv = () => ({}),
): Promise<{ fake: FakeDiscord; client: Client; logs: LogEntry[] }> {
  const fake = await FakeDiscord.start(fakeOptions);
  try {
    const config = parseConfig({
      DISCORD_TOKEN: token,
      DISCORD_CLIENT_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      ...env(fake),
    });
    const captured = capturingLogger([token]);
    const client = await startBot(config, captured.logger, services);
    return { fake, client, logs: captured.entries };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
