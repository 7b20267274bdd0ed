import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import {
  REST,
  type RESTGetAPIGatewayBotResult,
  Routes,
  type Shard,
  ShardingManager,
} from "discord.js";
import type { Logger } from "pino";
import { type ShardMessage, shardMessage } from "./changes.js";

export interface ManagerOptions {
  /** The entry's own import.meta.url: children are forked from the same file (dist/main.js, or src/main.ts under tsx). */
  entry: string;
  totalShards: number | "auto";
  token: string;
  /** DISCORD_API_URL: "auto" asks it, not discord.com, for the recommended count. */
  api: string;
  logger: Logger;
}

/**
 * Discord's recommended shard count. discord.js's own "auto" always asks discord.com, whatever
 * DISCORD_API_URL says, so it is asked here through the same REST client the bot uses.
 */
async function recommendedShards(api: string, token: string): Promise<number> {
  const rest = new REST({ api }).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return gateway.shards;
}

/**
 * Fork one process per shard and relay "the store changed" from any shard to every other one,
 * so a refresh through one shard is answered from the others at once, with no polling.
 */
export async function createShardingManager(options: ManagerOptions): Promise<ShardingManager> {
  const file = fileURLToPath(options.entry);
  const manager = new ShardingManager(file, {
    totalShards:
      options.totalShards === "auto"
        ? await recommendedShards(options.api, options.token)
        : options.totalShards,
    token: options.token,
    // Under tsx (tests, `npm run dev`) the children need its loader too; compiled, plain node.
    execArgv: file.endsWith(".ts") ? ["--import", "tsx"] : [],
    respawn: true,
  });
  manager.on("shardCreate", (shard) => {
    shard.on("spawn", (child) => {
      options.logger.info({ shardId: shard.id, ...processOf(child) }, "shard started");
    });
    // Only an unexpected exit: a shard stopped by stopShards is not respawned and not reported.
    shard.on("death", (child) => {
      options.logger.warn(
        { shardId: shard.id, ...processOf(child) },
        "shard process died; starting it again",
      );
    });
    shard.on("message", (message: unknown) => {
      const change = shardMessage(message);
      if (!change) return;
      for (const other of manager.shards.values()) {
        if (other.id !== shard.id) void relay(other, change, options.logger);
      }
    });
  });
  return manager;
}

/** The manager forks processes (its default mode): their pid, and how one ended. */
function processOf(child: ChildProcess | Worker) {
  return "threadId" in child
    ? { threadId: child.threadId }
    : { pid: child.pid, exitCode: child.exitCode, signal: child.signalCode };
}

async function relay(shard: Shard, message: ShardMessage, logger: Logger): Promise<void> {
  try {
    await shard.send(message);
  } catch (error) {
    logger.warn({ err: error, shardId: shard.id }, "could not tell a shard the store changed");
  }
}

/**
 * SIGTERM each child (each finishes its in-flight work and closes with 1000) and wait for all of
 * them to exit; killed this way a shard is not respawned.
 */
export async function stopShards(manager: ShardingManager): Promise<void> {
  const exits = [...manager.shards.values()].map((shard) => {
    const child = shard.process;
    if (!child || child.exitCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    shard.kill();
    return exited;
  });
  await Promise.all(exits);
}
