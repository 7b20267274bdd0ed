import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffFactTables, factKey } from "../../src/facts/diff.js";
import type { Fact, FactTable } from "../../src/facts/schema.js";

function fact(overrides: Partial<Fact> & Pick<Fact, "value" | "paragraph">): Fact {
  return {
    id: `p${overrides.paragraph}-0`,
    text: String(overrides.value),
    unit: "case",
    base: null,
    qualifier: null,
    subject: "drug crime cases",
    action: "crack",
    places: [],
    scope: "national",
    section: null,
    sentence: 0,
    quote: "A quote.",
    dates: [],
    period: null,
    ...overrides,
  };
}

const table = (...facts: Fact[]): FactTable => ({ facts, entities: [] });

describe("diffFactTables", () => {
  it("reports a corrected figure as changed, not as one added and one removed", () => {
    const before = table(fact({ value: 8657, paragraph: 1 }));
    const after = table(fact({ value: 8765, paragraph: 1 }));
    const diff = diffFactTables(before, after);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.before.value).toBe(8657);
    expect(diff.changed[0]?.after.value).toBe(8765);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it("does not call a figure changed because an inserted paragraph moved it", () => {
    const before = table(fact({ value: 556, paragraph: 7 }));
    const after = table(fact({ value: 556, paragraph: 8 }));
    expect(diffFactTables(before, after)).toMatchObject({ unchanged: 1, changed: [] });
  });

  it("compares masses in base units, so 5.19 t equals 5,190 kg", () => {
    const tons = fact({ value: 5.19, unit: "t", base: { value: 5190, unit: "kg" }, paragraph: 1 });
    const kilos = fact({
      value: 5190,
      unit: "kg",
      base: { value: 5190, unit: "kg" },
      paragraph: 1,
    });
    expect(diffFactTables(table(tons), table(kilos)).unchanged).toBe(1);
  });

  it("keeps figures for different places apart", () => {
    const yunnan = fact({ value: 1.85, places: ["Yunnan"], paragraph: 12 });
    const guangxi = fact({ value: 9, places: ["Guangxi"], paragraph: 13 });
    const diff = diffFactTables(table(yunnan), table(guangxi));
    expect(diff.removed).toEqual([yunnan]);
    expect(diff.added).toEqual([guangxi]);
  });

  it("pairs equal values first when one kind of figure appears several times", () => {
    const before = table(
      fact({ value: 2313, subject: "traffickers", paragraph: 8 }),
      fact({ value: 781, subject: "traffickers", paragraph: 9 }),
    );
    const after = table(fact({ value: 781, subject: "traffickers", paragraph: 8 }));
    const diff = diffFactTables(before, after);
    expect(diff.unchanged).toBe(1);
    expect(diff.removed.map((f) => f.value)).toEqual([2313]);
  });

  it("lists added facts in paragraph order", () => {
    const after = table(
      fact({ value: 3, subject: "c", paragraph: 9 }),
      fact({ value: 1, subject: "a", paragraph: 2 }),
    );
    expect(diffFactTables(table(), after).added.map((f) => f.paragraph)).toEqual([2, 9]);
  });

  const arbitraryFact = fc
    .record({
      value: fc.integer({ min: 0, max: 20 }),
      subject: fc.constantFrom("cases", "suspects", "drugs"),
      places: fc.subarray(["Yunnan", "Guangxi", "Jiangsu"]),
      paragraph: fc.integer({ min: 1, max: 30 }),
    })
    .map((fields) => fact(fields));

  it("accounts for every fact on both sides", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFact), fc.array(arbitraryFact), (before, after) => {
        const diff = diffFactTables(table(...before), table(...after));
        expect(diff.unchanged + diff.changed.length + diff.removed.length).toBe(before.length);
        expect(diff.unchanged + diff.changed.length + diff.added.length).toBe(after.length);
        for (const { before: old, after: next } of diff.changed) {
          expect(factKey(old)).toBe(factKey(next));
        }
      }),
    );
  });

  it("finds nothing to report between a table and itself", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFact), (facts) => {
        const diff = diffFactTables(table(...facts), table(...facts));
        expect(diff).toMatchObject({
          added: [],
          removed: [],
          changed: [],
          unchanged: facts.length,
        });
      }),
    );
  });
});
