import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

// Invented wire copy.
describe("figures of new text shapes", () => {
  it("answer in the currency asked, where the report gives its conversion", () => {
    const wire = invented(
      "Harbour raid\n\nPolice seized 40 million euros ($43 million) in cash and gold, the agency said.\n",
    );
    expect(answer("how much cash was seized, in euros?", wire).facts[0]).toMatchObject({
      value: 40_000_000,
      unit: "EUR",
    });
    expect(answer("how much cash was seized, in usd?", wire).facts[0]).toMatchObject({
      value: 43_000_000,
      unit: "USD",
    });
  });
});

describe("parts of a whole", () => {
  it("read a count put in a class ('were described as') and a compound's word as no money", () => {
    const wire = invented(
      'Harbour raid\n\nPolice held 80 people and seized 3 million euros. Of those held, 12 were described as "low-value couriers".\n',
    );
    expect(
      answer("of everyone held, how many were considered low-value couriers?", wire).facts[0],
    ).toMatchObject({ value: 12 });
  });
});

describe("a fact sheet's awards", () => {
  const sheet = invented(
    "Harbour safety awards\n\nState | Total FY 2031 awards | Drownings 2030\n\nMaine | $4.2 million | 31\n\nVermont | $3.9 million | 12\n",
  );

  it("are money a question asks for in its own words", () => {
    expect(answer("how much money did maine get?", sheet).facts[0]?.value).toBe(4_200_000);
    const compared = answer("did vermont get more money than maine?", sheet).facts.map(
      (f) => f.value,
    );
    expect(compared.sort()).toEqual([3_900_000, 4_200_000]);
  });
});

describe("superlatives over countries", () => {
  it("leave out the home country's own places, and rank the counts in brackets", () => {
    const sheet = invented(
      "Harbor patrol results\n\nThe Coast Guard made 300 stops in Texas, Ohio and Maine, the agency said. In Texas and Ohio, crews trained 40 officers. Partner nations helped with many stops, including Chile (31), Peru (12) and Brazil (5).\n",
    );
    const got = answer("which partner country helped with the most stops?", sheet);
    expect(got.facts[0]).toMatchObject({ value: 31, places: ["Chile"] });
  });
});

describe("who holds a role", () => {
  const paper = invented(
    'Spokane crime at midyear\n\nSpokane recorded 40 burglaries, according to the Spokane Police Department.\n\n"We are not done," Police Chief Ann M. Lowry said at a news conference.\n\nDana Pike, the harbour board\'s director of safety, added that patrols would grow.\n',
  );

  it("is the person named with the role, not a body, even where the home city is asked", () => {
    const got = answer("who is the police chief in spokane", paper);
    expect(got.text).toContain("Ann M. Lowry");
  });

  it("is the person named before a body's role", () => {
    expect(answer("who is the director of safety?", paper).text).toContain("Dana Pike");
  });
});

describe("a wire story's background", () => {
  const wire = invented(
    "Harbour raid\n\nThe inquiry began in 2029 after police read messages on a hidden phone network, the agency said.\n\nThe World Harbour Organisation on Smuggling (WHOS) estimated that global cannabis production rose to 900 tonnes in 2030.\n",
  );

  it("answers how something started with the sentence that says so", () => {
    const got = answer("how did the inquiry get started", wire);
    expect(got.status).toBe("answered");
    expect(got.text).toContain("hidden phone network");
  });

  it("reads an acronym of a body's first words, and production as an amount", () => {
    const got = answer("what was global cannabis production in 2030 according to the WH?", wire);
    expect(got.facts[0]?.value).toBe(900);
  });
});

describe("a headline's rounded figure", () => {
  it("gives way to the precise figure of the body it restates", () => {
    const sheet = invented(
      "FACT SHEET: Harbour Board Announces More Than $2.3 Billion in New Safety Grants\n\nToday the Harbour Board is announcing $2,341,500,000 in new safety grants to ports and towns.\n",
    );
    expect(
      answer("how much money in total is the board announcing in new grants?", sheet).facts[0]
        ?.value,
    ).toBe(2_341_500_000);
  });
});
