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

// Invented: a sentencing story datelined in one city, each defendant introduced by their own town.
const SENTENCING = buildReportIndex(
  `Four sentenced in Denver fraud ring

DENVER - A federal judge sentenced four people on Friday in a $12 million fraud case.

Ana Kovrig, 38, of Lakewood, who kept the ring's books, was sentenced to 70 months.

Petr Olund, 45, of Aurora, was sentenced to 41 months and ordered to repay $2.1 million.

Lena Marsh, 29, of Golden, was sentenced to 18 months.

Omar Feld, 52, of Arvada, was sentenced to 30 months.

Prosecutors said the ring billed insurers for 2,400 treatments that never took place.

The judge also ordered $9.6 million in restitution across the four defendants.`,
  { name: "invented.txt", version: null },
);

describe("a place naming which case, beside a person the question names", () => {
  it("does not keep the answer from the sentence about the person", () => {
    const reply = answer("how long was ana kovrig sentenced in the denver fraud case", SENTENCING);
    expect(reply.text).toMatch(/^\*\*70 months\*\*/);
    expect(reply.citations).toEqual([3]);
    // The span answering is the table's figure for those words, carried as a figure answer's is.
    expect(reply.facts[0]).toMatchObject({ value: 70, unit: "month", paragraph: 3 });
  });
});

describe("a hyphenated counted noun", () => {
  // Invented: the craft named in one sentence, counted as "them" in the next.
  const index = buildReportIndex(
    `Patrols stop a record number of semi-submersible craft

Coast patrols seized 41 tonnes of cocaine this year.

Smugglers relied on semi-submersible craft that sit low in the water. Patrols stopped 14 of them during the year, up from 9.

"They built more semi-submersibles," the captain said.`,
    { name: "invented.txt", version: null },
  );

  it("is one noun: its first part is no kind of it that the report leaves unfigured", () => {
    const reply = answer("how many semi-submersibles were stopped", index);
    expect(reply.text).not.toMatch(/mentions semi\b/);
  });
});

describe("a prison term asked of a person whose age the report gives", () => {
  it("is the term, however the question asks it, and the age only when an age is asked", () => {
    for (const question of ["petr olund's sentence", "how long was petr olund sentenced"]) {
      const reply = answer(question, SENTENCING);
      expect(reply.text).toMatch(/\*\*41 months\*\*/);
    }
    expect(answer("how old is petr olund", SENTENCING).facts[0]?.value).toBe(45);
  });
});
