import { describe, expect, it } from "vitest";
import { findPlacesInQuestion } from "../../src/facts/places.js";
import { reply } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";
import { concept } from "../../src/qa/vocabulary.js";

// An invented report whose spokesman's surname is one letter away from a capital city.
const REPORT = [
  "Customs officers seized 48 kilograms of cocaine at the northern port.",
  "Spokesman Lee Parris said 9 suspects were charged.",
].join("\n\n");
const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("the question's language", () => {
  it("never reads a word the report uses as a misspelt place", () => {
    expect(findPlacesInQuestion("what did parris say").map((m) => m.place.name)).toEqual(["Paris"]);
    expect(reply("what did parris say", index).query?.filters.places).toEqual([]);
  });

  it("never reads an English word as a misspelt place, without a word list", () => {
    expect(findPlacesInQuestion("what is the value of the meat")).toEqual([]);
    expect(findPlacesInQuestion("how much did ontraio seize").map((m) => m.place.name)).toEqual([
      "Ontario",
    ]);
  });

  it("answers slang and typos from the report's own words", () => {
    expect(reply("how much coke was siezed", index).answer.facts[0]?.value).toBe(48);
    expect(reply("how many ppl got charged", index).answer.facts[0]?.value).toBe(9);
  });

  it("reads chat's 'od' as overdose and 'ops' as operations", () => {
    const chat = buildReportIndex(
      "Overdose deaths fell 14% in the county. The harbour operations made 62 arrests.",
      { name: "invented-chat.txt", version: null },
    );
    expect(reply("od deaths down how much", chat).answer.facts[0]?.value).toBe(14);
    expect(reply("harbour ops how many arrests", chat).answer.facts[0]?.value).toBe(62);
  });

  it("reads a slang verb with two senses as the one sense the report uses", () => {
    const arrests = buildReportIndex("Officers arrested 31 members of the Harbor Kings crew.", {
      name: "invented-arrests.txt",
      version: null,
    });
    const cracked = buildReportIndex("Detectives cracked 12 smuggling rings in the spring.", {
      name: "invented-rings.txt",
      version: null,
    });
    expect(reply("how many harbor kings members got busted", arrests).answer.facts[0]?.value).toBe(
      31,
    );
    expect(reply("how many rings were busted", cracked).answer.facts[0]?.value).toBe(12);
  });

  it("folds a synonym marked as a whole word without folding the other word its stem spells", () => {
    expect(concept("planes")).toBe(concept("aircraft"));
    expect(concept("plan")).not.toBe(concept("aircraft"));
    expect(concept("wanted")).not.toBe(concept("want"));
  });

  it("counts the noun after 'how many' even when the question names money elsewhere", () => {
    const query = understand("how many nurses does the budget plan to hire");
    expect(query.measure.expected).toEqual({ kind: null, unit: "person" });
  });
});
