import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { parseReport } from "../../src/report/parse.js";

const actionOf = (body: string, value: number) =>
  extractFacts(parseReport(`Invented bulletin\n\n${body}`)).facts.find(
    (fact) => fact.value === value,
  )?.action ?? null;

describe("a figure's verb stays in its own clause", () => {
  it("takes no verb from past 'and' when its own clause has one", () => {
    const body = "Wardens opened 1,730 poaching files and detained 912 hunters in the reserve.";
    expect(actionOf(body, 1_730)).toBeNull();
    expect(actionOf(body, 912)).toBe("arrest");
  });

  it("still shares the verb of a list with no verb of its own", () => {
    expect(actionOf("Some 61 rifles and traps were seized at the gate.", 61)).toBe("seize");
  });
});
