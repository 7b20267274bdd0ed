import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

// An invented mid-year release: a lead-in saying its rows go by region, rows labelled by regions
// no gazetteer holds.
const release = invented(
  [
    "Harbour board reports record pill haul",
    "Officers seized 90 million pills in the first half of 2031, the board said.",
    "Arrests and seizures by district, January–June 2031:",
    "Uplands: 41 million pills; 800 kg of heroin; 2,310 arrests",
    "Northwestern: 33 million pills; 640 kg of heroin; 4,120 arrests",
    "Coastal (including Avalon): 16 million pills; 95 kg of heroin; 1,870 arrests",
    "Avalon alone accounted for 960 of the coastal region's arrests, the city police said.",
  ].join("\n\n"),
);

describe("rows under a lead-in that goes by place", () => {
  it("are figures for the place each row names", () => {
    expect(answer("uplands arrests?", release).facts[0]?.value).toBe(2310);
    expect(answer("how much heroin was seized in coastal", release).facts[0]?.value).toBe(95);
  });

  it("rank those places against each other", () => {
    const got = answer("which region had the most arrests", release);
    expect(got.facts[0]).toMatchObject({ value: 4120, places: ["Northwestern"] });
  });

  it("leave a city the row only includes to its own figure", () => {
    expect(answer("how many arrests in avalon", release).facts[0]?.value).toBe(960);
  });

  it("are asked by a compass adjective's noun", () => {
    expect(answer("northwest region pill seizures, how many", release).facts[0]?.value).toBe(
      33_000_000,
    );
  });

  it("are no places under a lead-in that goes by something else", () => {
    const shifts = invented(
      "Harbour sweep\n\nArrests by shift, spring 2031:\n\nNight: 120 arrests\n\nDay: 80 arrests\n",
    );
    expect(answer("night arrests?", shifts).facts[0]?.places).toEqual([]);
  });
});

describe("a drug and the verb that took it", () => {
  it("asks its weight, not the seizures beside it", () => {
    expect(understand("heroin seized in the uplands?").measure.expected.kind).toBe("mass");
    expect(understand("cocaine intercepted last year").measure.expected.kind).toBe("mass");
    const row = invented(
      "Patrol year\n\nOther major contributors included:\n\nCutter Tern (Capt. A. Lee): 12,400 pounds of heroin, 9 interdictions, Outer Shoals\n",
    );
    expect(answer("heroin seized by cutter tern?", row).facts[0]?.value).toBe(12_400);
  });

  it("is no weight where the drug modifies another noun or the verb is not a seizure", () => {
    expect(understand("heroin cases in 2030").measure.expected.kind).toBeNull();
    expect(understand("why are drugs treated as a priority").measure.expected.kind).toBeNull();
    expect(understand("how many heroin seizures were made").measure.expected.kind).not.toBe("mass");
  });
});
