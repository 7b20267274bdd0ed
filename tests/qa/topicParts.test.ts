import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { splitQuestions } from "../../src/qa/split.js";

const sweep = buildReportIndex(
  [
    "Spring results",
    "Across the region, police arrested 2,900 suspects and seized 4.2 tonnes of drugs this spring.",
    "Under the river sweep, police investigated 26 smuggling cases, arrested 140 couriers and seized 75 kilograms of heroin.",
    "Placed major cases under listed oversight, pursued 31 major harbour smuggling ring cases, detained 212 couriers and brokers, and seized 96 kilograms of cocaine.",
  ].join("\n\n"),
  { name: "invented.txt", version: null },
);

describe("several questions about one topic set first", () => {
  it("asks each question about the topic before the dash", () => {
    expect(splitQuestions("harbour sweep - how many arrested and how much seized")).toEqual([
      "how many arrested in the harbour sweep",
      "how much seized in the harbour sweep",
    ]);
    expect(splitQuestions("the harbour sweep: how many arrested")).toEqual([
      "the harbour sweep: how many arrested",
    ]);
  });

  it("answers every part from the topic's own sentence", () => {
    const asked = answer(
      "river sweep smuggling cases - how many arrested and how much heroin seized",
      sweep,
    );
    expect(asked.facts.map((fact) => fact.value)).toEqual([140, 75]);
  });
});

describe("a count asked by its verb alone", () => {
  it("takes the figure its sentence says the verb was done to, not the topic's own count", () => {
    const asked = answer("how many were arrested in the river sweep smuggling cases", sweep);
    expect(asked.facts[0]?.value).toBe(140);
    const listed = answer("listed oversight major smuggling ring cases - how many detained", sweep);
    expect(listed.facts[0]?.value).toBe(212);
  });
});
