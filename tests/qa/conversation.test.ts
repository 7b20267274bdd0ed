import { describe, expect, it } from "vitest";
import { answer, reply } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { splitQuestions } from "../../src/qa/split.js";

// An invented report: two provinces, a national total and a campaign with its own figures.
const REPORT = [
  "Police across the country cracked 4,120 drug cases and arrested 5,310 suspects, seizing 3.6 tons of drugs.",
  "In Hunan, police cracked 210 drug cases and seized 95 kilograms of drugs.",
  "In Hubei, police cracked 180 drug cases and seized 61 kilograms of drugs.",
  "The harbour campaign dismantled 37 smuggling gangs and caught 12 fugitives.",
  "Of the drugs seized nationwide, 1.2 tons were heroin.",
].join("\n\n");
const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

function askedAfter(previousQuestion: string, question: string) {
  const previous = reply(previousQuestion, index).query;
  return answer(question, index, { previous });
}

describe("follow-ups", () => {
  it("a new place keeps the previous measure", () => {
    const got = askedAfter("how many cases did hunan crack", "and hubei?");
    expect(got.facts[0]?.value).toBe(180);
    expect(got.followsOn).toBe("cases");
  });

  it("a new measure that points back keeps the previous filter", () => {
    const got = askedAfter("how many cases did hunan crack", "n how much drugs did they seize");
    expect(got.facts[0]?.value).toBe(95);
    expect(got.followsOn).toBe("hunan");
  });

  it("asking of part of it keeps the measure and narrows what is counted", () => {
    const got = askedAfter("how many tons of drugs were seized", "how much of it was heroin");
    expect(got.facts[0]?.value).toBe(1.2);
    expect(got.followsOn).toBe("drugs");
  });

  it("a follow-up that finds nothing with the previous measure is answered on its own", () => {
    // The gangs are counted only for the campaign: Hubei's own figures answer "hubei?".
    const got = askedAfter("how many smuggling gangs were dismantled", "hubei?");
    expect(got.status).toBe("answered");
    expect(got.facts[0]?.value).toBe(180);
    expect(got.followsOn).toBeUndefined();
  });

  it("but a previous question about a thing the report never mentions keeps its refusal", () => {
    const got = askedAfter("how much cocaine was seized", "and hubei?");
    expect(got.status).toBe("not_found");
    expect(got.facts).toEqual([]);
  });

  it("a question with its own verb and no lead-in is no new filter on the previous one", () => {
    const got = askedAfter(
      "which campaign dismantled the gangs",
      "did hubei seize more than hunan",
    );
    expect(got.followsOn).toBeUndefined();
    expect(got.facts[0]?.value).toBe(95);
  });

  it("a place with a thing of its own, typed with no lead-in, is a terse question of its own", () => {
    const got = askedAfter("how many cases did hunan crack", "hubei kilograms of drugs");
    expect(got.followsOn).toBeUndefined();
    expect(got.facts[0]?.value).toBe(61);
  });

  it("a question that stands on its own ignores the previous one", () => {
    const got = askedAfter("how many cases did hunan crack", "how many suspects were arrested");
    expect(got.facts[0]?.value).toBe(5310);
    expect(got.followsOn).toBeUndefined();
  });

  it("a unit asked after 'and' is a new measure under the previous filter", () => {
    const got = askedAfter("harbour campaign how many gangs", "n how many fugitives?");
    expect(got.facts[0]?.value).toBe(12);
    const weight = askedAfter("hunan how many cases", "n kg siezed?");
    expect(weight.facts[0]?.value).toBe(95);
  });

  it("a topic typed before 'how many' is a filter, not the thing counted", () => {
    expect(answer("harbour campaign how many caught", index).facts[0]?.value).toBe(12);
  });

  it("a bare name after a question about a person asks the same of that person", () => {
    // Invented: two defendants with their ages.
    const people = buildReportIndex(
      [
        "Indictment unsealed",
        "Rowan T. Pike, 41, of Dover, was charged with conspiracy.",
        "Ada M. Lund, 29, of Dover, was charged with money laundering.",
      ].join("\n\n"),
      { name: "people.txt", version: null },
    );
    const previous = reply("How old is Rowan T. Pike?", people).query;
    expect(answer("and ada?", people, { previous }).facts[0]?.value).toBe(29);
  });

  it("'how many cases was that' counts what the previous question asked in a new unit", () => {
    // Invented: the national count of cases, and the cases a ketamine haul came from.
    const labs = buildReportIndex(
      [
        "Drug results",
        "Police cracked 4,000 drug cases in all.",
        "A total of 9 drug-making cases were cracked, and 300 kg of ketamine were seized.",
      ].join("\n\n"),
      { name: "labs.txt", version: null },
    );
    const previous = reply("how much ketamine from the drug making", labs).query;
    expect(answer("n how many cases was that", labs, { previous }).facts[0]?.value).toBe(9);
  });

  it("a bare place after a bare place answered with one figure asks that figure's measure", () => {
    // Invented: one province with a single figure, another with two.
    const two = buildReportIndex(
      [
        "Drug results",
        "In Hunan, police seized 95 kilograms of drugs.",
        "In Hubei, police cracked 180 drug cases and seized 61 kilograms of drugs.",
      ].join("\n\n"),
      { name: "two.txt", version: null },
    );
    const previous = reply("hunan?", two).query;
    const got = answer("and hubei?", two, { previous });
    expect(got.facts.map((fact) => fact.value)).toEqual([61]);
    expect(got.followsOn).toBe("drugs");
  });

  it("without a previous question a bare place is not guessed into one", () => {
    expect(answer("and hubei?", index).followsOn).toBeUndefined();
  });
});

describe("several questions in one", () => {
  it("splits plural things joined by and, not coordinated modifiers or verbs", () => {
    expect(splitQuestions("how many gangs and fugitives")).toEqual([
      "how many gangs",
      "how many fugitives",
    ]);
    expect(splitQuestions("how many gangs and fugitives were caught")).toEqual([
      "how many gangs were caught",
      "how many fugitives were caught",
    ]);
    expect(splitQuestions("how many rifle and ammunition cases")).toEqual([
      "how many rifle and ammunition cases",
    ]);
    expect(splitQuestions("how many dealers were charged and convicted")).toEqual([
      "how many dealers were charged and convicted",
    ]);
    expect(splitQuestions("how many arrests? how much cocaine")).toEqual([
      "how many arrests",
      "how much cocaine",
    ]);
  });

  it("splits at 'and' before a preposition and a question word", () => {
    expect(splitQuestions("how many gangs and over how long was that")).toEqual([
      "how many gangs",
      "over how long was that",
    ]);
    expect(splitQuestions("how many fugitives and in what year")).toEqual([
      "how many fugitives",
      "in what year",
    ]);
  });

  it("reads 'over how long', 'over how many months' as the span the report's results cover", () => {
    // Invented: a drive's results over a span up to the report.
    const drive = buildReportIndex(
      `Eastport Harbour Drive Results

In the past three weeks, harbour police arrested 140 couriers under the Eastport Harbour Drive.`,
      { name: "drive.txt", version: null },
    );
    const got = answer("how many couriers were arrested n over how long was that", drive);
    expect(got.facts.map((fact) => fact.value)).toEqual([140]);
    expect(got.text).toContain("**three weeks**");
    const months = answer(
      "over how many weeks were the results of the Eastport Harbour Drive achieved",
      drive,
    );
    // Asked as a figure, the span is one: 3 weeks, from the same sentence.
    expect(months.facts.map((fact) => [fact.value, fact.unit])).toEqual([[3, "week"]]);
    expect(months.citations).toEqual([2]);
  });

  it("answers each part with its own figure and citation", () => {
    const got = answer("how many gangs n fugitives", index);
    expect(got.status).toBe("answered");
    expect(got.facts.map((fact) => fact.value)).toEqual([37, 12]);
    expect(got.citations).toEqual([4]);
    expect(got.text).toContain("37");
    expect(got.text).toContain("12");
  });
});

// Invented: arrests and money measured for several operations, falls in two kinds of crossing.
const OPERATIONS = buildReportIndex(
  [
    "The river operations made 64 arrests. The listed priority cases led to 410 arrests.",
    "A proposed investment of $7.5 million in discretionary funding for the Port Authority. A proposed investment of $2.1 million for coastal patrols.",
    "Unlawful river crossings are down 61%. Canoe landings are down 88%.",
    "In Lakeshire, patrols ran for five days and stopped 320 boats.",
  ].join("\n\n"),
  { name: "operations.txt", version: null },
);

function followedBy(previousQuestion: string, question: string) {
  const previous = reply(previousQuestion, OPERATIONS).query;
  return answer(question, OPERATIONS, { previous });
}

describe("follow-ups that keep a measure", () => {
  it("swap the topic, not the measure, when what was counted is an action", () => {
    const got = followedBy("river ops how many arrests", "what about the listed priority cases?");
    expect(got.facts[0]?.value).toBe(410);
    expect(got.followsOn).toBe("arrests");
  });

  it("swap what money is for, keeping the money", () => {
    const got = followedBy(
      "how much money for the Port Authority is proposed",
      "what about coastal patrols?",
    );
    expect(got.facts[0]?.value).toBe(2_100_000);
  });

  it("swap the whole thing a change was asked of", () => {
    const got = followedBy("by how much are unlawful river crossings down?", "and canoe landings?");
    expect(got.facts[0]?.value).toBe(88);
  });

  it("lead a place's figures with its results, not how long something lasted", () => {
    const got = followedBy("how many boats were stopped in the river ops", "lakeshire?");
    expect(got.facts[0]?.value).toBe(320);
  });
});
