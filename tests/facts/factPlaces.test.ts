import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { parseReport } from "../../src/report/parse.js";

function placesOf(text: string): [number, string[]][] {
  return extractFacts(parseReport(`Title\n\n${text}\n`)).facts.map((f) => [f.value, f.places]);
}

// Invented sentences.
describe("where a figure happened", () => {
  it("is not a wire dateline's city", () => {
    expect(placesOf("OAKPORT, Mar 3 (Wirenews) - Police in 9 countries held 120 people.")).toEqual([
      [9, []],
      [120, []],
    ]);
  });

  it("is not the places a route passes through", () => {
    expect(
      placesOf(
        "Agents held 30 couriers of a ring that moved pills through depots in Chile and Peru.",
      ),
    ).toEqual([[30, []]]);
  });

  it("is the place a passive clause sets the figure in, over a demonym before it", () => {
    const facts = placesOf(
      "Spanish officers said 4 tonnes had been intercepted in Valencia, and 2 tonnes more in Chile.",
    );
    expect(facts[0]).toEqual([4, ["Valencia"]]);
  });

  it("is the place right after a measure ('8 tonnes in Valencia'), not the one before", () => {
    const facts = placesOf("Chilean officers found 6 tonnes in Valencia and 2 tonnes in Lima.");
    expect(facts).toEqual([
      [6, ["Valencia"]],
      [2, ["Lima"]],
    ]);
  });
});
