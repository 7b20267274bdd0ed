import { readFileSync } from "node:fs";
import type { APIEmbed } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { embedLimits } from "../../src/bot/embedLimits.js";
import { escapeText } from "../../src/bot/escape.js";
import { quoteAround } from "../../src/bot/factText.js";
import { LOW_CONFIDENCE, type RenderedMessage, renderAnswer } from "../../src/bot/render.js";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex, type ReportMeta } from "../../src/qa/reportIndex.js";
import type { Answer } from "../../src/qa/schema.js";
import { PATROLS_REPORT } from "../support/patrols.js";

/** An invented report with Discord markup in it: spoilers, a masked link, a mention, @everyone. */
const reportText = readFileSync(new URL("./fixtures/harbour-report.md", import.meta.url), "utf8");
const meta: ReportMeta = {
  name: "harbour-report.md",
  version: 2,
  title: "Harbour Watch winter inspections",
  date: "2031-02-03",
  url: "https://example.org/harbour",
};
const index = buildReportIndex(reportText, meta);
const bare = { name: "harbour-report.md", version: 2 };
const asker = { askerId: "123456789012345600" };

function buttons(rendered: RenderedMessage) {
  return rendered.components.flatMap((row) => row.components);
}

function customIds(rendered: RenderedMessage): string[] {
  return buttons(rendered).map((c) => ("custom_id" in c ? c.custom_id : ""));
}

function embedOf(rendered: RenderedMessage): APIEmbed {
  const [embed] = rendered.embeds;
  if (!embed) throw new Error("no embed");
  return embed;
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
  expect(embedSize(embed)).toBeLessThanOrEqual(embedLimits.total);
}

const seized = answer("How many tons of cocaine were seized in Kerala?", index);
const checked = answer("How many warehouses were checked?", index);
const arrested = answer("How many suspects were arrested?", index);
const missing = answer("What happened in Tibet?", index);

describe("renderAnswer", () => {
  it("leads with the figure and its unit, then ¶N, then the quote once", () => {
    const embed = embedOf(renderAnswer(seized, meta, asker));
    const description = embed.description ?? "";
    const [lead, quote] = description.split("\n");
    expect(lead).toMatch(/^\*\*3\.5 tons of cocaine\*\* seized in Kerala · ¶3$/);
    expect(quote?.startsWith("> In Kerala, officers seized")).toBe(true);
    expect(description.split("officers seized")).toHaveLength(2);
    expect(embed.fields ?? []).toEqual([]);
    expect(description).not.toMatch(/\b3\.5 t\b/);
  });

  it("titles the answer with its subject, or the report's title, never the question", () => {
    const embed = embedOf(renderAnswer(seized, meta, asker));
    expect(embed.title).toBe("Cocaine · Kerala");
    expect(embedOf(renderAnswer(missing, meta, asker)).title).toBe(meta.title);
    expect(embedOf(renderAnswer(missing, bare, asker)).title).toBeUndefined();
  });

  it("shows report title, date and version in the footer", () => {
    expect(embedOf(renderAnswer(seized, meta, asker)).footer?.text).toBe(
      "Harbour Watch winter inspections · 2031-02-03 · version 2",
    );
    expect(embedOf(renderAnswer(seized, bare, asker)).footer?.text).toBe(
      "harbour-report.md · version 2",
    );
  });

  it("has one row: Show ¶N, 👍, 👎, 🗑 for the asker, and Source when the report has a URL", () => {
    const rendered = renderAnswer(seized, meta, asker);
    expect(rendered.components).toHaveLength(1);
    expect(customIds(rendered)).toEqual([
      "para:3",
      "feedback:up",
      "feedback:down",
      `remove:${asker.askerId}`,
      "",
    ]);
    expect(buttons(rendered).at(-1)).toMatchObject({ url: meta.url, label: "Source" });
    expect(customIds(renderAnswer(seized, bare, { askerId: null }))).toEqual([
      "para:3",
      "feedback:up",
      "feedback:down",
    ]);
  });

  it("escapes report text: spoilers, masked links and mentions show as typed", () => {
    const spoiler = embedOf(renderAnswer(seized, meta, asker)).description ?? "";
    expect(spoiler).toContain("\\|\\|marked as a spoiler\\|\\|");
    const mention = embedOf(renderAnswer(checked, meta, asker)).description ?? "";
    expect(mention).toContain("<\\@123456789012345678>");
    expect(mention).not.toMatch(/<@!?\d+>/);
    expect(mention).toContain("@\u200beveryone");
    expect(escapeText("[the full table](https://example.invalid/phish)")).toBe(
      "\\[the full table](https://example.invalid/phish)",
    );
  });

  it("cuts a long quote at a word boundary, with …", () => {
    const description = embedOf(renderAnswer(arrested, meta, asker)).description ?? "";
    const quote = description.split("\n").find((line) => line.startsWith("> ")) ?? "";
    expect(quote.startsWith("> …")).toBe(true);
    expect(quote).toContain("96 suspects");
    const words = new Set(reportText.split(/[\s,.:;]+/));
    const firstWord = quote.slice(3).split(/[\s,]+/)[0] ?? "";
    expect(words.has(firstWord)).toBe(true);
  });

  it("lists suggestions once, in the menu, and not also in the text", () => {
    expect(missing.status).toBe("not_found");
    expect(missing.text).toContain("Try:");
    const rendered = renderAnswer(missing, meta, asker);
    const description = embedOf(rendered).description ?? "";
    expect(description).not.toContain("Try:");
    for (const suggestion of missing.suggestions) expect(description).not.toContain(suggestion);
    const menu = buttons(rendered).find(
      (c) => "custom_id" in c && c.custom_id.startsWith("suggest"),
    );
    expect(menu && "custom_id" in menu ? menu.custom_id : "").toBe(`suggest:${asker.askerId}`);
  });

  it("offers the menu when confidence is low, and none when it is high", () => {
    const unsure: Answer = {
      ...seized,
      confidence: LOW_CONFIDENCE / 2,
      suggestions: ["How many?"],
    };
    expect(customIds(renderAnswer(unsure, meta, asker))).toContain(`suggest:${asker.askerId}`);
    expect(
      customIds(renderAnswer(seized, meta, asker)).some((id) => id.startsWith("suggest")),
    ).toBe(false);
  });

  it("says what a follow-up carried over", () => {
    const followUp: Answer = { ...seized, followsOn: "cocaine" };
    const [lead] = (embedOf(renderAnswer(followUp, meta, asker)).description ?? "").split("\n");
    expect(lead).toMatch(/¶3 — following on from your question about cocaine$/);
  });

  it("keeps a comparison's side that has no figure, which the figure lines cannot show", () => {
    const compared = answer("did kerala or goa have more seizures", index);
    expect(compared.noFigureFor).toEqual(["Goa"]);
    const description = embedOf(renderAnswer(compared, meta, asker)).description ?? "";
    expect(description).toContain("3.5 tons");
    expect(description).toMatch(/• \*\*Goa\*\* — the report gives no matching figure\.$/m);
  });

  it("leaves out a suggestion too long for a menu instead of cutting it into another question", () => {
    const long = `${"How many tons of drugs were seized ".repeat(4)}?`;
    const rendered = renderAnswer({ ...seized, confidence: 0, suggestions: [long] }, meta, asker);
    expect(customIds(rendered).some((id) => id.startsWith("suggest"))).toBe(false);
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
            asker,
          );
          for (const embed of rendered.embeds) expectWithinLimits(embed);
          expect(rendered.components.length).toBeLessThanOrEqual(5);
          for (const row of rendered.components)
            expect(row.components.length).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("renders as the snapshots show", () => {
    expect(renderAnswer(seized, meta, asker)).toMatchSnapshot("answered");
    expect(renderAnswer(arrested, bare, { askerId: null })).toMatchSnapshot("long quote, private");
    expect(renderAnswer(missing, meta, asker)).toMatchSnapshot("not found");
  });
});

describe("quoteAround", () => {
  it("keeps short quotes whole and never splits a word", () => {
    expect(quoteAround("Officers seized 12 boats.", "12 boats")).toBe("Officers seized 12 boats.");
    const long = `${"alpha beta gamma ".repeat(30)}the 7 crates ${"delta epsilon ".repeat(30)}`;
    const cut = quoteAround(long, "7 crates", 120);
    expect(cut).toContain("7 crates");
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    for (const word of cut.replace(/…/g, "").split(" ")) {
      expect(["alpha", "beta", "gamma", "the", "7", "crates", "delta", "epsilon"]).toContain(word);
    }
  });
});

describe("restated figures", () => {
  it("are one line citing every paragraph, quoted once", () => {
    const restated = buildReportIndex(
      "Officers arrested 75 suspects in the spring operation.\n\nIn all, 75 people were detained, the police said.",
      bare,
    );
    const reply = answer("How many suspects were arrested?", restated);
    const description = embedOf(renderAnswer(reply, bare, asker)).description ?? "";
    expect(reply.facts).toHaveLength(2);
    expect(description).toMatch(/· ¶1 \(also ¶2\)/);
    expect(description.match(/^> /gm)).toHaveLength(1);
    expect(description.match(/^\*\*/gm)).toHaveLength(1);
  });
});

describe("contests", () => {
  const patrols = buildReportIndex(PATROLS_REPORT, bare);
  const shown = (question: string) => embedOf(renderAnswer(answer(question, patrols), bare, asker));

  it("titles a comparison with its winner and labels every side's figure with its name", () => {
    const embed = shown("Did Kerala or Goa seize more heroin?");
    expect(embed.title).toBe("Goa");
    const lines = (embed.description ?? "").split("\n");
    expect(lines[0]).toBe("• **Goa** — **75 kilograms of heroin** seized · ¶3");
    expect(lines[1]?.startsWith("> Officers in Goa")).toBe(true);
    expect(lines).toContain("• **Kerala** — **40 kilograms of heroin** seized · ¶2");
  });

  it("titles a superlative with its leader and numbers the podium", () => {
    const embed = shown("Which state seized the most heroin?");
    expect(embed.title).toBe("Goa");
    const ranked = (embed.description ?? "").split("\n").filter((line) => /^\d\. /.test(line));
    expect(ranked.map((line) => line.slice(0, 14))).toEqual([
      "1. **Goa** — *",
      "2. **Kerala** ",
      "3. **Punjab** ",
    ]);
  });

  it("sets sides beside each other with no winner when none is asked, and says when they are level", () => {
    expect(shown("kerala vs goa heroin").title).toBe("Kerala vs Goa");
    const level = shown("Which destroyed more labs, Kerala or Goa?");
    expect(level.title).toBe("Kerala vs Goa");
    expect(level.description?.split("\n")[0]).toBe(
      "_Level: the report gives the same figure for both._",
    );
  });

  it("keeps a side with no figure in its place, said once", () => {
    const description = shown("did kerala or tibet seize more heroin").description ?? "";
    expect(description.match(/Tibet/g)).toHaveLength(1);
    expect(description).toMatch(/^• \*\*Tibet\*\* — the report gives no matching figure\.$/m);
  });

  it("answers each part of a question asking several things under its own heading", () => {
    const embed = shown(
      "how many suspects were arrested in kerala and which state seized the most heroin?",
    );
    const description = embed.description ?? "";
    expect(description).toMatch(
      /^### How many suspects were arrested in kerala\?\n\*\*12 suspects\*\*/,
    );
    expect(description).toMatch(/\n\n### Which state seized the most heroin\?\n1\. \*\*Goa\*\*/);
    expect(embed.title).toBeUndefined();
  });

  it("quotes the leader's sentence in full and the runners-up's shorter", () => {
    const long = (place: string, kg: number) =>
      `Officers in ${place} seized ${kg} kilograms of heroin ${"while patrolling the long coastal road between the fishing villages and the container port ".repeat(3)}at night.`;
    const coast = buildReportIndex(
      ["Coastal patrol results.", long("Kerala", 40), long("Goa", 75)].join("\n\n"),
      bare,
    );
    const reply = answer("Did Kerala or Goa seize more heroin?", coast);
    const quotes = (embedOf(renderAnswer(reply, bare, asker)).description ?? "")
      .split("\n")
      .filter((line) => line.startsWith("> "));
    expect(quotes).toHaveLength(2);
    expect(quotes[0]?.length).toBeGreaterThan((quotes[1]?.length ?? 0) + 80);
    expect(quotes[1]).toContain("40 kilograms");
  });

  it("titles a place's figures with the place and leaves it off each line", () => {
    const embed = shown("What are the figures for Kerala?");
    expect(embed.title).toBe("Figures for Kerala");
    const description = embed.description ?? "";
    expect(description).toContain("**40 kilograms of heroin** seized · ¶2");
    expect(description).toContain("**12 suspects** arrested · ¶2");
    expect(description).not.toMatch(/^\*\*[^\n]* in Kerala · ¶2$/m);
  });

  it("cites a sentence answer as figure lines cite, after a middle dot", () => {
    const chief = buildReportIndex(
      [
        "Coastal patrol results.",
        "Chief Inspector Mara Quill, head of the coastal unit, said 40 boats were stopped.",
      ].join("\n\n"),
      bare,
    );
    const reply = answer("Who is Mara Quill?", chief);
    const [lead] = (embedOf(renderAnswer(reply, bare, asker)).description ?? "").split("\n");
    expect(reply.text.split("\n")[0]).toMatch(/ \(¶2\)$/);
    expect(lead).toMatch(/ · ¶2$/);
  });

  it("cites a national figure restated with its country named once, on one line", () => {
    const restatedHome = buildReportIndex(
      [
        "Coastal patrol results, 2 March.",
        "Across India, officers seized 310 kilograms of heroin this winter.",
        "In all, 310 kilograms of heroin were seized by the patrols.",
      ].join("\n\n"),
      bare,
    );
    const reply = answer("How much heroin was seized?", restatedHome);
    const description = embedOf(renderAnswer(reply, bare, asker)).description ?? "";
    expect(description.match(/^\*\*310 kilograms/gm)).toHaveLength(1);
    expect(description).toMatch(/· ¶2 \(also ¶3\)/);
  });
});
