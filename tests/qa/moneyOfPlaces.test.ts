import { describe, expect, it } from "vitest";
import { answer, reply } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

// Invented round-ups of awards, one state or county a paragraph, as local papers word them.
const roundup = invented(
  [
    "Harbour safety awards reach the states",
    "Ten states will share $90 million in new harbour safety grants, the Department of Transportation said on Monday.",
    "Pine Tree Gazette: Maine awarded $4.2 million as ferry crossings climb",
    "Ferry operators logged 1,240 crossings in 2030, up from 980 in 2029. Maine will receive the money over two years, including $1.1 million for Cumberland County.",
    "Peach Morning Ledger: Georgia lands $6.5 million for river patrols",
    "The Georgia Department of Natural Resources made 311 boat checks in 2030. The agency plans to use $2.3 million of the new funding for two patrol boats.",
    "Green Hills Courier: Vermont to split $3.9 million among 12 lake patrols",
    "Vermont wardens recorded 57 rescues last summer.",
  ].join("\n\n"),
);

describe("money a place gets, where its sentence names no money", () => {
  it("is the place's sum in a currency, whatever its words", () => {
    expect(answer("how much grant money did maine get?", roundup).facts[0]?.value).toBe(4_200_000);
    expect(answer("vermont's funding?", roundup).facts[0]?.value).toBe(3_900_000);
  });

  it("sets two places' sums side by side", () => {
    const got = answer("did maine or vermont get more grant money", roundup);
    expect(got.status).toBe("answered");
    expect(got.facts.map((f) => f.value).sort()).toEqual([3_900_000, 4_200_000]);
  });

  it("is no sum at all where no place is asked and no words say money", () => {
    const plain = invented(
      "Harbour report\n\nPatrols made 311 boat checks in 2030.\n\nThe harbour authority spent $2 million on new boats.\n",
    );
    expect(answer("how much money went to lifeguard training", plain).status).toBe("not_found");
  });
});

describe("one holder's share of a sum of money", () => {
  it("asks the sum, not a percentage", () => {
    expect(understand("maine's share of the harbour grants?").measure.expected.kind).toBe(
      "currency",
    );
    expect(understand("their cut of the funding").measure.expected.kind).toBe("currency");
    expect(understand("what share of the budget goes to patrols").measure.expected.kind).toBe(
      "percent",
    );
    expect(understand("maine's share of all crossings").measure.expected.kind).toBe("percent");
  });

  it("is answered with the holder's sum", () => {
    expect(answer("maine's share of the harbour grants?", roundup).facts[0]?.value).toBe(4_200_000);
  });
});

describe("how much a holder gets", () => {
  it("asks money, with nothing counted named", () => {
    expect(understand("how much does vermont get").measure).toMatchObject({
      expected: { kind: "currency" },
      concepts: ["cash"],
    });
    expect(understand("how much did the county receive from it").measure.expected.kind).toBe(
      "currency",
    );
  });

  it("is not a passive's 'got'", () => {
    expect(understand("how much got seized").measure.expected.kind).not.toBe("currency");
  });
});

describe("a name a country shares with a US state", () => {
  it("is the state throughout a report at home in the United States", () => {
    const got = answer("how many boat checks did georgia make", roundup);
    expect(got.facts[0]).toMatchObject({ value: 311, places: ["Georgia (US state)"] });
    const alone = answer("georgia?", roundup);
    expect(alone.facts.map((f) => f.value)).toEqual([6_500_000, 311, 2_300_000, 2]);
  });

  it("stays the country in a report elsewhere", () => {
    const abroad = invented(
      "Black Sea patrols\n\nGeorgia seized 40 kilograms of heroin at its border with Armenia, officials in Tbilisi said.\n",
    );
    const got = reply("how much heroin did georgia seize", abroad);
    expect(got.query?.filters.places).toEqual(["Georgia"]);
    expect(got.answer.facts[0]?.value).toBe(40);
  });
});
