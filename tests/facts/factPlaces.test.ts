import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { datelineHome, homePlaces } from "../../src/facts/factPlaces.js";
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

  it("is the route or origin a sentence's subject names before its figure", () => {
    expect(
      placesOf("Parcels that were routed through Chile came third with 410 kilograms."),
    ).toEqual([[410, ["Chile"]]]);
  });

  it("is not a list the figure is ranked against ('followed by')", () => {
    const facts = placesOf(
      "Goods shipped via Peru came first with 7.5 tonnes, followed by Chile (3.1 tonnes) and Ecuador (2.2 tonnes).",
    );
    expect(facts[0]).toEqual([7.5, ["Peru"]]);
  });

  it("is the place money is for, not the giver's, in a report about the place it is for", () => {
    const report = [
      "Peru and Japan sign security pact",
      "Peru will train 300 officers. Peru will open 4 border posts.",
      "The package adds up to $40 million in Japanese assistance for Peru this year.",
    ].join("\n\n");
    const money = extractFacts(parseReport(report)).facts.find((f) => f.unit === "USD");
    expect(money?.places).toEqual(["Peru"]);
    expect(money?.scope).toBe("national");
  });

  it("is not the place of a part named after the whole ('including 120 in')", () => {
    expect(
      placesOf("Volunteers handed out 2,400 test kits in March, including 350 in Ontario."),
    ).toEqual([
      [2400, []],
      [350, ["Ontario"]],
    ]);
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

// Invented reports: a wire story datelined in the city its headline names.
describe("the place a report is written about", () => {
  const home = (text: string) => [...homePlaces(parseReport(text))];

  it("is the city both the headline and the dateline name, whatever else the story lists", () => {
    const story = [
      "Genoa heroin seizures rise again; Turkey and Iran still main routes",
      "By A. Writer",
      "GENOA, Italy, Feb 2 (Wire) - Customs seized 2.1 tonnes of heroin at the port in 2025.",
      "Shipments from Turkey made up 0.9 tonnes, Iran 0.6 tonnes and Pakistan 0.3 tonnes.",
      "Officers made 212 separate seizures during the year.",
    ].join("\n\n");
    expect(home(story)).toContain("Genoa");
    const dashed = [
      "Lisbon police report fewer shootings",
      "LISBON — City police recorded 41 shootings in 2025, against 55 in 2024, in Spain's neighbour.",
      "Arrests in Madrid and Seville rose, and 120 suspects were held in Porto and Faro.",
    ].join("\n\n");
    expect(home(dashed)).toContain("Lisbon");
  });

  it("is not a dateline city the headline leaves out, or names beside another of its kind", () => {
    const elsewhere = [
      "Customs report a record year for cocaine",
      "HAMBURG, Germany, Feb 2 (Wire) - Customs seized 9 tonnes in Marseille and Le Havre.",
    ].join("\n\n");
    expect(datelineHome(parseReport(elsewhere))).toBeNull();
    const two = [
      "Heroin seized at Genoa and Marseille ports in joint inquiry",
      "GENOA, Italy, Feb 2 (Wire) - Officers seized 400 kilograms at Genoa and 300 kilograms at Marseille.",
    ].join("\n\n");
    expect(datelineHome(parseReport(two))).toBeNull();
  });
});

// Invented sentences: a measure, what it weighs, then its own place.
describe("the place a weighed figure is found at", () => {
  it("follows the substance weighed ('6 tonnes of cocaine at Callao'), beside a demonym's country", () => {
    const facts = placesOf(
      "Peruvian customs said it seized 6 tonnes of cocaine at Callao in 2024, down 9% from 7 tonnes.",
    );
    expect(facts[0]?.[0]).toBe(6);
    expect(facts[0]?.[1]).toContain("Callao");
  });

  it("follows a two-word substance and 'in the port of'", () => {
    const facts = placesOf(
      "Peruvian officers found 3 tonnes of crystal meth in the port of Callao and 2 tonnes in Lima.",
    );
    expect(facts[0]).toEqual([3, ["Callao"]]);
    expect(facts[1]).toEqual([2, ["Lima"]]);
  });

  it("keeps the country its sentence names for a place inside it", () => {
    const facts = placesOf(
      "In Spain, police held 12 suspects and seized 800 kilograms of hashish in Valencia. In Italy, 20 kilograms were found in Genoa; in France, 9 kilograms in Lyon.",
    );
    expect(facts[1]).toEqual([800, ["Valencia", "Spain"]]);
  });
});

// Invented sentences: people counted where they were sent.
describe("where a bare count was moved to", () => {
  const facts = (text: string) =>
    extractFacts(parseReport(`Title\n\n${text}\n`)).facts.map((f) => [f.value, f.unit, f.places]);

  it("is the place after 'were sent to', and the count is of the people before it", () => {
    const read = facts(
      "Peru deported 90 people last year, of whom 61 were sent to Spain and most of the rest to Italy.",
    );
    expect(read[1]).toEqual([61, "person", ["Spain"]]);
  });

  it("reads the same of a participle the verb lexicon knows", () => {
    const read = facts(
      "Chile handed over 40 suspects, of whom 25 were extradited to the United States.",
    );
    expect(read[1]).toEqual([25, "person", ["United States"]]);
  });

  it("is not where a weighed load was shipped", () => {
    const read = placesOf(
      "Police in Peru said 4 tonnes were shipped to Spain, and 2 tonnes seized in Lima.",
    );
    expect(read[0]?.[1]).not.toEqual(["Spain"]);
  });
});
