import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AnswerStatus } from "../qa/schema.js";
import type { AuditAction } from "../store/audit.js";

/** What the bot counts for Prometheus; one instance per process, passed in, never global. */
export interface Metrics {
  questionAnswered(status: AnswerStatus): void;
  answerLatency(seconds: number): void;
  reportChanged(action: AuditAction): void;
  rateLimited(): void;
  gatewayReconnected(): void;
  /** Where the report index cache's size is read from, at each scrape. */
  watchIndexes(stats: () => { indexes: number; bytes: number }): void;
  /** The text exposition format, for GET /metrics. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** Answers take milliseconds; the buckets reach a second to show a slow report or a busy host. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "factdesk_" });
  const questions = new Counter({
    name: "factdesk_questions_total",
    help: "Questions answered, by answer status",
    labelNames: ["status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "factdesk_answer_latency_seconds",
    help: "Time to answer one question, engine and pins included",
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const changes = new Counter({
    name: "factdesk_report_changes_total",
    help: "Report versions activated, by action (import, refresh, upload, rollback)",
    labelNames: ["action"],
    registers: [registry],
  });
  const refusals = new Counter({
    name: "factdesk_rate_limit_refusals_total",
    help: "Questions refused by the per-member rate limit",
    registers: [registry],
  });
  const reconnects = new Counter({
    name: "factdesk_gateway_reconnects_total",
    help: "Times the Discord gateway connection was resumed or re-established",
    registers: [registry],
  });
  let indexStats = () => ({ indexes: 0, bytes: 0 });
  new Gauge({
    name: "factdesk_report_indexes",
    help: "Report indexes held in memory (one per distinct report in use, up to INDEX_CACHE_MB)",
    registers: [registry],
    collect() {
      this.set(indexStats().indexes);
    },
  });
  new Gauge({
    name: "factdesk_report_index_bytes",
    help: "Estimated heap of the report indexes held, in bytes",
    registers: [registry],
    collect() {
      this.set(indexStats().bytes);
    },
  });
  for (const status of ["answered", "not_found"]) questions.inc({ status }, 0);
  return {
    questionAnswered: (status) => questions.inc({ status }),
    answerLatency: (seconds) => latency.observe(seconds),
    reportChanged: (action) => changes.inc({ action }),
    rateLimited: () => refusals.inc(),
    gatewayReconnected: () => reconnects.inc(),
    watchIndexes: (stats) => {
      indexStats = stats;
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
