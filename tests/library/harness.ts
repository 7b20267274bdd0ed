import pino, { type Logger } from "pino";
import { type Config, parseConfig } from "../../src/config.js";
import { openServices } from "../../src/openServices.js";
import { answer } from "../../src/qa/answer.js";
import type { Services } from "../../src/services.js";

export const SEED_PATH = "data/report.txt";
export const FIXTURE_PATH = "tests/fixtures/zhejiang-winter-campaign.txt";
export const GUILD_A = "100000000000000001";
export const GUILD_B = "100000000000000002";
export const MODERATOR = "200000000000000001";

export const silentLogger = pino({ level: "silent" });

export function testConfig(dataDir: string, overrides: Record<string, string> = {}): Config {
  return parseConfig({
    DISCORD_TOKEN: "test-token",
    DISCORD_CLIENT_ID: "400000000000000001",
    DATA_DIR: dataDir,
    REPORT_PATH: SEED_PATH,
    // Generous, so a loaded machine never times out a loopback download; the timeout test sets its own.
    REPORT_FETCH_TIMEOUT_MS: "5000",
    ...overrides,
  });
}

export type OpenServices = Services & Required<Pick<Services, "library" | "close">>;

export async function open(config: Config, logger: Logger = silentLogger): Promise<OpenServices> {
  const services = await openServices(config, logger);
  const { library, close } = services;
  if (!library || !close) throw new Error("openServices must provide the library and close()");
  return { ...services, library, close };
}

/** The top figure and its paragraph, as a guild's members would get it. */
export async function topFigure(services: Services, guildId: string | null, question: string) {
  const reply = answer(question, (await services.reports.active(guildId)).index);
  const top = reply.facts[0];
  return { status: reply.status, value: top?.value, paragraph: top?.paragraph };
}
