import { describe, expect, it } from "vitest";
import { glossesIn } from "../../src/facts/glosses.js";
import { reply } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

describe("a report's own term and its gloss", () => {
  it.each([
    ['smugglers use fast skiffs known as "pangas" to cross', [{ term: "pangas", head: "skiffs" }]],
    ["landed on pangas, the fast skiffs that cross at night", [{ term: "pangas", head: "skiffs" }]],
    ["seized 30 pangas (fibreglass skiffs) on the beach", [{ term: "pangas", head: "skiffs" }]],
    ['crews stripped the cable ("ramoneo") from poles', [{ term: "ramoneo", head: "cable" }]],
    ['what officers called "a good week"', []],
    ["boats, the vessels that", []],
  ])("%s", (text, glosses) => {
    expect(glossesIn(text)).toEqual(glosses);
  });
});

const coast = buildReportIndex(
  [
    "Coast police seize record haul",
    'Gangs cross the bay on fast fibreglass skiffs known as "pangas".',
    "Ontario: 41 pangas; 220 arrests.",
    "Quebec: 17 pangas; 310 arrests.",
    "Officers seized 58 pangas and arrested 530 people during the year.",
  ].join("\n\n"),
  { name: "invented.txt", version: null },
);

describe("a member's plain word for the report's term", () => {
  it("counts the report's term for the plain noun it glossed", () => {
    const read = reply("how many skiffs were seized?", coast);
    expect(read.query?.measure.target).toBe("pangas");
    expect(read.answer.facts[0]?.value).toBe(58);
  });

  it("leaves a question of words the report never glosses as asked", () => {
    expect(reply("how many boats were seized?", coast).query?.measure.target).toBe("boats");
  });
});

describe("the thing counted between places", () => {
  it("is the plural after 'more', whatever verb the asker gives it", () => {
    const read = reply("which province caught more skiffs, Ontario or Quebec?", coast);
    expect(read.query?.measure.target).toBe("pangas");
    expect(read.answer.facts[0]?.value).toBe(41);
  });

  it("is never a unit", () => {
    const read = reply("which province seized more pounds, Ontario or Quebec?", coast);
    expect(read.query?.measure.target).toBeNull();
  });
});
