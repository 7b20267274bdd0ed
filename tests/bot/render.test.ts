import type { APIEmbed } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { embedLimits } from "../../src/bot/embedLimits.js";
import { formatFigure } from "../../src/bot/factText.js";
import { LOW_CONFIDENCE, type RenderedMessage, renderAnswer } from "../../src/bot/render.js";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import type { Answer } from "../../src/qa/schema.js";
import { reportText } from "../e2e/harness.js";

const index = buildReportIndex(reportText, { name: "report.txt", version: 3 });
const meta = index.meta;

function customIds(rendered: RenderedMessage): string[] {
  return rendered.components.flatMap((row) =>
    row.components.map((c) => ("custom_id" in c ? c.custom_id : "")),
  );
}

function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function expectWithinLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(embedLimits.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(embedLimits.description);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(embedLimits.fields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeLessThanOrEqual(embedLimits.fieldName);
    expect(field.value.length).toBeLessThanOrEqual(embedLimits.fieldValue);
  }
  expect(embedSize(embed)).toBeLessThanOrEqual(embedLimits.total);
}

describe("renderAnswer", () => {
  const seized = answer("How many tons of drugs were seized?", index);
  const top = seized.facts[0];

  it("shows each fact's figure, unit, ¶N and quoted sentence, and names the report version", () => {
    if (!top) throw new Error("the engine found no fact for a headline question");
    const [embed] = renderAnswer(seized, meta).embeds;
    const field = embed?.fields?.[0];

    expect(embed?.description).toContain(seized.text.slice(0, 50));
    expect(field?.name).toContain(`¶${top.paragraph}`);
    expect(field?.name).toContain(String(top.value));
    expect(field?.name).toContain(top.unit ?? "");
    expect(field?.value).toContain(top.quote);
    expect(embed?.footer?.text).toContain("report.txt");
    expect(embed?.footer?.text).toContain("version 3");
  });

  it("offers a Show ¶N button per cited paragraph and both feedback votes", () => {
    const ids = customIds(renderAnswer(seized, meta));
    for (const paragraph of seized.citations) expect(ids).toContain(`para:${paragraph}`);
    expect(ids).toEqual(expect.arrayContaining(["feedback:up", "feedback:down"]));
  });

  it("offers no menu when the answer is confident", () => {
    const confident: Answer = { ...seized, status: "answered", confidence: 1 };
    expect(customIds(renderAnswer(confident, meta))).not.toContain("suggest");
  });

  it("offers up to five suggestions when nothing was found or confidence is low", () => {
    const missing = answer("How many drugs were seized in Tibet?", index);
    expect(missing.status).toBe("not_found");
    const unsure: Answer = {
      ...seized,
      confidence: LOW_CONFIDENCE / 2,
      suggestions: missing.suggestions,
    };

    for (const rendered of [renderAnswer(missing, meta), renderAnswer(unsure, meta)]) {
      const menu = rendered.components
        .flatMap((row) => row.components)
        .find((c) => "custom_id" in c && c.custom_id === "suggest");
      const options = menu && "options" in menu ? menu.options : [];
      expect(options.length).toBeGreaterThan(0);
      expect(options.length).toBeLessThanOrEqual(5);
      expect(options.map((o) => o.value)).toEqual(missing.suggestions.slice(0, options.length));
    }
  });

  it("leaves out a suggestion too long for a menu instead of cutting it into another question", () => {
    const long = `${"How many tons of drugs were seized ".repeat(4)}?`;
    const rendered = renderAnswer({ ...seized, confidence: 0, suggestions: [long] }, meta);
    expect(customIds(rendered)).not.toContain("suggest");
  });

  it("stays within Discord's embed limits, saying how many figures it left out", () => {
    const many = index.table.facts.map((fact) => ({ ...fact, quote: fact.quote.repeat(40) }));
    const huge: Answer = { ...seized, text: seized.text.repeat(200), facts: many };
    const [embed] = renderAnswer(huge, meta).embeds;
    if (!embed) throw new Error("no embed");

    expectWithinLimits(embed);
    const shown = embed.fields?.length ?? 0;
    expect(embed.footer?.text).toContain(`${many.length - shown} more figures not shown`);
  });

  it("stays within the limits for any text, quotes and suggestions", () => {
    const facts = index.table.facts;
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 6000 }),
        fc.array(fc.tuple(fc.nat(facts.length - 1), fc.string({ maxLength: 2000 })), {
          maxLength: 40,
        }),
        fc.array(fc.string({ maxLength: 150 }), { maxLength: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (question, text, picks, suggestions, confidence) => {
          const picked = picks.flatMap(([i, quote]) => {
            const fact = facts[i];
            return fact ? [{ ...fact, quote: quote || fact.quote, subject: quote }] : [];
          });
          const rendered = renderAnswer(
            { ...seized, question, text, facts: picked, suggestions, confidence },
            meta,
          );
          for (const embed of rendered.embeds) expectWithinLimits(embed);
          expect(rendered.components.length).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("formatFigure", () => {
  const fact = index.table.facts[0];
  if (!fact) throw new Error("the seed report has no facts");
  const figure = (value: number, unit: string | null, qualifier: string | null = null) =>
    formatFigure({ ...fact, value, unit, qualifier });

  it("groups thousands and keeps symbols, currency codes and percentages short", () => {
    expect(figure(12655, "person")).toBe("12,655 people");
    expect(figure(5.19, "t")).toBe("5.19 t");
    expect(figure(1_200_000_000, "USD", "about")).toBe("about 1,200,000,000 USD");
    expect(figure(12.5, "percent")).toBe("12.5%");
  });

  it("puts count nouns in the plural only when there is more than one", () => {
    expect(figure(1, "case")).toBe("1 case");
    expect(figure(9, "case")).toBe("9 cases");
    expect(figure(3, "laboratory")).toBe("3 laboratories");
    expect(figure(2, "box")).toBe("2 boxes");
    expect(figure(4, "day")).toBe("4 days");
  });
});
