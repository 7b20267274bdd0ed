import { describe, expect, it } from "vitest";
import { renderAnswer } from "../../src/bot/render.js";
import { useTempDirs } from "../store/tempDir.js";
import { GUILD_A, GUILD_B, MODERATOR, open, testConfig } from "./harness.js";

const tempDir = useTempDirs();
const HARBOUR = "tests/bot/fixtures/harbour-report.md";

describe("pins", () => {
  it("answer their question's paraphrases in their own server only, and render as checked", async () => {
    const services = await open(testConfig(tempDir(), { REPORT_PATH: HARBOUR }));
    try {
      const { index } = await services.reports.active(GUILD_A);
      // The last figure of the report, so the pin is not what the engine would lead with anyway.
      const fact = index.table.facts.at(-1);
      if (!fact) throw new Error("the fixture has no figures");
      const question = `How many ${fact.subject} were there?`;
      await services.library.pins.pin({
        guildId: GUILD_A,
        moderatorId: MODERATOR,
        question,
        paragraph: fact.paragraph,
        figure: fact.text,
        note: "Checked against the annex",
      });

      const pinned = await services.pins?.pinnedAnswer(
        `how many ${fact.subject} were there`,
        GUILD_A,
      );
      expect(pinned).toMatchObject({
        status: "answered",
        citations: [fact.paragraph],
        facts: [fact],
        checked: { note: "Checked against the annex" },
      });
      expect(await services.pins?.pinnedAnswer(question, GUILD_B)).toBeNull();
      expect(await services.pins?.pinnedAnswer("Who led the inspections?", GUILD_A)).toBeNull();
      if (!pinned) return;
      expect(renderAnswer(pinned, index.meta, { askerId: null })).toMatchSnapshot("pinned");
    } finally {
      await services.close();
    }
  });

  it("refuses a paragraph the report does not have and a figure the paragraph does not hold", async () => {
    const services = await open(testConfig(tempDir(), { REPORT_PATH: HARBOUR }));
    try {
      const paragraphs = (await services.reports.active(GUILD_A)).index.report.paragraphs.length;
      const pin = (paragraph: number, figure: string | null) =>
        services.library.pins.pin({
          guildId: GUILD_A,
          moderatorId: MODERATOR,
          question: "How many were there?",
          paragraph,
          figure,
          note: null,
        });
      await expect(pin(paragraphs + 1, null)).rejects.toThrow(`there is no ¶${paragraphs + 1}`);
      await expect(pin(1, "a figure nobody wrote")).rejects.toThrow(
        '¶1 has no figure "a figure nobody wrote"',
      );
    } finally {
      await services.close();
    }
  });
});
