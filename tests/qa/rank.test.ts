import { describe, expect, it } from "vitest";
import { rankFacts, scoreFact } from "../../src/qa/rank.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";
import { DEFAULT_WEIGHTS } from "../../src/qa/weights.js";

// Invented: a national total, a province's part of it, a count, and a percentage change.
const REPORT = `Police nationwide seized 12.5 tons of heroin during the campaign.

First, border work.

Yunnan police seized 4.2 tons of heroin, including a 900-kilogram shipment at Ruili.

Yunnan police arrested 1,480 suspects.

Heroin seizures rose 18 percent year on year.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });
const top = (question: string) => rankFacts(understand(question), index)[0]?.fact;

describe("rankFacts", () => {
  it("prefers the national total when no place is named", () => {
    expect(top("How much heroin was seized?")).toMatchObject({ value: 12.5, unit: "t" });
  });

  it("keeps only the named place's facts", () => {
    const ranked = rankFacts(understand("How much heroin did Yunnan seize?"), index);
    expect(ranked.every((scored) => scored.fact.places.includes("Yunnan"))).toBe(true);
    expect(ranked[0]?.fact.value).toBe(4.2);
  });

  it("fits the unit the question asks for", () => {
    expect(top("How many suspects were arrested in Yunnan?")).toMatchObject({
      value: 1480,
      unit: "person",
    });
    expect(top("By what percentage did heroin seizures rise?")).toMatchObject({
      value: 18,
      unit: "percent",
    });
  });

  it("scores a part below the total it belongs to", () => {
    const query = understand("How much heroin did Yunnan seize?");
    const [province, shipment] = [4.2, 900].map((value) => {
      const doc = index.factDocs.find((d) => d.fact.value === value);
      if (!doc) throw new Error(`no fact ${value}`);
      return scoreFact({ ...query, filters: { ...query.filters, places: ["Yunnan"] } }, doc, index)
        .score;
    });
    expect(province).toBeGreaterThan(shipment ?? Number.POSITIVE_INFINITY);
  });

  it("scores in full only the best retrieved facts by the cheap score, the answer unchanged", () => {
    const question = understand("How many tons of heroin were seized?");
    const all = rankFacts(question, index);
    const limited = rankFacts(question, index, [], { ...DEFAULT_WEIGHTS, fullScoreLimit: 2 });
    expect(all.length).toBeGreaterThan(2);
    expect(limited).toHaveLength(2);
    expect(limited[0]?.fact).toBe(all[0]?.fact);
  });
});
