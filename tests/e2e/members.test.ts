import { readFileSync } from "node:fs";
import type { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReportIndex, type ReportIndex } from "../../src/qa/reportIndex.js";
import { type FakeDiscord, type Json, snowflake } from "./fakeDiscord.js";
import {
  components,
  figureInReport,
  type LogEntry,
  type RecordingServices,
  recordingServices,
  reportText,
  startBotOnFake,
  visibleParts,
  visibleText,
} from "./harness.js";

const TOKEN = "fake-bot-token.for-member-tests";
const seed = buildReportIndex(reportText, { name: "report.txt", version: 1 });
/** An invented report with Discord markup in its text. */
const harbour = buildReportIndex(
  readFileSync(new URL("../bot/fixtures/harbour-report.md", import.meta.url), "utf8"),
  { name: "harbour-report.md", version: 2, title: "Harbour Watch", url: "https://example.org/h" },
);
/** An invented report with many figures for one place: its /figures view needs pages. */
const manyFigures = buildReportIndex(
  Array.from(
    { length: 14 },
    (_, i) =>
      `On patrol day ${i + 1}, officers in Kerala seized ${(i + 1) * 7} kilograms of cannabis resin hidden in shipping containers bound for the northern ports of the region.`,
  ).join("\n\n"),
  { name: "kerala-patrols.txt", version: 1 },
);

/** An invented report of three places' seizures: questions that set them side by side. */
const patrols = buildReportIndex(
  [
    "Coastal patrol results, 2 March.",
    "Officers in Kerala seized 40 kilograms of heroin and arrested 12 suspects.",
    "Officers in Goa seized 75 kilograms of heroin and arrested 9 suspects.",
    "Officers in Punjab seized 12 kilograms of heroin.",
  ].join("\n\n"),
  { name: "patrols.txt", version: 1 },
);

let fake: FakeDiscord;
let client: Client;
let services: RecordingServices;
let current: ReportIndex = seed;
let logs: LogEntry[] = [];

const suspects = () => figureInReport(/There were ([\d,]+) criminal suspects/);
const tons = () => figureInReport(/([\d.]+) tons of various/);

beforeAll(async () => {
  services = recordingServices(seed);
  const reports = services.reports;
  services.reports = {
    ...reports,
    active: async (guildId) => ({ ...(await reports.active(guildId)), index: current }),
  };
  ({ fake, client, logs } = await startBotOnFake(
    { askChannelIds: 2 },
    services,
    TOKEN,
    (discord) => ({
      ASK_CHANNEL_IDS: discord.askChannelIds.join(","),
      ASK_THREAD_WHEN_BUSY: "3/60s",
    }),
  ));
});

afterAll(async () => {
  const errors = logs.filter((entry) => entry.level >= 50);
  if (errors.length > 0) console.error(JSON.stringify(errors, null, 1).slice(0, 3000));
  await client?.destroy();
  await fake?.close();
});

function customIds(response: { body: Json } | Json): string[] {
  return components(response).map((c) => c.custom_id ?? "");
}

const mention = (text: string) => `<@${fake.botId}> ${text}`;

describe("private answers", () => {
  it("/ask private:true answers only the asker, with no remove button", async () => {
    const reply = await (
      await fake.sendCommand("ask", {
        question: "How many criminal suspects were arrested?",
        private: true,
      })
    ).reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(suspects().figure);
    expect(customIds(reply).some((id) => id.startsWith("remove"))).toBe(false);
  });

  it('"Ask factdesk" on a message answers that message, privately', async () => {
    const message = fake.sendMessage({ content: "how many tons of drugs were seized?" });
    const handle = await fake.sendMessageCommand("Ask factdesk", message.id);
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain(tons().figure);
    expect(fake.repliesTo(message.id)).toEqual([]);
  });
});

describe("removing an answer", () => {
  it("lets only the asker remove their answer", async () => {
    const asker = snowflake();
    const answer = await (
      await fake.sendCommand(
        "ask",
        { question: "How many tons of drugs were seized?" },
        { userId: asker },
      )
    ).reply();
    const remove = `remove:${asker}`;
    expect(customIds(answer)).toContain(remove);

    const refused = await (await fake.sendComponent(remove, { message: answer.message })).reply();
    expect(refused.ephemeral).toBe(true);
    expect(visibleText(refused)).toMatch(/only the member who asked/i);

    const byAsker = await fake.sendComponent(
      remove,
      { message: answer.message },
      { userId: asker },
    );
    expect((await byAsker.response(1)).kind).toBe("delete");
  });
});

describe("follow-ups in chat", () => {
  it("answers a member's follow-up in the same channel (the engine may answer it standalone)", async () => {
    const userId = snowflake();
    const first = fake.sendMessage({
      content: mention("how many criminal suspects were arrested?"),
      userId,
    });
    expect(visibleText(await fake.replyTo(first.id))).toContain(suspects().figure);
    const followUp = fake.sendMessage({
      content: mention("and how many tons were seized?"),
      userId,
    });
    const reply = await fake.replyTo(followUp.id);
    expect(visibleText(reply)).toContain(tons().figure);
  });
});

describe("ask channels", () => {
  it("answers in a thread once the channel is busy", async () => {
    const channelId = fake.askChannelIds[1] ?? "";
    for (let i = 0; i < 3; i++) fake.sendMessage({ content: `what a day, part ${i}`, channelId });
    const question = fake.sendMessage({
      content: "how many criminal suspects were arrested?",
      channelId,
    });
    const thread = await fake.waitFor(
      () => fake.threads.find((t) => t.starter_message_id === question.id),
      "a thread for the question",
    );
    const [answer] = await fake.waitFor(() => {
      const inThread = fake.messagesIn(String(thread.id));
      return inThread.length > 0 ? inThread : undefined;
    }, "the answer in the thread");
    expect(visibleText(answer ?? {})).toContain(suspects().figure);
    expect(fake.repliesTo(question.id)).toEqual([]);

    // Carrying on in the thread needs no mention: it is part of the ask channel.
    const inThread = fake.sendMessage({
      content: "how many tons of drugs were seized?",
      channelId: String(thread.id),
    });
    expect(visibleText(await fake.replyTo(inThread.id))).toContain(tons().figure);

    fake.deleteMessage(question.id);
    await fake.waitFor(
      () => (fake.deletedChannelIds.includes(String(thread.id)) ? true : undefined),
      "the thread to be deleted with its question",
    );
  });

  it("replies in the channel while it is quiet", async () => {
    const channelId = fake.askChannelIds[0] ?? "";
    const question = fake.sendMessage({
      content: "how many tons of drugs were seized?",
      channelId,
    });
    expect(visibleText(await fake.replyTo(question.id))).toContain(tons().figure);
  });
});

describe("edited and deleted questions", () => {
  it("edits the answer when the question is edited, and deletes it when the question is", async () => {
    const question = fake.sendMessage({
      content: mention("how many criminal suspects were arrested?"),
    });
    const answer = await fake.replyTo(question.id);
    expect(visibleText(answer)).toContain(suspects().figure);

    fake.editMessage(question.id, mention("how many tons of drugs were seized?"));
    const edit = await fake.waitFor(
      () => fake.messageEdits.find((e) => e.messageId === answer.id),
      "the answer to be edited",
    );
    expect(visibleText(edit.body)).toContain(tons().figure);
    expect((edit.body.allowed_mentions as Json).parse).toEqual([]);

    fake.deleteMessage(question.id);
    await fake.waitFor(
      () => (fake.deletedMessageIds.includes(String(answer.id)) ? true : undefined),
      "the answer to be deleted",
    );
  });

  it("in an ask channel, removes the answer when the edit leaves no question", async () => {
    const channelId = fake.askChannelIds[0] ?? "";
    const question = fake.sendMessage({
      content: "how many criminal suspects were arrested?",
      channelId,
    });
    const answer = await fake.replyTo(question.id);
    fake.editMessage(question.id, "never mind, see you at lunch");
    await fake.waitFor(
      () => (fake.deletedMessageIds.includes(String(answer.id)) ? true : undefined),
      "the answer to be deleted",
    );
  });
});

describe("report text is shown as text", () => {
  it("escapes spoilers, masked links and mentions from an uploaded report", async () => {
    current = harbour;
    try {
      const spoiler = await (
        await fake.sendCommand("ask", {
          question: "How many tons of cocaine were seized in Kerala?",
        })
      ).reply();
      expect(visibleText(spoiler)).toContain("\\|\\|marked as a spoiler\\|\\|");
      const para = await (await fake.sendCommand("paragraph", { number: 4 })).reply();
      const text = visibleText(para);
      expect(text).toContain("<\\@123456789012345678>");
      expect(text).toContain("@\u200beveryone");
      expect(text).not.toMatch(/(?<!\\)\[the full table\]\(/);
      expect(visibleText(spoiler)).toContain("Harbour Watch");
    } finally {
      current = seed;
    }
  });
});

describe("contests", () => {
  it("names the winner of a comparison and of a superlative, in /ask and in chat", async () => {
    current = patrols;
    try {
      const compared = await (
        await fake.sendCommand("ask", { question: "Did Kerala or Goa seize more heroin?" })
      ).reply();
      const [, title, description] = visibleParts(compared);
      expect(title).toBe("Goa");
      expect(description?.split("\n")[0]).toBe(
        "• **Goa** — **75 kilograms of heroin** seized · ¶3",
      );
      expect(description).toContain("• **Kerala** — **40 kilograms of heroin** seized · ¶2");

      const message = fake.sendMessage({ content: mention("which state seized the most heroin?") });
      const ranked = await fake.replyTo(message.id);
      const [, rankedTitle, rankedText] = visibleParts(ranked);
      expect(rankedTitle).toBe("Goa");
      expect(rankedText?.split("\n")[0]).toMatch(/^1\. \*\*Goa\*\* — \*\*75 kilograms/);
      expect(rankedText).toMatch(/^3\. \*\*Punjab\*\* — /m);
    } finally {
      current = seed;
    }
  });
});

describe("/figures and /search", () => {
  it("pages a long /figures view with buttons", async () => {
    current = manyFigures;
    try {
      const first = await (await fake.sendCommand("figures", { place: "Kerala" })).reply();
      const ids = customIds(first);
      const next = ids.find((id) => id.startsWith("figs:1:"));
      expect(next).toBe("figs:1:Kerala");
      expect(visibleText(first)).toContain("¶1");
      const second = await (
        await fake.sendComponent(next ?? "", { message: first.message })
      ).reply();
      expect(second.kind).toBe("update");
      // Empty parts kept, as a line each: the line break after ¶1 is what tells it from ¶10.
      expect(visibleParts(second).join("\n")).not.toContain("· ¶1\n");
      expect(JSON.stringify(second.body.components)).toContain("Page 2 of");
    } finally {
      current = seed;
    }
  });

  it("says no paragraph matches words the report does not use", async () => {
    const reply = await (await fake.sendCommand("search", { text: "pizza" })).reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toMatch(/No paragraph matches/);
  });

  it("/ask autocomplete offers the question that matches what is being typed first", async () => {
    const choices = await (
      await fake.sendAutocomplete("ask", { question: "how many gan" }, "question")
    ).choices();
    expect(String(choices[0]?.name)).toMatch(/gang/i);
  });
});
