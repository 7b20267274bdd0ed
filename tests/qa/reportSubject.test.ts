import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { isHomeName } from "../../src/qa/names.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });
const value = (question: string, text: string) =>
  answer(question, invented(text)).facts[0]?.value ?? null;

// Invented reports whose unplaced figures are all about the one place or effort they cover.
describe("figures about what the whole report covers", () => {
  it("takes the headline's dateline city as the place of figures that name none", () => {
    const story = [
      "Genoa heroin seizures rise again; Turkey and Iran still main routes",
      "By A. Writer",
      "GENOA, Italy, Feb 2 (Wire) - Customs seized 2.1 tonnes of heroin at the port in 2025.",
      "Officers made 212 separate seizures during the year, against 180 in 2024.",
      "The heroin had an estimated street value of about 310 million euros.",
      "Shipments from Turkey made up 0.9 tonnes, Iran 0.6 tonnes and Pakistan 0.3 tonnes.",
      "A dealer in Genoa paid about 40,000 euros per kilogram, a chemist at the university said.",
    ].join("\n\n");
    expect(value("how many separate seizures were there in genoa", story)).toBe(212);
    expect(value("street value of the genoa heroin in euros?", story)).toBe(310_000_000);
  });

  it("takes an operation named in the opening and again far on as the report's own subject", () => {
    const paragraphs = [
      "State charges 30 in pill ring",
      "Thirty people were charged on Tuesday after a year-long inquiry into a pill ring.",
      "The inquiry, dubbed Operation Lantern, was run by the state police.",
      "Raids",
      "Agents seized 21 firearms and $80,000 in cash during the raids.",
      "Officers also seized 4 kilograms of methamphetamine.",
      "Deaths",
      "The coroner said 12 deaths this year involved pills like those seized in Operation Lantern.",
      "Earlier phase",
      "Operation Lantern began in May. Four couriers charged in an earlier round are awaiting trial.",
      "Prosecutors said more charges may follow.",
    ].join("\n\n");
    expect(value("how many guns were seized in operation lantern", paragraphs)).toBe(21);
    expect(value("how many people were charged in operation lantern", paragraphs)).toBe(30);
  });

  it("does not take a programme the opening only lists for the report's subject", () => {
    const plan = [
      "Safer Harbours Plan",
      "March 3, 2030",
      "The plan gives $900 million to the Dockside Patrol program and $300 million to lifeboat grants.",
      "It also funds 2,000 new harbour officers.",
      "Funding",
      "The Dockside Patrol program would receive $900 million in 2030.",
      "Lifeboat grants would grow to $300 million.",
      "Officers",
      "Most of the 2,000 officers would be hired through the Dockside Patrol program.",
      "States would apply each spring.",
      ...["Ports", "Rescue crews", "Training", "Boats", "Radios", "Piers", "Audits"].map(
        (topic) => `${topic} would be reviewed each year by the harbour board.`,
      ),
    ].join("\n\n");
    const index = invented(plan);
    expect(isHomeName(["Dockside Patrol"], index.report, index.paragraphWords)).toBe(false);
    const named = plan.replace(
      "the Dockside Patrol program and",
      "a drive dubbed Dockside Patrol and",
    );
    const dubbed = invented(named);
    expect(isHomeName(["Dockside Patrol"], dubbed.report, dubbed.paragraphWords)).toBe(true);
  });
});
