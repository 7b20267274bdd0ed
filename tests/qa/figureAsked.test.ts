import { describe, expect, it } from "vitest";
import { ownYearsIn } from "../../src/facts/dates.js";
import { findPeriods } from "../../src/facts/readers/period.js";
import { answer } from "../../src/qa/answer.js";
import { boundsARange } from "../../src/qa/answers/fit.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });
const value = (question: string, text: string) => answer(question, invented(text)).facts[0]?.value;

describe("the figure that counts what is asked", () => {
  it("reads the bounds of an age range as the group's label, not as figures", () => {
    const quote = "Among residents 45 to 59, arrests climbed from 120 to 151.";
    const fact = (text: string) =>
      ({ text, quote }) as unknown as Parameters<typeof boundsARange>[0];
    expect(boundsARange(fact("45"))).toBe(true);
    expect(boundsARange(fact("59"))).toBe(true);
    // "from 120 to 151" is a change between two figures, each a figure.
    expect(boundsARange(fact("120"))).toBe(false);
    expect(boundsARange(fact("151"))).toBe(false);
    const row = (text: string, quote: string) =>
      boundsARange({ text, quote } as unknown as Parameters<typeof boundsARange>[0]);
    expect(row("18", "18 to 24: 77 injuries")).toBe(true);
    expect(row("70", "70 and older: 12 injuries")).toBe(true);
    expect(row("21", "Under 21: 40 injuries")).toBe(true);
    expect(row("77", "18 to 24: 77 injuries")).toBe(false);
    expect(row("10", "10 to 15 boats were stopped.")).toBe(false);
  });

  it("reads whether a figure bounds a range once, however many questions ask it", () => {
    let reads = 0;
    const fact = {
      text: "64",
      get quote() {
        reads++;
        return "Among residents 50 to 64, stops rose.";
      },
    } as unknown as Parameters<typeof boundsARange>[0];
    expect(boundsARange(fact)).toBe(true);
    const once = reads;
    expect(boundsARange(fact)).toBe(true);
    expect(reads).toBe(once);
  });

  it("ends the counted noun at a preposition or a range's number", () => {
    expect(understand("how many injuries among riders 18 to 24").measure.target).toBe("injuries");
    expect(understand("how many arrests across the three towns").measure.target).toBe("arrests");
  });

  it("answers for the age band the question names, whatever its wording", () => {
    const text = [
      "Cycling Injuries in Marlow",
      "Injuries fell by a tenth last year, to 310.",
      "The breakdown by age:",
      "Under 18: 40 injuries",
      "18 to 24: 77 injuries",
      "25 to 44: 121 injuries",
      "45 and older: 72 injuries",
      "Among riders 45 to 64, injuries rose from 50 to 58.",
    ].join("\n\n");
    expect(value("how many injuries among riders 18 to 24", text)).toBe(77);
    expect(value("injuries for cyclists aged 25 to 44?", text)).toBe(121);
  });

  it("answers a question naming no measure with the main figure, not its change", () => {
    const text = [
      "Poisonings Report",
      "Poisonings rose for a third year.",
      "Methadone poisonings fell 12 percent, to 4,410.",
      "Carbon monoxide poisonings climbed to 960, an increase of 140 over the year before.",
    ].join("\n\n");
    expect(value("what about methadone?", text)).toBe(4410);
    expect(value("carbon monoxide poisonings?", text)).toBe(960);
    // A change asked is still answered by the change.
    expect(value("by how much did methadone poisonings fall?", text)).toBe(12);
  });

  it("gives a person's imposed term, not the one asked for nor their age", () => {
    const text = [
      "Three Sentenced in Harbor Smuggling Case",
      "Dana Whitlock, 52, of Rye, was sentenced to 96 months for smuggling.",
      "Whitlock's lawyer asked for a sentence of five years, citing her health.",
      'Luis "Tee-Jay" Marrero, 29, of Dover, was sentenced to 140 months.',
      "Prosecutors sought 20 years for Marrero; the judge settled on less.",
    ].join("\n\n");
    const index = invented(text);
    const got = answer("how long did whitlock get", index);
    expect(got.text).toContain("96 months");
    expect(got.facts[0]?.value).toBe(96);
    expect(answer("what about marrero?", index).facts[0]?.value).toBe(140);
    expect(answer("how long a sentence did prosecutors seek for marrero", index).text).toContain(
      "20 years",
    );
    expect(answer("how old is marrero", index).facts[0]?.value).toBe(29);
  });

  it("dates a figure by its own year, not by the year of the baseline it is set against", () => {
    expect(
      ownYearsIn("and 90 pounds of heroin, the latter up 40% from the 64 pounds seized in 2029."),
    ).toEqual([]);
    expect(ownYearsIn("logged 310 thefts in 2030, down from 402 in 2029.")).toEqual(["2030"]);
    expect(ownYearsIn("arrests rose to 51 in 2030, more than the 44 made in 2028")).toEqual([
      "2030",
    ]);
    const [period] = findPeriods("up 40% from the 64 pounds seized in 2029");
    expect(period?.baselineAt).toBeDefined();
    const text = [
      "Harbor Seizures, First Half of 2030",
      "Officers seized 2.1 tons of cocaine and 90 pounds of heroin, the latter up 40% from the 64 pounds seized in the first half of 2029.",
    ].join("\n\n");
    expect(value("heroin seized in the first half of 2030?", text)).toBe(90);
  });

  it("takes the noun a question of nouns alone names as the thing counted", () => {
    const text = [
      "Riverton Midyear Crime Figures",
      "Police counted 140 people wounded by gunfire in the first half of the year.",
      "In the first half of the year, burglaries fell to 812, and carjackings dropped to 64 from 90.",
    ].join("\n\n");
    expect(value("carjackings in the first half of the year?", text)).toBe(64);
    expect(value("burglaries in the first half of the year?", text)).toBe(812);
  });
});
