import { config as loadDotenv } from "dotenv";
import { type Config, ConfigError, parseConfig } from "../config.js";
import { ReportError } from "../report/errors.js";

/** Start-up problems are for the operator: one line each, never a stack trace. */
export function exitWith(lines: readonly string[]): never {
  for (const line of lines) process.stderr.write(`factdesk: ${line}\n`);
  process.exit(1);
}

/** .env (or the file DOTENV_PATH names) fills in what the environment leaves unset; exits on any problem. */
export function loadConfigOrExit(options: { offlineHint: boolean }): Config {
  loadDotenv({ quiet: true });
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (process.env.DISCORD_TOKEN?.trim()) exitWith(error.problems);
    const missingToken = options.offlineHint
      ? 'DISCORD_TOKEN is not set, so the bot cannot connect to Discord. To ask questions offline, run: npm run ask -- "your question"'
      : "DISCORD_TOKEN is not set: put the bot token in .env (see .env.example)";
    exitWith([missingToken, ...error.problems.filter((p) => !p.startsWith("DISCORD_TOKEN"))]);
  }
}

/**
 * The operator-facing reason: a ReportError's reason as it is, otherwise the error's message
 * without its own "factdesk: " (exitWith adds that), so no line reads "factdesk: factdesk:".
 */
export function reasonOf(error: unknown): string {
  if (error instanceof ReportError) return error.reason;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^factdesk:\s*/, "");
}
