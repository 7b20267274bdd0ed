import { createRequire } from "node:module";
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from "pino";

export interface LoggerOptions {
  /** Literal values (the bot token) that must never reach a log line, whatever field or message holds them. */
  secrets?: readonly string[];
  /** Where lines go; stdout when omitted. Tests pass an in-memory stream. */
  destination?: DestinationStream;
}

const REDACTED = "[redacted]";

/** Field names that carry credentials: the bot token, interaction tokens, HTTP authorization headers. */
const redactPaths = [
  "token",
  "*.token",
  "DISCORD_TOKEN",
  "*.DISCORD_TOKEN",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
];

export function createLogger(level: LevelWithSilent, options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length > 0);
  const pinoOptions = {
    level,
    base: { app: "factdesk" },
    redact: { paths: redactPaths, censor: REDACTED },
    hooks: {
      // Redaction only covers known field names; this also catches a token quoted inside an error message.
      streamWrite: (line: string) =>
        secrets.reduce((text, secret) => text.split(secret).join(REDACTED), line),
    },
  };
  if (options.destination) return pino(pinoOptions, options.destination);
  if (wantsPrettyOutput()) return pino({ ...pinoOptions, transport: { target: "pino-pretty" } });
  return pino(pinoOptions);
}

/** Pretty lines for a human at a terminal; JSON lines for CI, pipes and log collectors. */
function wantsPrettyOutput(): boolean {
  if (!process.stdout.isTTY || process.env.CI) return false;
  try {
    // pino-pretty is a dev dependency, absent from production installs.
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}
