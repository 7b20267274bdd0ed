import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WORDNET } from "../../src/lexicon/language.js";
import { answer, reply } from "../../src/qa/answer.js";
import { readQuestion, reportSpelling } from "../../src/qa/normalize.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { isEnglishWord } from "../../src/text/english.js";
import { stem } from "../../src/text/stem.js";

// Invented reports, each writing a thing with another word than the one a member might ask with.
const CLINICS = [
  "The county health board hired 45 doctors for its rural clinics in 2024.",
  "The board also opened 3 new clinics in the hill towns.",
].join("\n\n");
const CURFEW =
  "Officers detained 31 adolescents and 12 adults during the weekend curfew sweep in Marlow.";
const COUNSEL = [
  "The district office added 12 attorneys to its narcotics unit in May.",
  "The unit's chief attorney, Dana Vole, said the hires would cut delays in trials.",
].join("\n\n");

const index = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

describe("a question word the report never uses, read as its close WordNet neighbour", () => {
  it("answers a count from the report's word for the thing asked", () => {
    const asked = reply("how many physicians were hired", index(CLINICS));
    expect(asked.answer.facts[0]?.value).toBe(45);
    expect(asked.query?.measure.bridged).toEqual(["doctor"]);
  });

  it("meets the asked word in another form, and a shorter word for it", () => {
    const report = index(CURFEW);
    expect(reply("how many teenagers were detained", report).answer.facts[0]?.value).toBe(31);
    expect(reply("how many teens were detained in marlow", report).answer.facts[0]?.value).toBe(31);
  });

  it("finds the sentence a who-question asks about", () => {
    const asked = reply("who is the unit's chief lawyer", index(COUNSEL));
    expect(asked.answer.text).toContain("Dana Vole");
  });

  it("weighs the neighbour below the report's own word", () => {
    const report = index(CLINICS);
    const bridged = answer("how many physicians were hired", report);
    const asOwn = answer("how many doctors were hired", report);
    expect(bridged.facts[0]?.value).toBe(45);
    expect(bridged.confidence).toBeLessThan(asOwn.confidence);
    // Weighed as much as the report's own word, the bridge scores as that word does.
    const even = answer("how many physicians were hired", report, { weights: { bridgeHit: 1 } });
    expect(even.confidence).toBe(asOwn.confidence);
  });

  it("gives not_found, naming the word, when no neighbour of it is in the report", () => {
    const asked = reply("how many infants were detained", index(CURFEW));
    expect(asked.answer.status).toBe("not_found");
    expect(asked.answer.text).toContain("infants");
    expect(asked.query?.measure.bridged).toBeUndefined();
  });

  it("never takes a name the report uses for a neighbour that shares only its stem", () => {
    // "Parris" and "parry" share a stem; "parry" is a neighbour of "evade", the name is not.
    const spelling = reportSpelling("Spokesman Lee Parris said 9 suspects were charged.");
    expect(readQuestion("how many did they evade", spelling).bridged).toEqual([]);
  });
});

/** wordnet.json's neighbour lines, as a word's stem and its neighbours' words. */
const LINES = WORDNET.neighbours.map((line) => line.split(" "));

describe("the neighbour table", () => {
  it("holds common single words only, each line a stem and at least one neighbour", () => {
    expect(LINES.length).toBeGreaterThan(1000);
    for (const [key, ...words] of LINES) {
      expect(key).toMatch(/^[a-z]{3,}$/);
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(stem(word)).not.toBe(key);
    }
  });

  it("bridges a word only to a neighbour the report holds, never to another report word", () => {
    const line = fc.constantFrom(...LINES.filter((words) => words.length >= 3));
    fc.assert(
      fc.property(line, fc.nat(), ([key, asked = "", ...rest], pick) => {
        // The asked word is a neighbour of the key's word; the report writes none of its own
        // neighbours, then one of them.
        const own = LINES.find(([k]) => k === stem(asked))?.slice(1) ?? [];
        const filler = "Inspectors weighed 48 kilograms of powder at the harbour.";
        const without = reportSpelling(filler);
        const held = readQuestion(`how many ${asked} were weighed`, without);
        const ownInFiller = own.some((word) => filler.toLowerCase().includes(word));
        if (!ownInFiller) expect(held.bridged).toEqual([]);
        const written = rest[pick % rest.length] ?? "";
        // Only a word the dictionary knows is read as a neighbour (another may be a typo), and
        // one of four letters or more: shorter words are never respelled.
        if (!own.includes(written) || key === undefined) return;
        if (asked.length < 4 || !isEnglishWord(asked)) return;
        const withIt = reportSpelling(`${filler} They also counted 7 ${written} on the quay.`);
        expect(readQuestion(`how many ${asked} were weighed`, withIt).bridged).toContain(written);
      }),
      { numRuns: 200 },
    );
  });
});
