import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { answer, reply } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";
import { parseReport } from "../../src/report/parse.js";

// Invented report in the shape of a briefing: quoted officials, a share, a rate, a figure that
// names a whole with examples of its parts, and a label line for one of those parts.
const REPORT = `Harbour Authority Results

Analyst Ravi Tenneson said 65 couriers were stopped in the last quarter.

Officer Dana Kowalczyk: “We stop more than 40 couriers a week.”

More than four out of five dock workers who were surveyed back the checks.

The harbour spent $120 million, including $9 million on other costs such as fuel, radios and dog handlers.

Radios: $2 million.

Inspectors checked 900 containers already cleared by the port.

The "Two Tides" drive began in the spring.

Patrol boats covered 300 miles.

Divers found 15 parcels of cocaine.

Port police filed 80 reports.

The cuts would take an average of $20,000 per town and $2 million per county.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

function facts(text: string) {
  return extractFacts(parseReport(text)).facts.map((f) => `${f.value} ${f.unit ?? "-"}`);
}

describe("reading figures the way briefings write them", () => {
  it("reads a figure inside a quoted sentence, not only outside quotes", () => {
    expect(facts(`Title\n\nThe chief said: “We seized 40 boats.”`)).toEqual(["40 boat"]);
    expect(facts(`Title\n\nThe "Two Tides" drive began.`)).toEqual([]);
  });

  it("reads 'four out of five workers' as a share, not as five workers", () => {
    expect(facts(`Title\n\nFour out of five workers back the checks.`)).toEqual(["4 share"]);
  });

  it("reads 'the number of X rose to N' as N of X, and a multiplier as no count", () => {
    expect(
      facts(`Title\n\nThe number of dock workers on strike rose by 3 times to 4,200 last year.`),
    ).toEqual(["3 time", "4200 person"]);
    const report = buildReportIndex(
      `Title\n\nThe number of dock workers on strike rose by 3 times to 4,200 last year.\n\nThe port has 9 cranes.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("how many dock workers are on strike", report).facts[0]?.value).toBe(4200);
  });

  it("counts people named for their country: 'how many Canadians'", () => {
    expect(facts(`Title\n\nOfficers turned back 310 Canadians at the crossing.`)).toEqual([
      "310 person",
    ]);
    expect(understand("how many canadians were turned back").measure.target).toBe("canadians");
  });

  it("ends a counted noun at a determiner or a trailing adverb", () => {
    expect(facts(`Title\n\nThey stop 40 couriers a week.`)).toEqual(["40 person"]);
    expect(facts(`Title\n\nThey checked 900 containers already cleared.`)).toEqual([
      "900 container",
    ]);
    expect(facts(`Title\n\nTwelve of the defendants were held.`)).toEqual(["12 person"]);
  });

  it("reads a surname typed in lower case as the name of whoever gave the figure", () => {
    expect(answer("how many couriers according to kowalczyk", index).facts[0]?.value).toBe(40);
    expect(answer("how many couriers according to tenneson", index).facts[0]?.value).toBe(65);
  });

  it("prefers the figure for a part over the whole its examples name", () => {
    const got = answer("how much did radios cost", index);
    expect(got.facts[0]?.value).toBe(2_000_000);
  });

  it("swaps a longer thing into the previous question after 'what about'", () => {
    const first = reply("how many couriers were stopped", index);
    const next = answer("what about parcels of cocaine?", index, { previous: first.query });
    expect(next.facts[0]?.value).toBe(15);
  });

  it("answers a rate asked for with the figure stated per the same thing, and follows on per another", () => {
    const first = reply("how much would each county lose on average", index);
    expect(first.answer.facts[0]?.value).toBe(2_000_000);
    const next = answer("and per town?", index, { previous: first.query });
    expect(next.facts[0]?.value).toBe(20_000);
  });

  it("reads 'per the chief' as whose figure it is, not as a rate", () => {
    expect(understand("how many couriers per the chief").measure.per).toBeNull();
    expect(understand("how many boats a day").measure.per).toBe("day");
    expect(understand("how many boats daily").measure.per).toBe("day");
  });

  it("answers 'so far this year' with this year's figure, not last year's", () => {
    const years = buildReportIndex(
      `Harbour Crime\n\nThere were 900 thefts reported at the harbour last year.\n\nSo far in 2025, there have been nearly 300 thefts reported at the harbour.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("how many thefts reported so far this year", years).facts[0]?.value).toBe(300);
  });

  it("sets two options side by side on their own figures, not on a whole that lists both", () => {
    const costs = buildReportIndex(
      `Harbour Costs\n\nThe harbour spent $70 million on other costs such as fuel and dredging.\n\nDredging: $40 million.\n\nFuel: $9 million.`,
      { name: "invented.txt", version: null },
    );
    const got = answer("which costs more, the dredging side or fuel", costs);
    expect(got.facts.map((f) => f.value)).toEqual([40_000_000, 9_000_000]);
  });
});
