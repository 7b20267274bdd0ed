import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

// Invented briefings and wire copy.
describe("a figure whose subject only points back", () => {
  const briefing = invented(
    "Crime briefing\n\nBurglaries climbed for a decade. They are now levelling off. In Ohio they are down about 14 percent; in Iowa, 8 percent; in Utah, 5 percent.\n\nRobberies are still rising in some states. The rises are steepest in the South. Texas is up about 31 percent, Kansas about 19 percent, Alabama about 11 percent.\n",
  );

  it("is of the thing the sentences before it name, in an elliptical list of places", () => {
    expect(answer("ohio burglaries down by how much", briefing).facts[0]).toMatchObject({
      value: 14,
    });
    expect(answer("how much have burglaries fallen in iowa?", briefing).facts[0]).toMatchObject({
      value: 8,
    });
  });

  it("is of the thing named two sentences back, for places that open their clauses", () => {
    expect(answer("how much are robberies up in kansas", briefing).facts[0]).toMatchObject({
      value: 19,
    });
  });

  it("compares places of one list", () => {
    const reply = answer("bigger drop in burglaries, iowa or utah?", briefing);
    expect(reply.facts[0]).toMatchObject({ value: 8, places: ["Iowa"] });
  });

  it("says nothing of a thing only another paragraph names", () => {
    const wire = invented(
      "Harbour news\n\nTolls were raised in March. Ohio is up about 12 percent, Iowa about 9 percent.\n\nFares were cut in Iowa and Ohio.\n",
    );
    expect(answer("how much are fares up in ohio", wire).status).not.toBe("answered");
    expect(answer("how much are tolls up in iowa", wire).facts[0]).toMatchObject({ value: 9 });
  });
});

describe("the asker's word for the most recent", () => {
  it("is the report's 'last': 'the latest round' asks the last round's figure", () => {
    const grants = invented(
      "Grant update\n\nThe harbour fund grew this year. Ohio, for example, went from $4.1 million to $5.2 million in this last round.\n",
    );
    expect(answer("ohio harbour fund money in the latest round", grants).facts[0]).toMatchObject({
      value: 5_200_000,
    });
    expect(answer("newest round of harbour fund money for ohio?", grants).status).toBe("answered");
  });
});

describe("a thing named in a sentence of its own", () => {
  const briefing = invented(
    "Harbour briefing\n\nTwo things helped. First, the transit card. Since it went on sale in May, kiosks have sold more than 40,000 cards without a discount.\n\nDrink-driving is a worry. Police recorded 300 speeding cases.\n",
  );

  it("is counted by the next sentence when that one points back to it", () => {
    expect(answer("how many transit cards sold", briefing).facts[0]).toMatchObject({
      value: 40_000,
      unit: "card",
    });
  });

  it("is not counted by a next sentence that counts something else", () => {
    expect(answer("how many drink-driving cases", briefing).status).toBe("not_found");
  });
});

describe("a figure set against two baselines", () => {
  const wire = invented(
    "Harbour thefts\n\nMILLTOWN — Milltown recorded 40 burglaries in the first six months of 2031, police said.\n\nThe total is down 20% from the 50 recorded between Jan. 1 and June 30, 2030.\n\nBoat thefts remain a problem. The harbour unit logged 312 stolen boats through June, down 9% from 343 a year earlier but up 30% from the 240 reported in the first half of 2027.\n",
  );

  it("is of the report's own year, the baselines' periods dating only their figures", () => {
    expect(answer("how many boats were stolen through june 2031", wire).facts[0]).toMatchObject({
      value: 312,
    });
  });
});

describe("a by-place table under a name that holds the place", () => {
  const update = invented(
    "Midyear update\n\nThe Milltown Police Department (MPD) released figures Monday.\n\nThe North Patrol Division, which covers neighborhoods north of Elm Avenue, again accounted for the most burglaries, with 19, but that was down from 29 at the same point last year. South Patrol recorded 14 burglaries.\n\nMidyear figures by patrol division, Jan. 1 to June 30\n\nDivision | Burglaries 2031 | Burglaries 2030 | Robberies 2031\n\nNorth | 19 | 29 | 33\n\nSouth | 14 | 12 | 21\n",
  );

  it("answers for the name by its place's row", () => {
    expect(
      answer("How many robberies did MPD's North Patrol Division have at midyear 2031?", update)
        .facts[0],
    ).toMatchObject({ value: 33 });
  });

  it("leaves a baseline's period to the baseline, a phrase before it", () => {
    const wire = invented(
      "Midyear update\n\nThe Northgate Patrol Division again led the region, with 19 arrests, but that was down from 29 at the same point last year. The Southgate Patrol Division recorded 14 arrests.\n\nBy office:\n\nNorthgate: 40 seizures in 2031; 31 seizures in 2030.\n",
    );
    expect(
      answer("how many arrests did the Northgate Patrol Division make in 2031", wire).facts[0],
    ).toMatchObject({ value: 19 });
  });
});

describe("a body asked by its acronym", () => {
  it("is stated by a sentence that spells its name out", () => {
    const sheet = invented(
      "By the numbers\n\nCBP and Homeland Security Investigations seized 4,100 pounds of fentanyl.\n\nThe Coast Guard offloaded 9,000 pounds of cocaine.\n\nBorder agents made 1,200 arrests.\n\nThe Marshals Service found 30 missing children.\n\nThe DEA closed 12 pill mills.\n\nIn Ohio, HSI agents arrested 40 suspects.\n",
    );
    expect(answer("how much fentanyl did cbp and hsi seize", sheet).facts[0]).toMatchObject({
      value: 4100,
    });
    expect(answer("how many suspects did hsi arrest", sheet).facts[0]).toMatchObject({
      value: 40,
    });
  });
});

describe("the document asked about by its kind", () => {
  const transcript = invented(
    "Press Briefing by the Harbour Commissioner\n\nPier 4 Briefing Room\n\nMay 3, 2031\n\nMS. LEE: Good afternoon. Police made 40 arrests at the docks this week.\n\nQ: How many of those were for theft?\n\nMS. LEE: About half.\n",
  );

  it("is the report itself: its dateline answers when it was held", () => {
    expect(answer("when was this briefing held", transcript).text).toContain("May 3, 2031");
    expect(answer("what day was the briefing?", transcript).text).toContain("May 3, 2031");
  });

  it("is not the report when its title calls it something else", () => {
    const wire = invented(
      "Harbour police results\n\nMay 3, 2031\n\nPolice made 40 arrests. The commissioner held a briefing on the docks last year.\n",
    );
    expect(answer("when was the briefing held", wire).text).not.toContain("May 3, 2031");
  });
});

describe("a transcript's figures", () => {
  it("come from the answers, not from a reporter's question", () => {
    const transcript = invented(
      "Press Briefing by the Harbour Commissioner\n\nMay 3, 2031\n\nMS. LEE: Good afternoon. The budget asks the council for $40 million to repair the piers and dredge the channel.\n\nQ: And is the city still asking for the $2 million for piers?\n\nMS. LEE: Yes. The council should take it up.\n",
    );
    expect(answer("how much is the budget asking for piers", transcript).facts[0]).toMatchObject({
      value: 40_000_000,
    });
  });
});

describe("a count beside its change", () => {
  const bulletin = invented(
    "Harbour bulletin\n\nNew figures came out today. They show that ferry crossings fell about 4 percent over the 12 months ending in March 2031, to an estimated 88,200.\n",
  );

  it("answers a question that asks only the thing, its period a span and no figure", () => {
    expect(
      answer("ferry crossings in the 12 months to march 2031?", bulletin).facts[0],
    ).toMatchObject({ value: 88_200 });
    expect(answer("how much did ferry crossings fall?", bulletin).facts[0]).toMatchObject({
      value: 4,
    });
  });
});

// Invented charging story: counties listed as labelled rows under a heading.
describe("a county the report lists as a labelled row", () => {
  const story = invented(
    "Ring charged\n\nProsecutors charged 30 people in a fraud ring across three counties of Ohio.\n\nDefendants by county\n\nEssax County: 14 defendants, most from Lakeview\n\nDevan County: 9, including two nurses\n\nMarlow County: 7\n",
  );

  it("is answered by its row, not a gazetteer place one letter from its name", () => {
    const reply = answer("devan county defendants how many", story);
    expect(reply.facts[0]).toMatchObject({ value: 9, places: ["Devan County"] });
  });

  it("takes the heading's noun for its bare row", () => {
    expect(answer("how many defendants in marlow county", story).facts[0]).toMatchObject({
      value: 7,
    });
  });
});

// Invented stories about named operations, long enough that a name in one paragraph is no
// subject of the whole report by its share of paragraphs.
describe("a figure of the one operation a story names", () => {
  const filler =
    "\n\nThe county has seen a rise in overdoses. Officials urged residents to report dealers.\n\nA hearing is set for next month in the county court.\n\nDefense lawyers declined to comment on Wednesday.\n\nThe sheriff thanked the state police for their help.\n";
  const one = invented(
    `Ring taken down\n\nState agents arrested 22 people on Tuesday after a year-long inquiry.\n\nThe inquiry, dubbed Operation Tallowmere, was run by the state police. Prosecutors called the case the largest in a decade.\n\nAgents seized 18 rifles and $240,500 in cash from two houses, officials said.\n\nA judge set bail at $1 million for the alleged leader.${filler}`,
  );
  const two = invented(
    `Two rings taken down\n\nState agents made arrests across the county this week.\n\nThey arrested 22 people on Tuesday in Operation Tallowmere.\n\nIn a separate case, Operation Brisket, police seized 18 rifles and $240,500 in cash.${filler}`,
  );

  it("is the operation's, though its sentence does not restate the name", () => {
    expect(
      answer("how much cash did agents grab in the tallowmere case", one).facts[0],
    ).toMatchObject({ value: 240500 });
    expect(
      answer("how many rifles were seized in operation tallowmere", one).facts[0],
    ).toMatchObject({ value: 18 });
  });

  it("is no programme's that a plan on something else mentions in passing", () => {
    const plan = invented(
      `Safer towns plan\n\nThe plan provides $3.2 billion in funding for police hiring over five years.\n\nIt adds 9,000 officers in small towns.${filler}\n\nThese grants work alongside the Project Quiet Streets partnerships in every district.\n`,
    );
    const reply = answer("how much funding goes to project quiet streets", plan);
    expect(reply.facts).toEqual([]);
  });

  it("is the operation's when its paragraph opens by pointing back at the one before", () => {
    const story = invented(
      `Port seizures\n\nCustoms seized 40 tonnes of cocaine at the port in 2025.\n\nOfficers searched 3,000 containers.${filler}\n\nA third of the haul came from one inquiry, code-named Operation Brisket, made public on Thursday.\n\nThe operation led to 31 arrests in Spain and 9 elsewhere.\n\nSeparately, police made 120 arrests at the port in 2025.\n`,
    );
    expect(answer("how many arrests in spain in operation brisket", story).facts[0]).toMatchObject({
      value: 31,
    });
    expect(
      answer("how many arrests at the port in operation brisket", story).facts.map((f) => f.value),
    ).not.toContain(120);
  });

  it("is not taken for another operation the story also names", () => {
    const reply = answer("how much cash was seized in operation tallowmere", two);
    expect(reply.facts.map((f) => f.value)).not.toContain(240500);
  });
});

// Invented spending plan: sums given for what they buy.
describe("a sum asked for what it pays for", () => {
  const plan = invented(
    "City safety plan\n\nThe city will provide $3 million to buy 200 body cameras for officers. The state will give $1.2 million for 40 new radios.\n\nThe plan also funds $500,000 in overtime, and police seized 12 kilograms of heroin last year.\n",
  );

  it("is money when 'how much' goes with a word the lexicon files with money", () => {
    expect(understand("how much is the state paying for the radios").measure.expected.kind).toBe(
      "currency",
    );
    expect(understand("how much did the county grant the shelters").measure.expected.kind).toBe(
      "currency",
    );
    expect(understand("how much heroin was seized").measure.expected.kind).toBe("mass");
    expect(understand("how many grants were awarded").measure.expected.kind).toBeNull();
  });

  it("is the sum whose purpose names the thing, past the count it buys", () => {
    expect(answer("how much is the state paying for the radios", plan).facts[0]).toMatchObject({
      value: 1_200_000,
    });
    expect(answer("how much did the state grant for radios", plan).facts[0]).toMatchObject({
      value: 1_200_000,
    });
    expect(answer("how much is the city paying for the body cameras", plan).facts[0]).toMatchObject(
      { value: 3_000_000 },
    );
  });

  it("leaves the count itself to 'how many'", () => {
    expect(answer("how many radios", plan).facts[0]).toMatchObject({ value: 40 });
  });
});

// Invented proclamation: a running total counted from a year the opening does not name.
describe("a running total asked 'since' its first year", () => {
  const proclamation = invented(
    "Proclamation on Water Safety Week, 2024\n\nDrownings fell by 6 percent across the country in 2024.\n\nEvery summer, families gather at lakes and beaches.\n\nToo many of those trips end in grief.\n\nWe can change that together.\n\nThis year the agency awarded $40 million in water safety grants. Since 2019, these grants have helped train more than 12,000 lifeguards and hand out 300,000 life jackets.\n",
  );

  it("is dated by the year it counts from", () => {
    expect(answer("how many lifeguards trained since 2019", proclamation).facts[0]).toMatchObject({
      value: 12_000,
    });
    expect(
      answer("life jackets handed out since 2019 thru the safety grants?", proclamation).facts[0],
    ).toMatchObject({ value: 300_000 });
  });

  it("does not answer from another first year", () => {
    expect(answer("how many life jackets since 2021", proclamation).facts).toEqual([]);
  });
});
