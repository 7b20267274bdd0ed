import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token-value";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("info", { secrets: [TOKEN], destination }) };
}

describe("createLogger", () => {
  it("redacts token and authorization fields", () => {
    const { lines, logger } = capture();
    logger.info({ token: "interaction-token", request: { headers: { authorization: "Bot x" } } });
    expect(lines.join("")).not.toMatch(/interaction-token|Bot x/);
    expect(lines.join("")).toContain("[redacted]");
  });

  it("removes the bot token wherever it appears, even inside an error message", () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error(`login failed for ${TOKEN}`), config: { DISCORD_TOKEN: TOKEN } });
    logger.warn(`raw ${TOKEN}`);
    expect(lines).toHaveLength(2);
    expect(lines.join("")).not.toContain(TOKEN);
  });

  it("writes structured JSON lines with the context fields", () => {
    const { lines, logger } = capture();
    logger.child({ interactionId: "42", command: "ask" }).info("answered");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      interactionId: "42",
      command: "ask",
      msg: "answered",
    });
  });
});
