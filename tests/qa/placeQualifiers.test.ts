import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";

const report = (...paragraphs: string[]) =>
  buildReportIndex(`${paragraphs.join("\n\n")}\n`, { name: "invented.txt", version: null });

const border = report(
  "Southern ports review",
  "Texas agents stopped 31 large shipments of over 50 kilograms on the Mexican border in the spring.",
  "Texas agents also seized 2,400 kilograms of marijuana at inland checkpoints.",
  "Arizona officers stopped 12 large shipments at the Nogales crossing.",
);

describe("a count qualified by a weight, a border or a pronoun", () => {
  it("counts things 'of over 50 kilograms' rather than asking for a weight", () => {
    const query = understand("How many large shipments of over 50 kilograms did Texas stop?");
    expect(query.measure.expected).toEqual({ kind: null, unit: "shipment" });
    const asked = answer(
      "How many large shipments of over 50 kilograms did Texas stop on the Mexican border?",
      border,
    );
    expect(asked.facts[0]?.value).toBe(31);
  });

  it("reads a place that only names a border as where, not whose figure", () => {
    expect(
      understand("How many shipments did Texas stop on the US-Mexico border?").filters.places,
    ).toEqual(["Texas"]);
    expect(
      understand("how many shipments did texas stop on the border with mexico").filters.places,
    ).toEqual(["Texas"]);
    const asked = answer("how many shipments did texas stop on the border with mexico", border);
    expect(asked.facts[0]?.value).toBe(31);
    // A border the figure's sentence never names is not answered by the place's other figures.
    const elsewhere = answer("how much marijuana did texas seize on the canadian border", border);
    expect(elsewhere.facts).toEqual([]);
    // The border alone is still the place asked about.
    expect(
      understand("how many shipments were stopped on the mexican border").filters.places,
    ).toEqual(["Mexico"]);
  });

  it("reads 'how many big ones' as the plural noun named before it", () => {
    expect(understand("texas shipments, how many big ones were stopped").measure.target).toBe(
      "shipments",
    );
    const asked = answer("what about texas shipments, how many big ones got stopped", border);
    expect(asked.facts[0]?.value).toBe(31);
  });
});
