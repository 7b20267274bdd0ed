import { type Client, Events, Status } from "discord.js";
import type { Logger } from "pino";
import { announce } from "../bot/modLog.js";
import type { Config } from "../config.js";
import { describeChange, publicSource } from "../library/describe.js";
import type { VersionChange } from "../library/types.js";
import type { OpenedServices } from "../openServices.js";
import { type HealthServer, startHealthServer } from "./health.js";
import { type ScheduledRefresh, scheduleRefresh, scheduleRetention } from "./schedule.js";

const modLogPresentation = {
  source: publicSource,
  user: (id: string) => `<@${id}>`,
  time: (date: Date) => `<t:${Math.floor(date.getTime() / 1000)}:f>`,
  guild: () => "this server",
};

/** Tell every server that follows the default report, and keeps a mod-log, what changed. */
async function announceDefaultChange(
  client: Client,
  services: OpenedServices,
  change: VersionChange,
  logger: Logger,
): Promise<void> {
  const text = `Scheduled refresh of the default report:\n${describeChange(change, modLogPresentation)}`;
  for (const { guildId, channelId } of services.settings.modLogChannels()) {
    if (!services.library.followsDefault(guildId)) continue;
    await announce(client, channelId, text, logger);
  }
}

export interface Operations {
  /** The scheduled refresh, when REPORT_URL and REPORT_REFRESH_INTERVAL are both set. */
  refresh: ScheduledRefresh | null;
  /** Where /healthz and /metrics listen, when HEALTH_PORT is set (0 picks a free port). */
  healthPort: number | null;
  stop(): Promise<void>;
}

/**
 * The operator's background work, next to the bot: question-log retention, the scheduled refresh
 * of REPORT_URL, and the health/metrics endpoint.
 */
export async function startOperations(
  config: Config,
  services: OpenedServices,
  client: Client,
  logger: Logger,
): Promise<Operations> {
  const retention = scheduleRetention(services.store, config.QUESTION_LOG_DAYS, logger);
  const { REPORT_URL, REPORT_REFRESH_INTERVAL } = config;
  const refresh =
    REPORT_URL && REPORT_REFRESH_INTERVAL
      ? scheduleRefresh({
          library: services.library,
          config: { ...config, REPORT_URL },
          intervalMs: REPORT_REFRESH_INTERVAL,
          logger,
          onChange: (change) => announceDefaultChange(client, services, change, logger),
        })
      : null;
  // A resumed session, or a fresh READY after the first one, is a reconnect.
  let readies = client.isReady() ? 1 : 0;
  client.on(Events.ShardResume, () => services.metrics.gatewayReconnected());
  client.on(Events.ShardReady, () => {
    readies += 1;
    if (readies > 1) services.metrics.gatewayReconnected();
  });
  let health: HealthServer | null = null;
  if (config.HEALTH_PORT !== undefined) {
    health = await startHealthServer(
      { port: config.HEALTH_PORT, host: config.HEALTH_HOST },
      {
        gateway: () => client.ws.status === Status.Ready,
        database: () => services.store.ping(),
        report: () => services.reports.activeVersion(null).facts > 0,
      },
      services.metrics,
      logger,
    );
  }
  return {
    refresh,
    healthPort: health?.port ?? null,
    async stop() {
      retention.stop();
      refresh?.stop();
      await health?.close();
    },
  };
}
