import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { formatNumber, groupedDecimal, namesAThing } from "../../src/qa/phrasing.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const intl = (digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });

describe("formatNumber", () => {
  it("writes figures as an English reader expects them", () => {
    expect(formatNumber(12655)).toBe("12,655");
    expect(formatNumber(1.85)).toBe("1.85");
    expect(formatNumber(-4321.5)).toBe("-4,321.5");
    expect(formatNumber(0.000125)).toBe("0.000125");
    expect(formatNumber(2_500_000)).toBe("2.5 million");
    expect(formatNumber(3_100_000_000)).toBe("3.1 billion");
  });

  it("rounds what has more decimals than it shows, as Intl does", () => {
    expect(formatNumber(2 / 3)).toBe("0.666667");
    expect(formatNumber(1e-7)).toBe("0");
    expect(formatNumber(-0)).toBe("-0");
  });
});

describe("groupedDecimal", () => {
  // The fast path must write exactly what Intl would, or leave the number to Intl.
  it.each([6, 3])("agrees with Intl at %i decimals wherever it answers", (digits) => {
    const format = intl(digits);
    const decimals = fc
      .tuple(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 9 }))
      .map(([value, places]) => Number(value.toFixed(Math.min(places, 100))));
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger(), decimals), (value) => {
        const fast = groupedDecimal(value, digits);
        if (fast !== null) expect(fast).toBe(format.format(value));
      }),
      { numRuns: 5000 },
    );
  });

  it("leaves exponents, long decimals and non-finite numbers to Intl", () => {
    expect(groupedDecimal(1e21, 6)).toBeNull();
    expect(groupedDecimal(1e-7, 6)).toBeNull();
    expect(groupedDecimal(0.1234567, 6)).toBeNull();
    expect(groupedDecimal(Number.POSITIVE_INFINITY, 6)).toBeNull();
    expect(groupedDecimal(Number.NaN, 6)).toBeNull();
  });
});

describe("a sum's label", () => {
  const cited = (text: string, question: string) =>
    answer(question, buildReportIndex(text, { name: "invented.txt", version: null })).text;

  it("is the thing the sum is for, in the report's words", () => {
    expect(
      cited(
        "Harbour grants\n\nThe board gave $4 million for new patrol boats.\n",
        "how much for patrol boats",
      ),
    ).toContain("$4 million (new patrol boats)");
  });

  it("is left out where the words beside the sum are a verb or an adverb", () => {
    const roundup =
      "Harbour grants\n\nMaine awarded $4.2 million as ferry crossings climb.\n\nVermont will receive $3.9 million from the harbour fund.\n\nFerry repairs are paid separately, at $9 million.\n";
    expect(cited(roundup, "how much money did maine get")).toMatch(/\*\*\$4\.2 million\*\*(?! \()/);
    expect(cited(roundup, "vermont's funding?")).toMatch(/\*\*\$3\.9 million\*\*(?! \()/);
    expect(namesAThing("separately")).toBe(false);
    expect(namesAThing("maine awarded")).toBe(false);
    expect(namesAThing("ferry repairs")).toBe(true);
  });
});
