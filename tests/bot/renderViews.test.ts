import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figuresView, placesWithOwnFigures } from "../../src/bot/figuresView.js";
import { renderParagraph, renderSearch } from "../../src/bot/renderViews.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { searchParagraphs } from "../../src/qa/search.js";

/** Invented reports: one with Discord markup in it, one with a figure two places share. */
const harbour = buildReportIndex(
  readFileSync(new URL("./fixtures/harbour-report.md", import.meta.url), "utf8"),
  { name: "harbour-report.md", version: 2, url: "https://example.org/harbour" },
);
const shared = buildReportIndex(
  [
    "Coastal patrol results, 2 March.",
    "Officers in Kerala seized 40 kilograms of heroin and arrested 12 suspects.",
    "Kerala and Goa together destroyed 9 drug labs.",
  ].join("\n\n"),
  { name: "patrols.txt", version: 1 },
);

describe("/figures", () => {
  it("groups a place's figures by paragraph, quoting each paragraph once", () => {
    const shown = figuresView("Kerala", shared);
    if (!("view" in shown)) throw new Error(shown.notice);
    const description = shown.view.embeds[0]?.description ?? "";
    expect(description.match(/^> /gm)).toHaveLength(2);
    expect(description).toMatch(/\*\*40 kilograms of heroin\*\*.*¶2\n\*\*12 suspects\*\*.*¶2\n> /);
    expect(description).toContain("and 1 figure it shares with other places");
    expect(shown.view).toMatchSnapshot();
  });

  it("says so when a place has figures only together with other places", () => {
    const shown = figuresView("Goa", shared);
    if (!("view" in shown)) throw new Error(shown.notice);
    expect(shown.view.embeds[0]?.description).toMatch(
      /^The report gives no figures for Goa on its own/,
    );
    expect(placesWithOwnFigures(shared)).toEqual(["Kerala"]);
  });

  it("lists only places with figures of their own when a place has none", () => {
    const shown = figuresView("Atlantis", shared);
    expect(shown).toEqual({
      notice:
        "The report gives no figures for “Atlantis”. Places with figures of their own: Kerala.",
    });
  });
});

describe("/paragraph and /search", () => {
  it("escapes the paragraph and lists its figures without repeating the ¶", () => {
    const paragraph = harbour.report.paragraphs[3];
    if (!paragraph) throw new Error("no fourth paragraph");
    const facts = harbour.table.facts.filter((fact) => fact.paragraph === paragraph.number);
    const view = renderParagraph(paragraph, facts, harbour.meta);
    const description = view.embeds[0]?.description ?? "";
    expect(description).not.toMatch(/<@!?\d+>/);
    expect(description).toContain("**Figures in ¶4**\n• **27 warehouses**");
    expect(view).toMatchSnapshot();
  });

  it("shows each hit's best sentence, and nothing for words the report does not use", () => {
    const hits = searchParagraphs("frozen fish crates", harbour);
    expect(hits[0]?.paragraph.number).toBe(3);
    expect(renderSearch("frozen fish crates", hits, harbour.meta)).toMatchSnapshot();
    expect(searchParagraphs("pizza", harbour)).toEqual([]);
  });
});
