import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
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

describe("a list of parts between a figure and its verb", () => {
  const body =
    "Rangers said 2,300 poachers, including 611 in Kora, 48 in Tsavo and 9 in Meru, were detained.";

  it("gives the whole the verb after the list, and its parts the same", () => {
    expect(actionOf(body, 2_300)).toBe("arrest");
    expect(actionOf(body, 48)).toBe("arrest");
  });

  it("answers the count asked with the whole, not a part", () => {
    const index = buildReportIndex(`Invented ranger bulletin\n\n${body}`, {
      name: "invented.txt",
      version: null,
    });
    expect(answer("how many poachers were detained?", index).facts[0]?.value).toBe(2_300);
  });
});
