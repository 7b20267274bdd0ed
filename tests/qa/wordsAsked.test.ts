import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented: a regional paper's report of figures one official presents and another comments on.
const REPORT = `Burglaries fall across Arizona

By Anja Rook

PHOENIX, March 3 - Burglaries in Arizona fell 12% last year, to 1,904, according to figures presented on Monday by Public Safety Secretary Coralie Vantongeren.

Thefts from cars rose 4%, to 2,310. Nevada recorded 412 burglaries, down from 480.

"The trend is the right one," said council member Idris Halvorsen.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("a who-question naming a place's figures asks for a person", () => {
  it("gives the one who presented them, not the place's figures", () => {
    for (const question of [
      "who's the public safety secretary who presented arizona's burglary figures",
      "who presented the figures for arizona",
      "who presented arizona's numbers",
    ]) {
      const reply = answer(question, index);
      expect(reply.facts).toEqual([]);
      expect(reply.text).toMatch(/^\*\*(?:Public Safety Secretary )?Coralie Vantongeren\*\*/);
    }
  });

  it("still lists a place's figures when asked for them", () => {
    expect(answer("nevada's figures", index).facts.length).toBeGreaterThan(0);
  });
});
