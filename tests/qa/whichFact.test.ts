import { describe, expect, it } from "vitest";
import { bodiesInQuestion, reportBodies } from "../../src/facts/bodies.js";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { concept } from "../../src/qa/vocabulary.js";
import { parseReport } from "../../src/report/parse.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

describe("which figure answers, and when none does", () => {
  it("names a national body without its country, in the question and in the report", () => {
    const bodies = reportBodies(parseReport("Title\n\nThe Coast Guard seized 9 boats.\n"));
    const named = bodiesInQuestion("how much does the coast guard get", () => false);
    expect(named.map((body) => body.name)).toEqual(["United States Coast Guard"]);
    expect(named.map((body) => bodies.mentions(body))).toEqual([true]);
    const port = invented(
      "Harbour Budget\n\nThe budget gives $4 million to harbour patrols and $2 million to lifeboats.",
    );
    const got = answer("how much does the budget give the coast guard for patrols", port);
    expect(got.status).toBe("not_found");
    expect(got.facts).toEqual([]);
  });

  it("never answers with a multiplier unless the question asks how many times", () => {
    const towns = invented(
      "Town Crime\n\nThe town saw the third-highest theft rate in the region, nearly six times higher than New York City.\n\nThe port recorded 120 thefts.",
    );
    expect(answer("nyc theft rate?", towns).facts).toEqual([]);
    expect(answer("how many times higher than nyc was the theft rate", towns).facts[0]?.value).toBe(
      6,
    );
  });

  it("keeps 'new' apart from 'news', and reads 'ops' as operations", () => {
    expect(concept("new")).not.toBe(concept("news"));
    expect(concept("news")).toBe(concept("press"));
    const raids = invented(
      "Harbour Raids\n\nThe two harbour operations led to 140 arrests.\n\nThe news conference was short.",
    );
    expect(answer("harbour ops how many arrests", raids).facts[0]?.value).toBe(140);
  });

  it("answers 'when' from the sentence whose date stands by the words asked about", () => {
    const briefing = invented(
      [
        "Harbour Briefing",
        "PORTVILLE -- Harbour police seized 40 boats over the year, officials said at a news conference held on Tuesday.",
        "Also speaking at the news conference held at the port, the harbour master said arrests reached 300 by the end of 2025, and boat thefts fell.",
      ].join("\n\n"),
    );
    expect(answer("when was the news conference held", briefing).citations[0]).toBe(2);
  });

  it("gives no stand-in figure when the best one is the other half's", () => {
    const safety = invented(
      "Harbour Safety\n\nMen make up over 70% of drowning victims at the harbour. Women are also at risk.\n\nLifeguard patrols have cut drownings by as much as 40% in areas where they run.",
    );
    expect(answer("women % of drowning victims", safety).facts).toEqual([]);
    expect(answer("men % of drowning victims", safety).facts[0]?.value).toBe(70);
  });

  it("reads the kind counted after '# of' and in a chat opening, not only after 'how many'", () => {
    const harbour = invented(
      "Harbour Safety\n\nGull wardens met twice this year to plan the season.\n\nThe three patrol groups handed out 200 leaflets.",
    );
    for (const question of ["exact # of gull wardens fined", "gull wardens fined #?"]) {
      const got = answer(question, harbour);
      expect(got.facts, question).toEqual([]);
      expect(got.citations, question).toEqual([2]);
    }
  });

  it("leaves a name the report gives to be figured a sentence after it", () => {
    const plan = invented(
      "Harbour Plan\n\nThe Gull Watch Network (GWN) starts in May. It pays $4 million for lifeboats.\n\nOther harbour programs get $2 million.",
    );
    expect(answer("gull watch network program money?", plan).facts[0]?.value).toBe(4_000_000);
  });

  it("meets 'died' on the report's 'deaths', and a numbered area by its number", () => {
    const city = invented(
      [
        "Harbour City Safety",
        "District | 2025 drowning deaths | 2026 drowning deaths",
        "District 3 | 18 | 14",
        "District 4 | 9 | 11",
      ].join("\n\n"),
    );
    expect(
      answer("how many people died of drowning in district 4 in 2026", city).facts[0]?.value,
    ).toBe(11);
    expect(answer("drowning deaths in district 3 in 2025?", city).facts[0]?.value).toBe(18);
  });

  it("gives no figure for a programme title the report never writes, forgiving an added word", () => {
    const plan = invented(
      "Harbour Plan\n\nThe Harbour Learning Centers program gets $5 million for families in the community.\n\nThe National Harbour Support Fund gets $40 million.",
    );
    const unknown = answer("How much goes to the Harbour Families Support Program?", plan);
    expect(unknown.status).toBe("not_found");
    expect(unknown.facts).toEqual([]);
    const known = answer("How much does the Harbour Community Learning Centers program get?", plan);
    expect(known.facts[0]?.value).toBe(5_000_000);
  });

  it("gives no figure for a kind the report names only among those a larger count covers", () => {
    const city = invented(
      "City Crime\n\nProperty crime, which includes arson, burglary and theft, fell 9% to 900 incidents.\n\nPolice recorded 40 burglaries in May.",
    );
    const arson = answer("how many arsons were reported this year?", city);
    expect(arson.facts).toEqual([]);
    expect(arson.citations).toEqual([2]);
    expect(answer("how many burglaries were recorded in may", city).facts[0]?.value).toBe(40);
  });

  it("reads 'since the drive began' as the period the report's own opening gives, not unknown words", () => {
    const drive = invented(
      [
        "Harbour Drive",
        'Since the "Clean Harbour Drive", 1,300 people were ordered into drug treatment in custody, and more than 840 people were rehabilitated in the community.',
        "Since taking office, the council has arrested 1,500 traffickers, deported 1,390 smugglers, and released 9 suspects.",
      ].join("\n\n"),
    );
    const asked = "How many people were rehabilitated in the community since the drive began?";
    expect(answer(asked, drive).facts[0]?.value).toBe(840);
    expect(answer("how many deported since the council took office", drive).facts[0]?.value).toBe(
      1390,
    );
  });

  it("lets what each figure of one sentence counts decide between them", () => {
    const drives = invented(
      "Harbour Drives\n\nCommanded ten towns including Oakfield, Riverton and Lakeside to launch two cluster drives against 21 county-level target cases, arrested 230 traffickers, and seized 56 kg of drugs.",
    );
    const towns =
      "How many towns were directed to launch the cluster drives against county-level target cases?";
    expect(answer(towns, drives).facts[0]?.value).toBe(10);
    const cases = "how many county-level target cases did the cluster drives go after";
    expect(answer(cases, drives).facts[0]?.value).toBe(21);
  });
});
