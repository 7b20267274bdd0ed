import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { createLogger } from "../../src/logger.js";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import type { FeedbackEvent, QuestionEvent, Services } from "../../src/services.js";

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
      active: () => {
        if (services.breakReports) throw new Error("report store unavailable");
        return {
          index,
          version: 1,
          source: "file:data/report.txt",
          sha256: "0".repeat(64),
          loadedAt: new Date(),
          loadedBy: null,
        };
      },
    },
    telemetry: {
      questionAnswered: (event) => services.questions.push(event),
      feedback: (event) => {
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
