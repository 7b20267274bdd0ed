import { z } from "zod";

const commaList = z
  .string()
  .optional()
  .transform((raw) =>
    (raw ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/** "8/60s": so many per window; the window in ms, s (the default) or m. */
function perWindow(raw: string, ctx: z.RefinementCtx): { count: number; windowMs: number } {
  const match = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m)?$/.exec(raw.trim());
  if (!match) {
    ctx.addIssue({ code: "custom", message: 'must look like "8/60s": how many / window' });
    return z.NEVER;
  }
  const scale = { ms: 1, s: 1000, m: 60_000 }[(match[3] ?? "s") as "ms" | "s" | "m"];
  return { count: Number(match[1]), windowMs: Number(match[2]) * scale };
}

/** "8/60s": a burst of 8 questions, refilled continuously over 60 seconds. */
export const rateLimit = z
  .string()
  .default("8/60s")
  .transform((raw, ctx) => {
    const { count, windowMs } = perWindow(raw, ctx);
    return { burst: count, windowMs };
  });

/** "5/60s": in an ask channel, answer in a thread once 5 messages arrived there within 60 s; "off". */
const busyChannel = z
  .string()
  .default("5/60s")
  .transform((raw, ctx) => {
    if (raw.trim() === "off") return null;
    const { count, windowMs } = perWindow(raw, ctx);
    return { messages: count, windowMs };
  });

/** "15m", "1h", "90s", "1d": how often something repeats. */
const interval = z.string().transform((raw, ctx) => {
  const match = /^(\d+)\s*(s|m|h|d)$/.exec(raw.trim());
  const ms = match ? Number(match[1]) * { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[match[2] as "s"] : 0;
  if (ms < 60_000) {
    ctx.addIssue({
      code: "custom",
      message: 'must be a duration of at least 1m, like "30m" or "6h"',
    });
    return z.NEVER;
  }
  return ms;
});

const snowflake = z
  .string({ error: "is required: a Discord id (15–22 digits)" })
  .regex(/^\d{15,22}$/, "must be a Discord id (15–22 digits)");

/** "auto" (Discord's recommended count) or a number of shards for ShardingManager; unset: one process. */
const totalShards = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === "") return undefined;
    if (raw.trim() === "auto") return "auto" as const;
    const count = Number(raw);
    if (Number.isInteger(count) && count > 0) return count;
    ctx.addIssue({ code: "custom", message: 'must be "auto" or a whole number of shards' });
    return z.NEVER;
  });

/** "0,1" or "0-3" (or "0-3,8"): the shard ids this process runs, as plain numbers. */
const shardIds = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === "") return undefined;
    const ids: number[] = [];
    for (const part of raw.split(",").map((item) => item.trim())) {
      const range = /^(\d+)(?:-(\d+))?$/.exec(part);
      const from = Number(range?.[1]);
      const to = Number(range?.[2] ?? range?.[1]);
      if (!range || to < from) {
        ctx.addIssue({ code: "custom", message: 'must list shard ids like "0,1" or "0-3"' });
        return z.NEVER;
      }
      for (let id = from; id <= to; id += 1) ids.push(id);
    }
    return [...new Set(ids)].sort((a, b) => a - b);
  });

/** postgres://user:password@host:port/database (or postgresql://): the store many hosts share. */
const databaseUrl = z
  .url({
    protocol: /^postgres(ql)?$/,
    error: "must be a PostgreSQL URL: postgres://user:password@host:5432/database",
  })
  .optional();

const EnvSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: "is required: the bot token from the Discord developer portal" })
    .min(1, "is required: the bot token from the Discord developer portal"),
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z.url().default("https://discord.com/api"),
  REPORT_PATH: z.string().min(1).default("data/report.txt"),
  REPORT_URL: z.url({ protocol: /^https?$/ }).optional(),
  REPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  REPORT_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  REPORT_BUILD_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  REPORT_BUILD_MEMORY_MB: z.coerce.number().int().min(16).default(512),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(10_000),
  /** Key for the one-vote-per-user feedback tokens; else a 0600 file in DATA_DIR. */
  FEEDBACK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ASK_CHANNEL_IDS: commaList.pipe(z.array(snowflake)),
  MODERATOR_ROLE_IDS: commaList.pipe(z.array(snowflake)),
  RATE_LIMIT: rateLimit,
  CHAT: z.enum(["on", "off"]).default("on"),
  ASK_THREAD_WHEN_BUSY: busyChannel,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().min(1).default("data"),
  /** Unset: SQLite in DATA_DIR. Set: every table lives in this PostgreSQL database instead. */
  DATABASE_URL: databaseUrl,
  REPORT_REFRESH_INTERVAL: interval.optional(),
  QUESTION_LOG_DAYS: z.coerce.number().int().positive().default(90),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  HEALTH_HOST: z.string().min(1).default("127.0.0.1"),
  TOTAL_SHARDS: totalShards,
  SHARD_IDS: shardIds,
  /** Every shard across every host; discord.js also reads it in a ShardingManager's children. */
  SHARD_COUNT: z.coerce.number().int().positive().optional(),
  /** Report indexes held in memory beyond which the least recently asked are dropped. */
  INDEX_CACHE_MB: z.coerce.number().positive().default(256),
});

export type Config = z.infer<typeof EnvSchema>;

/** Hosts sharing one PostgreSQL must tell one member's vote by the same key, so it counts once. */
function requireSharedFeedbackKey(
  config: { DATABASE_URL?: string | undefined; FEEDBACK_SECRET?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (config.DATABASE_URL && !config.FEEDBACK_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["FEEDBACK_SECRET"],
      message:
        "is required with DATABASE_URL: the same secret on every host, so a member's vote counts once whichever host takes it",
    });
  }
}

const ShardedEnvSchema = EnvSchema.superRefine((config, ctx) => {
  requireSharedFeedbackKey(config, ctx);
  if (config.SHARD_IDS && !config.SHARD_COUNT) {
    ctx.addIssue({
      code: "custom",
      path: ["SHARD_IDS"],
      message: "needs SHARD_COUNT, the shards on every host",
    });
  }
  const outside = config.SHARD_IDS?.find((id) => id >= (config.SHARD_COUNT ?? Infinity));
  if (outside !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["SHARD_IDS"],
      message: `has shard ${outside}, but SHARD_COUNT counts from 0 to ${(config.SHARD_COUNT ?? 1) - 1}`,
    });
  }
  if (config.TOTAL_SHARDS && config.SHARD_IDS) {
    ctx.addIssue({
      code: "custom",
      path: ["TOTAL_SHARDS"],
      message: "and SHARD_IDS are two ways to shard: set one",
    });
  }
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`factdesk: invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Empty strings in .env mean "unset", so optional variables can be left blank in a copied .env.example. */
function dropEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== "",
    ),
  );
}

function parseWith<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(dropEmpty(env));
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "env"} ${issue.message}`),
  );
}

/** Parse the environment once at start-up; the result is passed to whatever needs it. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  return parseWith(ShardedEnvSchema, env);
}

const StorageEnvSchema = EnvSchema.pick({
  DATA_DIR: true,
  DATABASE_URL: true,
  REPORT_PATH: true,
  REPORT_URL: true,
  REPORT_MAX_BYTES: true,
  REPORT_FETCH_TIMEOUT_MS: true,
  REPORT_BUILD_TIMEOUT_MS: true,
  REPORT_BUILD_MEMORY_MB: true,
  FEEDBACK_SECRET: true,
  LOG_LEVEL: true,
}).superRefine(requireSharedFeedbackKey);
export type StorageConfig = z.infer<typeof StorageEnvSchema>;

/** What the operator CLI (`npm run report`) needs: no Discord credentials, same defaults as the bot. */
export function parseStorageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  return parseWith(StorageEnvSchema, env);
}

/** REPORT_MAX_BYTES alone, for the ask CLI, which needs nothing else from the environment. */
export function parseReportMaxBytes(env: NodeJS.ProcessEnv): number {
  return parseWith(EnvSchema.pick({ REPORT_MAX_BYTES: true }), env).REPORT_MAX_BYTES;
}
