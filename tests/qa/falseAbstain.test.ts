import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

// Invented reports: each shape of English once made the engine say it had no figure it has.
describe("a hedging adverb in the question", () => {
  const report = invented(
    "Harbour customs year\n\nOfficers seized 30 tonnes of goods at the harbour in 2024.\n\nSolvents - the liquids used to cut counterfeit perfume - made up 7.5 tonnes of the 30-tonne total.\n\nDuring the raids, officers searched nine warehouses and recovered about $40,000 in cash.\n",
  );

  it("says nothing of which part is asked", () => {
    expect(
      answer("how much of the 30 tonnes was actually solvents?", report).facts[0],
    ).toMatchObject({ value: 7.5 });
  });

  it("is no word the report must use", () => {
    expect(
      answer("how much cash was recovered in the warehouse searches specifically", report).facts[0],
    ).toMatchObject({ value: 40_000 });
  });
});

describe("a year named after the figure's sentence", () => {
  const report = invented(
    "Harbour crime quarter\n\nRobberies at the harbour fell 9% in the first quarter of 2031, the port police said.\n\nThe daily average dropped to 3.1 robberies, from 3.5 a year earlier. The gap is partly down to the extra day in February 2030, a leap year.\n",
  );

  it("dates what follows it, not the figure", () => {
    expect(
      answer("harbour daily average robberies first quarter 2031?", report).facts[0],
    ).toMatchObject({ value: 3.1 });
  });

  it("is asked in chat shorthand too", () => {
    expect(answer("harbour daily avg robberies q1 2031?", report).facts[0]).toMatchObject({
      value: 3.1,
    });
  });
});

describe("chat shorthand", () => {
  const report = invented(
    "Harbour fines\n\nThe port issued 1,200 fines in 2031. The average fine was $85, up from $70.\n\nOfficers in Ohio seized 40 kilograms of cannabis, and officers in Iowa seized 62 kilograms.\n",
  );

  it("reads 'avg' as average", () => {
    expect(answer("what was the avg fine", report).facts[0]).toMatchObject({ value: 85 });
  });

  it("reads 'mor' as more", () => {
    expect(answer("ohio vs iowa who seized mor", report).facts[0]).toMatchObject({ value: 62 });
  });
});

describe("a verb with two senses", () => {
  const removals = invented(
    "Border week in numbers\n\nAgents seized 410 pounds of cocaine at the ports this week.\n\nOfficers carried out 9,300 removals. Removals went to 40 countries, led by Chile (3,100), Peru (2,250) and Bolivia (900).\n",
  );
  const seizures = invented(
    "Port week in numbers\n\nOfficers removed 410 pounds of cocaine from two cargo ships this week.\n\nAnother 90 pounds were removed from a yacht at Pier 4.\n",
  );

  it("means the removals where the report counts removals: a root it shares with them", () => {
    expect(answer("how many people removed to peru", removals).facts[0]).toMatchObject({
      value: 2250,
    });
  });

  it("keeps the report's own sense where the report uses the word itself", () => {
    expect(
      answer("how much cocaine was removed from the cargo ships", seizures).facts[0],
    ).toMatchObject({ value: 410 });
  });
});

describe("a noun and the verb of its root", () => {
  it("meet: 'forfeiture' asks what someone was ordered to forfeit", () => {
    const court = invented(
      "Sentencing\n\nAnn Roe, 51, was sentenced to 96 months in prison and ordered to forfeit $2.2 million. Ben Lowe was sentenced to 40 months.\n",
    );
    expect(answer("ann roe forfeiture amount", court).facts[0]).toMatchObject({
      value: 2_200_000,
    });
  });
});

describe("a row a place labels, with no noun of its own", () => {
  const briefing = invented(
    "Harbour briefing\n\nHarbour thefts fell sharply last year, the port authority said.\n\nThirty ports recorded declines. The steepest were in Ohio (31.4%), Iowa (26.8%) and Utah (22.5%).\n",
  );

  it("is of what its sentences speak of, their verb its own", () => {
    expect(answer("how much did harbour thefts drop in iowa", briefing).facts[0]).toMatchObject({
      value: 26.8,
    });
  });
});

describe("two places in different roles", () => {
  const report = invented(
    "Quarter in review\n\nRobberies across the country fell 12% in the first quarter.\n\nOntario was the exception. The province registered 476 robberies, up from 166 a year earlier. Toronto, the provincial capital, accounted for 301 of those robberies.\n\nOntario and Quebec both opened new patrol units.\n",
  );

  it("are a whole and its part: the part's figure, its paragraph naming the whole", () => {
    expect(
      answer("how many of Ontario's robberies were in Toronto?", report).facts[0],
    ).toMatchObject({ value: 301 });
  });

  it("are not places asked side by side, which no one figure answers", () => {
    expect(answer("how many robberies in Toronto and Quebec?", report).status).not.toBe("answered");
  });
});

describe("the report's home country beside another place", () => {
  it("may be the place a figure is for, its sentence naming the other", () => {
    const order = invented(
      "Executive order on rifle trafficking\n\nWASHINGTON - The United States will act against rifle trafficking, the White House said.\n\nU.S. agents arrested 900 smugglers in 2030. Of the roughly 9,000 rifles recovered in Peru and submitted for tracing, about 61 percent were traced to a source in the United States.\n\nPeru opened 12 new border posts.\n",
    );
    expect(
      answer("what % of rifles recovered in peru were traced to the US", order).facts[0],
    ).toMatchObject({ value: 61 });
  });
});

describe("a subhead over rows with no noun of their own", () => {
  const report = invented(
    'Harbour cocaine record\n\nCustoms officers at the harbour seized 30 tonnes of cocaine in 2031, a record, the customs office said on Monday.\n\n"These are not figures anyone should celebrate," said the head of the harbour customs office, who has led it since 2029.\n\nWhere it came from\n\nEcuador was again the largest point of departure, with 12 tonnes. Officials listed the other main origins as follows:\n\nChile: 8.2 tonnes\n\nPeru: 5.6 tonnes\n',
  );

  it("frames them: 'how much of it came from chile', the pronoun no counted noun", () => {
    expect(answer("how much of it came from chile", report).facts[0]).toMatchObject({
      value: 8.2,
    });
  });
});

describe("a pronoun after 'how much of'", () => {
  it("points back at the thing and counts no noun of its own", () => {
    expect(understand("how much of it came from chile").measure.target).toBeNull();
    expect(understand("how many of them were sent to peru").measure.target).toBeNull();
  });
});

describe("a what-question naming money", () => {
  const awards = invented(
    "Harbour Safety Awards\n\nThe Harbour Safety Fund is awarding $40 million to coastal states in FY2031, the fund said.\n\nOhio: $4,100,000 in award in FY2031; an increase of 2.8% from FY2030.\n\nIowa: $3,200,000 in award in FY2031; an increase of 1.1% from FY2030.\n\nThe Harbour Patrol Grant Program pays for the boats.\n",
  );

  it("expects a sum, not a sentence", () => {
    const reply = answer("what's Ohio's harbour award this year", awards);
    expect(reply.facts[0]).toMatchObject({ value: 4_100_000 });
  });
});

describe("the asker's 'aid'", () => {
  it("is the report's assistance", () => {
    const readout = invented(
      "Harbour readout\n\nThe two ministers met on Monday. In total, the commitments represent $12.5 million in harbour security assistance in FY 2031.\n",
    );
    expect(answer("how much harbour security aid was committed", readout).facts[0]).toMatchObject({
      value: 12_500_000,
    });
  });
});
