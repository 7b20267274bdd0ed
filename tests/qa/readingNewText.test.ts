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
