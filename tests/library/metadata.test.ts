import { describe, expect, it } from "vitest";
import { mergeMeta, metaFromFileName, readDate, readMetadata } from "../../src/library/metadata.js";
import { questionSimilarity } from "../../src/library/pinMatch.js";

const NOW = new Date("2030-06-30T00:00:00Z");

describe("report metadata", () => {
  it("reads Markdown front matter over anything else", () => {
    const text = `---\ntitle: "Quarterly Seizures"\npublisher: Ministry of Ports\ndate: 2029-11-02\nurl: https://example.org/q\n---\n\n# Another heading\n\nOfficers seized 12 tons.\n`;
    expect(readMetadata(text, NOW)).toEqual({
      title: "Quarterly Seizures",
      publisher: "Ministry of Ports",
      date: "2029-11-02",
      url: "https://example.org/q",
    });
  });

  it("reads a heading and a dateline that names its agency", () => {
    const text = "# Border Results\n\nValley Wire, January 4th. Police made 30 arrests.\n";
    expect(readMetadata(text, NOW)).toEqual({
      title: "Border Results",
      publisher: "Valley Wire",
      date: "2030-01-04",
    });
  });

  it("takes a city dateline's date but not the city as the publisher", () => {
    const text = "BEIJING, March 3 (Daily Courier) -- Customs seized 4 tons.\n";
    expect(readMetadata(text, NOW)).toEqual({ publisher: "Daily Courier", date: "2030-03-03" });
  });

  it("puts a year-less date in the most recent year it has already happened", () => {
    expect(readDate("December 24th", NOW)).toBe("2029-12-24");
    expect(readDate("3 May 2021", NOW)).toBe("2021-05-03");
    expect(readDate("February 30", NOW)).toBeUndefined();
  });

  it("reads a dated file name", () => {
    expect(metaFromFileName("2028-02-14_port_results.md")).toEqual({
      title: "Port results",
      date: "2028-02-14",
    });
    expect(metaFromFileName("report.txt")).toEqual({});
  });

  it("lets later sources win and drops values that do not validate", () => {
    expect(
      mergeMeta(
        { title: "From the file name" },
        { title: "Given", url: "not a url", date: "soon" },
      ),
    ).toEqual({ title: "Given" });
  });
});

describe("pin matching", () => {
  it("meets paraphrases and typos, and keeps other places and verbs apart", () => {
    const pinned = "How much did Northshire seize?";
    expect(questionSimilarity("how many tons did northshire seize", pinned)).toBeGreaterThan(0.75);
    expect(questionSimilarity("how much was seized in northshir", pinned)).toBeGreaterThan(0.75);
    expect(questionSimilarity("How much did Southvale seize?", pinned)).toBeLessThan(0.75);
    expect(questionSimilarity("How much did Northshire arrest?", pinned)).toBeLessThan(0.75);
  });
});
