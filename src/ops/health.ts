import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Metrics } from "./metrics.js";

/** Each check says whether one part of the bot works right now; a check that throws says no. */
export interface HealthChecks {
  gateway(): boolean;
  /** Asks the database itself, so it may take a round trip (PostgreSQL). */
  database(): Promise<boolean>;
  report(): boolean;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

async function safely(check: () => boolean | Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch {
    return false;
  }
}

async function healthOf(checks: HealthChecks) {
  const [gateway, database, report] = await Promise.all([
    safely(checks.gateway),
    safely(checks.database),
    safely(checks.report),
  ]);
  return { ok: gateway && database && report, gateway, database, report };
}

/**
 * GET /healthz: 200 when the gateway is connected, the database answers and a report is loaded,
 * else 503, with the three results as JSON. GET /metrics: Prometheus text format.
 */
export async function startHealthServer(
  options: { port: number; host: string },
  checks: HealthChecks,
  metrics: Metrics,
  logger: Logger,
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === "/healthz") {
      void healthOf(checks).then((result) => {
        res.writeHead(result.ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(result));
      });
      return;
    }
    if (req.method === "GET" && path === "/metrics") {
      metrics.render().then(
        (text) => {
          res.writeHead(200, { "content-type": metrics.contentType });
          res.end(text);
        },
        (error: unknown) => {
          logger.error({ err: error }, "could not render metrics");
          res.writeHead(500).end();
        },
      );
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
  server.listen(options.port, options.host);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  logger.info({ host: options.host, port }, "health and metrics listening");
  return {
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
