import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answer, checkedAnswer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { Answer } from "../../src/qa/schema.js";

// Invented report: a national total, two provinces with mass seizures, one province with no figure.
const REPORT = `Provincial Anti-Drug Review

In 2023, police across the country cracked 12,480 drug cases nationwide.

First, enforcement was strengthened.

Police in Yunnan seized 1.2 tons of heroin during the spring operation.

Officers in Guangdong seized 900 kilograms of methamphetamine in coastal raids.

Guangdong police arrested 315 suspects on September 14th.

The second is prevention work.

Schools in Hunan held awareness classes for students.

In FY 2025, customs officers seized more than 40 pounds of ketamine.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("answer", () => {
  it("answers a count question with the right paragraph and value", () => {
    const a = answer("How many drug cases were cracked?", index);
    expect(a.status).toBe("answered");
    expect(a.citations).toContain(2);
    expect(a.facts.map((f) => f.value)).toContain(12480);
    expect(a.text).toContain("¶2");
  });

  it("a place question only returns that place's figures", () => {
    for (const [place, other] of [
      ["Yunnan", "Guangdong"],
      ["Guangdong", "Yunnan"],
    ] as const) {
      const a = answer(`How much was seized in ${place}?`, index);
      expect(a.status).toBe("answered");
      expect(a.facts.length).toBeGreaterThan(0);
      for (const fact of a.facts) {
        expect(fact.places).toContain(place);
        expect(fact.places).not.toContain(other);
      }
    }
  });

  it("Yunnan heroin cites ¶4 with 1.2 tons", () => {
    const a = answer("How much heroin was seized in Yunnan?", index);
    expect(a.citations).toEqual([4]);
    expect(a.facts[0]?.value).toBe(1.2);
    expect(a.facts[0]?.base).toEqual({ value: 1200, unit: "kg" });
  });

  it("an unknown place is not_found, named, and carries no facts", () => {
    const a = answer("How many drugs were seized in Tibet?", index);
    expect(a.status).toBe("not_found");
    expect(a.text).toContain("Tibet");
    expect(a.facts).toEqual([]);
  });

  it("a place mentioned without figures cites its paragraph and gives no facts", () => {
    const a = answer("How many drugs were seized in Hunan?", index);
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
    expect(a.citations).toEqual([8]);
    expect(a.text).toContain("Hunan");
  });

  // BUG: open "What happened in <place>?" for a figure-less mentioned place returns no citation of its paragraph.
  it("an open question about a figure-less place still cites its paragraph", () => {
    const a = answer("What happened in Hunan?", index);
    expect(a.facts).toEqual([]);
    expect(a.citations).toEqual([8]);
  });

  it("superlative compares in base units: 1.2 tons beats 900 kg", () => {
    const a = answer("Which province seized the most heroin?", index);
    expect(a.status).toBe("answered");
    expect(a.facts[0]?.places).toEqual(["Yunnan"]);
    const b = answer("Where was the most seized?", index);
    expect(b.facts[0]?.places).toEqual(["Yunnan"]);
    expect(b.citations[0]).toBe(4);
  });

  // BUG: "Where were the most drugs seized?" ranks a placeless 40 lb (18 kg) figure above Yunnan's 1.2 tons.
  it("superlative 'where … most drugs' picks the placed, heavier seizure", () => {
    const a = answer("Where were the most drugs seized?", index);
    expect(a.facts[0]?.places).toEqual(["Yunnan"]);
  });

  it("tolerates a Discord mention prefix and ALL CAPS", () => {
    const plain = answer("How many suspects were arrested in Guangdong?", index);
    const loud = answer(
      "<@123456789012345678> HOW MANY SUSPECTS WERE ARRESTED IN GUANGDONG?",
      index,
    );
    for (const a of [plain, loud]) {
      expect(a.status).toBe("answered");
      expect(a.citations).toContain(6);
      expect(a.facts.map((f) => f.value)).toContain(315);
    }
  });

  it("never throws and always returns a schema-valid Answer", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme", maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 200 }),
          fc.constantFrom("", " ", "?", "¶", "<@1>", "how many", "most", "Tibet"),
          fc
            .array(fc.constantFrom("how", "many", "most", "seized", "Yunnan", "tons", "in", "?"))
            .map((w) => w.join(" ")),
        ),
        (q) => {
          const a = answer(q, index);
          expect(() => Answer.parse(a)).not.toThrow();
        },
      ),
      { numRuns: 150 },
    );
  });

  it("parses an answer quoting the table's facts as the schema does, without copying the facts", () => {
    for (const q of [
      "How much heroin was seized in Yunnan?",
      "How many suspects did Guangdong arrest and how many drug cases were cracked?",
      "Yunnan vs Guangdong",
      "How many tigers?",
    ]) {
      const a = answer(q, index);
      const parsed = Answer.parse(a);
      // The same fields in the same order as a full parse, and the table's own fact objects.
      expect(JSON.stringify(checkedAnswer(a))).toBe(JSON.stringify(parsed));
      expect(checkedAnswer(a)).toStrictEqual(parsed);
      for (const [i, fact] of a.facts.entries()) expect(checkedAnswer(a).facts[i]).toBe(fact);
    }
    // A fact made anywhere else is checked in full: a figure of NaN fails.
    const made = answer("How much heroin was seized in Yunnan?", index);
    const [fact] = made.facts;
    expect(fact).toBeDefined();
    const copied = {
      ...made,
      facts: [{ ...(fact as (typeof made.facts)[number]), value: Number.NaN }],
    };
    expect(() => checkedAnswer(copied)).toThrow();
  });

  it("handles very long questions", () => {
    for (const q of [
      "how many ".repeat(2000),
      "x".repeat(20000),
      `${"Yunnan ".repeat(500)}most?`,
    ]) {
      const a = answer(q, index);
      expect(Answer.safeParse(a).success).toBe(true);
    }
  });
});
