import { type Client, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { commands } from "../../commands/index.js";
import { figuresFor } from "../../src/qa/figures.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { suggestQuestions } from "../../src/qa/suggest.js";
import { type FakeDiscord, type Json, snowflake } from "./fakeDiscord.js";
import {
  components,
  figureInReport,
  type LogEntry,
  type RecordingServices,
  recordingServices,
  reportBlocks,
  reportText,
  startBotOnFake,
  visibleText,
} from "./harness.js";

const TOKEN = "fake-bot-token.for-tests.only";
const index = buildReportIndex(reportText, { name: "report.txt", version: 1 });

let fake: FakeDiscord;
let client: Client;
let services: RecordingServices;
let logs: LogEntry[];

beforeAll(async () => {
  services = recordingServices(index);
  ({ fake, client, logs } = await startBotOnFake(
    { askChannelIds: 1 },
    services,
    TOKEN,
    (discord) => ({
      DISCORD_GUILD_ID: discord.guildId,
      ASK_CHANNEL_IDS: discord.askChannelIds.join(","),
    }),
  ));
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

describe("/ask", () => {
  it("answers with the figure the report states and cites its paragraph", async () => {
    const gangs = figureInReport(/destroying ([\d,]+) drug trafficking gangs/);
    const handle = await fake.sendCommand("ask", {
      question: "How many drug trafficking gangs were destroyed?",
    });
    const reply = await handle.reply();

    expect(reply.kind).toBe("reply");
    expect(reply.ephemeral).toBe(false);
    const text = visibleText(reply);
    expect(text).toContain(gangs.figure);
    expect(text).toContain(`¶${gangs.paragraph}`);
    expect(text).toContain("report.txt");
    expect(components(reply).map((c) => c.custom_id)).toContain(`para:${gangs.paragraph}`);
  });

  it("records the question after replying", async () => {
    const question = "How many tons of drugs were seized?";
    const handle = await fake.sendCommand("ask", { question });
    await handle.reply();
    const recorded = await vi.waitFor(() => {
      const event = services.questions.find((q) => q.question === question);
      if (!event) throw new Error("not recorded yet");
      return event;
    });
    expect(recorded).toMatchObject({ guildId: fake.guildId, channelId: fake.channelId });
    expect(recorded.status).toBe("answered");
  });

  it("offers autocomplete choices from the fact table, within Discord's limits", async () => {
    const typed = "yunn";
    const handle = await fake.sendAutocomplete("ask", { question: typed }, "question");
    const choices = await handle.choices();

    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choices.map((c) => c.value)).toEqual(
      suggestQuestions(typed, index, 25).filter((s) => s.length <= 100),
    );
    expect(choices.some((c) => /yunnan/i.test(c.name))).toBe(true);
  });

  it("opens the cited paragraph, ephemeral, from the Show ¶N button", async () => {
    const gangs = figureInReport(/destroying ([\d,]+) drug trafficking gangs/);
    const answer = await (
      await fake.sendCommand("ask", { question: "How many drug trafficking gangs were destroyed?" })
    ).reply();
    const shown = await (
      await fake.sendComponent(`para:${gangs.paragraph}`, { message: answer.message })
    ).reply();

    expect(shown.ephemeral).toBe(true);
    expect(visibleText(shown)).toContain(reportBlocks[gangs.paragraph - 1]);
  });

  it("offers a Did you mean menu once; the asker's pick edits the answer, anyone else's is private", async () => {
    const asker = snowflake();
    const notFound = await (
      await fake.sendCommand(
        "ask",
        { question: "How many drugs were seized in Tibet?" },
        { userId: asker },
      )
    ).reply();
    expect(visibleText(notFound)).toMatch(/Tibet/);
    const menu = components(notFound).find((c) => c.custom_id?.startsWith("suggest"));
    expect(menu?.custom_id).toBe(`suggest:${asker}`);
    const options = menu?.options ?? [];
    expect(options.length).toBeGreaterThan(0);
    expect(options.length).toBeLessThanOrEqual(5);
    for (const option of options) expect(visibleText(notFound)).not.toContain(option.value);

    const picked = options[0]?.value ?? "";
    const pick = { message: notFound.message, componentType: 3, values: [picked] };
    const byOther = await (await fake.sendComponent(String(menu?.custom_id), pick)).reply();
    expect(byOther.kind).toBe("reply");
    expect(byOther.ephemeral).toBe(true);
    expect(visibleText(byOther)).toMatch(/¶\d+/);

    const byAsker = await (
      await fake.sendComponent(String(menu?.custom_id), pick, { userId: asker })
    ).reply();
    expect(byAsker.kind).toBe("update");
    expect(visibleText(byAsker)).toMatch(/¶\d+/);
    expect(visibleText(byAsker)).not.toMatch(/Tibet/);
  });

  it("counts one vote per user per answer, which they can change", async () => {
    const question = "How many drug addicts were investigated?";
    const answer = await (await fake.sendCommand("ask", { question })).reply();
    const voter = snowflake();
    const vote = async (kind: "up" | "down") =>
      (
        await fake.sendComponent(`feedback:${kind}`, { message: answer.message }, { userId: voter })
      ).reply();
    const first = await vote("up");
    const again = await vote("up");
    const changed = await vote("down");

    expect(first.ephemeral).toBe(true);
    expect(visibleText(first)).toMatch(/thanks/i);
    expect(visibleText(again)).toMatch(/already/i);
    expect(visibleText(changed)).toMatch(/changed/i);
    expect(services.votes.filter((v) => v.answerId === answer.message?.id)).toEqual([
      {
        guildId: fake.guildId,
        answerId: answer.message?.id,
        userId: voter,
        vote: "down",
        question,
      },
    ]);
  });

  it("answers a burst of eight questions from one member, refuses the ninth privately, then is silent", async () => {
    const userId = snowflake();
    const questions = [
      "How many criminal suspects were arrested?",
      "How many tons of drugs were seized?",
      "How many drug trafficking gangs were destroyed?",
      "How many drug addicts were investigated?",
      "How many criminal suspects were arrested?",
      "How many tons of drugs were seized?",
      "How many drug trafficking gangs were destroyed?",
      "How many drug addicts were investigated?",
    ];
    const handles = [];
    for (const question of questions)
      handles.push(await fake.sendCommand("ask", { question }, { userId }));
    const answers = await Promise.all(handles.map((handle) => handle.reply()));
    for (const answer of answers) {
      expect(answer.ephemeral).toBe(false);
      expect(visibleText(answer)).toMatch(/¶\d+/);
    }
    const ninth = await (
      await fake.sendCommand("ask", { question: questions[0] ?? "" }, { userId })
    ).reply();
    expect(ninth.ephemeral).toBe(true);
    expect(visibleText(ninth)).toMatch(/next question in \d+ s/);
    // Then silence: the tenth is acknowledged privately and withdrawn, with nothing said.
    const tenth = await fake.sendCommand("ask", { question: questions[0] ?? "" }, { userId });
    expect((await tenth.response(0)).kind).toBe("defer");
    expect((await tenth.response(1)).kind).toBe("delete");
    expect(tenth.responses.filter((r) => r.kind === "reply" || r.kind === "edit")).toEqual([]);
    const someoneElse = await (
      await fake.sendCommand("ask", { question: questions[0] ?? "" })
    ).reply();
    expect(someoneElse.ephemeral).toBe(false);
  });
});

describe("other commands", () => {
  it("/figures lists a place's figures with their paragraphs", async () => {
    const yunnan = figureInReport(/Yunnan .*seized ([\d.]+) tons of drugs/);
    const reply = await (await fake.sendCommand("figures", { place: "Yunnan" })).reply();
    const text = visibleText(reply);
    expect(text).toContain(yunnan.figure);
    expect(text).toContain(`¶${yunnan.paragraph}`);
  });

  it("/figures tells the user privately when a place has no figures", async () => {
    expect(reportText).not.toContain("Tibet");
    const reply = await (await fake.sendCommand("figures", { place: "Tibet" })).reply();
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain("no figures for “Tibet”");
  });

  it("/figures without a place shows the headline national figures", async () => {
    const headline = figuresFor(null, index);
    const reply = await (await fake.sendCommand("figures")).reply();
    const text = visibleText(reply);
    expect(headline.length).toBeGreaterThan(0);
    for (const fact of headline.slice(0, 3)) expect(text).toContain(`¶${fact.paragraph}`);
    const suspects = figureInReport(/There were ([\d,]+) criminal suspects/);
    expect(text).toContain(suspects.figure);
  });

  it("/figures autocompletes places the report gives figures for", async () => {
    const choices = await (
      await fake.sendAutocomplete("figures", { place: "guang" }, "place")
    ).choices();
    const names = choices.map((c) => c.name);
    expect(names).toContain("Guangdong");
    expect(reportText).toContain(String(names[0]));
  });

  it("/paragraph shows the paragraph's text, and refuses one that does not exist", async () => {
    const shown = await (await fake.sendCommand("paragraph", { number: 3 })).reply();
    expect(visibleText(shown)).toContain(reportBlocks[2]);

    const missing = reportBlocks.length + 1;
    const refused = await (await fake.sendCommand("paragraph", { number: missing })).reply();
    expect(refused.ephemeral).toBe(true);
    expect(visibleText(refused)).toContain(`¶${reportBlocks.length}`);
  });

  it("/search returns the paragraph that matches", async () => {
    const cambodia = figureInReport(/(Cambodian police)/);
    const reply = await (await fake.sendCommand("search", { text: "Cambodian police" })).reply();
    const text = visibleText(reply);
    expect(text).toContain(`¶${cambodia.paragraph}`);
    expect(components(reply).map((c) => c.custom_id)).toContain(`para:${cambodia.paragraph}`);
  });

  it("/help names the active report and lists /report and /config only for moderators", async () => {
    const member = await (await fake.sendCommand("help")).reply();
    expect(member.ephemeral).toBe(true);
    const text = visibleText(member);
    expect(text).toContain("report.txt");
    expect(text).toContain("version 1");
    for (const command of commands) {
      const name = command.data.name;
      if (name === "report" || name === "config") expect(text).not.toContain(`**/${name}`);
      else if (name === "Ask factdesk") expect(text).toContain("Apps → Ask factdesk");
      else expect(text).toContain(`/${name}`);
    }
    const moderator = await (
      await fake.sendCommand("help", {}, { permissions: PermissionFlagsBits.ManageGuild })
    ).reply();
    expect(visibleText(moderator)).toContain("**/report");
    expect(visibleText(moderator)).toContain("**/config");
  });
});

describe("chat", () => {
  const suspects = () => figureInReport(/There were ([\d,]+) criminal suspects/);

  it("answers a mention, without the mention in the question", async () => {
    const sent = fake.sendMessage({
      content: `<@${fake.botId}> how many criminal suspects were arrested?`,
    });
    const reply = await fake.replyTo(sent.id);
    expect(visibleText(reply)).toContain(suspects().figure);
    expect(visibleText(reply)).toContain(`¶${suspects().paragraph}`);
    await vi.waitFor(() =>
      expect(services.questions.map((q) => q.question)).toContain(
        "how many criminal suspects were arrested?",
      ),
    );
  });

  it("answers a bare mention with example questions", async () => {
    const sent = fake.sendMessage({ content: `<@${fake.botId}>` });
    const reply = await fake.replyTo(sent.id);
    const [example] = suggestQuestions("", index, 3);
    expect(String(reply.content)).toContain(`• ${example}`);
  });

  it("answers a direct message", async () => {
    const sent = fake.sendMessage({
      content: "how many criminal suspects were arrested?",
      dm: true,
    });
    const reply = await fake.replyTo(sent.id);
    expect(reply.channel_id).toBe(sent.channelId);
    expect(visibleText(reply)).toContain(suspects().figure);
  });

  it("in an ask channel answers questions and stays silent on chatter", async () => {
    const channelId = fake.askChannelIds[0];
    const chatter = fake.sendMessage({
      content: "good morning everyone, lunch at noon?",
      channelId,
    });
    const question = fake.sendMessage({
      content: "how many criminal suspects were arrested?",
      channelId,
    });
    // Messages are handled in order, so once the question is answered the chatter has been seen.
    const reply = await fake.replyTo(question.id);
    expect(visibleText(reply)).toContain(suspects().figure);
    expect(fake.repliesTo(chatter.id)).toEqual([]);
  });

  it("ignores other bots and messages that do not address it", async () => {
    const fromBot = fake.sendMessage({
      content: `<@${fake.botId}> how many criminal suspects were arrested?`,
      bot: true,
    });
    const unaddressed = fake.sendMessage({ content: "how many criminal suspects were arrested?" });
    const barrier = fake.sendMessage({ content: `<@${fake.botId}> how many tons were seized?` });
    await fake.replyTo(barrier.id);
    expect(fake.repliesTo(fromBot.id)).toEqual([]);
    expect(fake.repliesTo(unaddressed.id)).toEqual([]);
  });

  it("answers a burst of eight chat questions, then gives one polite notice and stays silent", async () => {
    const userId = snowflake();
    const ask = () =>
      fake.sendMessage({
        content: `<@${fake.botId}> how many criminal suspects were arrested?`,
        userId,
      });
    const burst = Array.from({ length: 8 }, ask);
    const ninth = ask();
    const tenth = ask();
    const barrier = fake.sendMessage({
      content: `<@${fake.botId}> how many gangs were destroyed?`,
    });

    await fake.replyTo(barrier.id);
    for (const sent of burst) {
      expect(visibleText(await fake.replyTo(sent.id))).toContain(suspects().figure);
    }
    expect(String((await fake.replyTo(ninth.id)).content)).toMatch(/next question in \d+ s/);
    expect(fake.repliesTo(tenth.id)).toEqual([]);
  });

  it("lets chatter in an ask channel cost nothing", async () => {
    const userId = snowflake();
    const channelId = fake.askChannelIds[0];
    for (let i = 0; i < 12; i++) {
      fake.sendMessage({ content: `lunch plans, part ${i}?`, userId, channelId });
    }
    const question = fake.sendMessage({
      content: `<@${fake.botId}> how many criminal suspects were arrested?`,
      userId,
    });
    expect(visibleText(await fake.replyTo(question.id))).toContain(suspects().figure);
  });
});

describe("robustness", () => {
  it("turns a failing handler into an ephemeral error and keeps answering", async () => {
    services.breakReports = true;
    const failed = await (
      await fake.sendCommand("ask", { question: "How many tons of drugs were seized?" })
    ).reply();
    services.breakReports = false;

    expect(failed.ephemeral).toBe(true);
    expect(visibleText(failed)).toMatch(/went wrong/);
    const logged = logs.find((entry) => entry.level === 50 && entry.interactionId);
    expect(logged).toMatchObject({ command: "ask", guildId: fake.guildId });

    const after = await (
      await fake.sendCommand("ask", { question: "How many drug trafficking gangs were destroyed?" })
    ).reply();
    expect(after.ephemeral).toBe(false);
    expect(visibleText(after)).toMatch(/¶\d+/);
  });

  it("apologises in chat when answering fails, and answers again afterwards", async () => {
    services.breakReports = true;
    const failed = fake.sendMessage({ content: `<@${fake.botId}> how many tons were seized?` });
    const apology = await fake.replyTo(failed.id);
    services.breakReports = false;
    expect(String(apology.content)).toMatch(/went wrong/);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, messageId: failed.id, guildId: fake.guildId }),
    );

    const next = fake.sendMessage({ content: `<@${fake.botId}> how many tons were seized?` });
    expect(visibleText(await fake.replyTo(next.id))).toMatch(/¶\d+/);
  });

  it("does not log an expired interaction as an error", async () => {
    const errorsBefore = logs.filter((entry) => entry.level >= 50).length;
    fake.failNext({ method: "POST", path: /\/callback$/, status: 404, code: 10062 });
    const expired = await fake.sendCommand("ask", { question: "How many gangs were destroyed?" });
    await fake.waitFor(
      () => fake.requests.find((r) => r.path.includes(`/interactions/${expired.id}/`)),
      "the bot's attempt to reply",
    );
    const next = await (await fake.sendCommand("help")).reply();

    expect(next.ephemeral).toBe(true);
    expect(logs.filter((entry) => entry.level >= 50)).toHaveLength(errorsBefore);
    expect(logs).toContainEqual(
      expect.objectContaining({ interactionId: expired.id, code: 10062, level: 20 }),
    );
  });

  it("never lets a reply ping anyone, and never logs the token", () => {
    const sent = [
      ...fake.channelMessages,
      ...fake.requests
        .filter((r) => /\/callback$|\/webhooks\//.test(r.path) && r.body)
        .map((r) => r.body as Json)
        .map((body) => (body.type === 4 || body.type === 7 ? (body.data as Json) : body))
        .filter((body) => body.embeds || body.content),
    ];
    expect(sent.length).toBeGreaterThan(10);
    for (const message of sent) {
      expect(message.allowed_mentions).toMatchObject({ parse: [] });
    }
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
    expect(fake.identify?.token).toBe(TOKEN);
  });
});
