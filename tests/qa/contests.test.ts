import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { contestOptions } from "../../src/qa/understand.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });
const report = (...paragraphs: string[]) => invented(`${paragraphs.join("\n\n")}\n`);

describe("a contest's options, wherever the question puts them", () => {
  it("reads two options before the contest word ('did A or B get more')", () => {
    expect(contestOptions("did the harbour fund or the river fund get more money")).toEqual([
      "harbour fund",
      "river fund",
    ]);
    expect(
      contestOptions("has the north district or the south district seen fewer arrests"),
    ).toEqual(["north district", "south district"]);
  });

  it("ends a long second option where a place both share begins ('at the ports')", () => {
    expect(
      contestOptions(
        "does the agency scan a bigger share of trucks or private cars at the northern ports",
      ),
    ).toEqual(["trucks", "private cars"]);
  });
});

describe("each option takes the figure its own clause gives it", () => {
  const inspections = report(
    "Inspection plan",
    "The agency now scans about 23 percent of private cars and 71 percent of freight trucks crossing at the northern ports. It wants both above 80 percent.",
  );

  it("gives 'N percent of X' to the X after it, in either order asked", () => {
    const bigger = answer(
      "does the agency scan a bigger share of private cars or freight trucks?",
      inspections,
    );
    expect(bigger.facts.map((fact) => fact.value)).toEqual([71, 23]);
    expect(bigger.text).toMatch(/^\*\*freight trucks\*\*/);
    const smaller = answer("which share is lower, freight trucks or private cars?", inspections);
    expect(smaller.facts[0]?.value).toBe(23);
    expect(smaller.text).toMatch(/^\*\*private cars\*\*/);
  });

  it("gives a figure after a name's comma to that name, the other option's sentence to it", () => {
    const budget = report(
      "Prevention budget",
      "Through the Safe Streets Grants, the office backs 410 youth coalitions. Together these awards total about $48 million. The Regional Narcotics Task Force Program (RNTFP), funded at $215 million, links police agencies in every state.",
    );
    const asked = answer("which gets more money, safe streets grants or RNTFP?", budget);
    expect(asked.facts.map((fact) => fact.value)).toEqual([215_000_000, 48_000_000]);
    expect(asked.text).toMatch(/^\*\*RNTFP\*\*/);
  });

  it("splits one sentence's two figures between the two names before them", () => {
    const grants = report(
      "Grants",
      "The Lakeside program, funded at $3 million, trains nurses, while the Hillcrest program, at $5 million, buys vans.",
    );
    const asked = answer(
      "did the lakeside program or the hillcrest program get more money?",
      grants,
    );
    expect(asked.facts.map((fact) => fact.value)).toEqual([5_000_000, 3_000_000]);
    expect(asked.text).toMatch(/^\*\*hillcrest program\*\*/);
  });
});
