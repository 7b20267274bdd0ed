import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { contestOptions } from "../../src/qa/understand.js";
import { PATROLS_REPORT } from "../support/patrols.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });
const report = (...paragraphs: string[]) => invented(`${paragraphs.join("\n\n")}\n`);

describe("a contest's options, wherever the question puts them", () => {
  it("reads two options before the contest word ('did A or B get more')", () => {
    expect(contestOptions("did the harbour fund or the river fund get more money")).toEqual([
      "harbour fund",
      "river fund",
    ]);
    expect(
      contestOptions("has the north district or the south district seen fewer arrests"),
    ).toEqual(["north district", "south district"]);
  });

  it("reads two options named before the question proper ('A or B, which had more')", () => {
    expect(contestOptions("night patrols or day patrols, which made more arrests")).toEqual([
      "night patrols",
      "day patrols",
    ]);
    expect(contestOptions("the harbour fund or the river fund who got less")).toEqual([
      "harbour fund",
      "river fund",
    ]);
    // A contest word inside the first part is the question itself, not an option.
    expect(contestOptions("more arrests at night or by day, which")).toEqual([]);
  });

  it("ends a 'vs' option at a comma, either side of it", () => {
    expect(contestOptions("harbour fund vs river fund, who got more $")).toEqual([
      "harbour fund",
      "river fund",
    ]);
    expect(contestOptions("which got more, the harbour fund vs the river fund")).toEqual([
      "harbour fund",
      "river fund",
    ]);
  });

  it("ends a long second option where a place both share begins ('at the ports')", () => {
    expect(
      contestOptions(
        "does the agency scan a bigger share of trucks or private cars at the northern ports",
      ),
    ).toEqual(["trucks", "private cars"]);
  });
});

describe("each option takes the figure its own clause gives it", () => {
  const inspections = report(
    "Inspection plan",
    "The agency now scans about 23 percent of private cars and 71 percent of freight trucks crossing at the northern ports. It wants both above 80 percent.",
  );

  it("gives 'N percent of X' to the X after it, in either order asked", () => {
    const bigger = answer(
      "does the agency scan a bigger share of private cars or freight trucks?",
      inspections,
    );
    expect(bigger.facts.map((fact) => fact.value)).toEqual([71, 23]);
    expect(bigger.text).toMatch(/^\*\*freight trucks\*\*/);
    const smaller = answer("which share is lower, freight trucks or private cars?", inspections);
    expect(smaller.facts[0]?.value).toBe(23);
    expect(smaller.text).toMatch(/^\*\*private cars\*\*/);
  });

  it("gives a figure after a name's comma to that name, the other option's sentence to it", () => {
    const budget = report(
      "Prevention budget",
      "Through the Safe Streets Grants, the office backs 410 youth coalitions. Together these awards total about $48 million. The Regional Narcotics Task Force Program (RNTFP), funded at $215 million, links police agencies in every state.",
    );
    const asked = answer("which gets more money, safe streets grants or RNTFP?", budget);
    expect(asked.facts.map((fact) => fact.value)).toEqual([215_000_000, 48_000_000]);
    expect(asked.text).toMatch(/^\*\*RNTFP\*\*/);
  });

  it("splits one sentence's two figures between the two names before them", () => {
    const grants = report(
      "Grants",
      "The Lakeside program, funded at $3 million, trains nurses, while the Hillcrest program, at $5 million, buys vans.",
    );
    const asked = answer(
      "did the lakeside program or the hillcrest program get more money?",
      grants,
    );
    expect(asked.facts.map((fact) => fact.value)).toEqual([5_000_000, 3_000_000]);
    expect(asked.text).toMatch(/^\*\*hillcrest program\*\*/);
  });
});

describe("each figure of a sentence of several clauses goes to the option its clause names", () => {
  it("gives 'N were sent to A, and M were placed under B' each figure its own clause's option", () => {
    const care = report(
      "Treatment review",
      "The board works with clinics. Since March, the board has ordered 4,200 offenders into residential treatment, and more than 2,900 offenders were placed under home supervision, and about 1,100 offenders were released on parole.",
    );
    const more = answer(
      "were more offenders ordered into residential treatment or placed under home supervision?",
      care,
    );
    expect(more.facts.map((fact) => fact.value)).toEqual([4200, 2900]);
    const fewer = answer(
      "which had fewer offenders, home supervision or residential treatment?",
      care,
    );
    expect(fewer.facts.map((fact) => fact.value)).toEqual([2900, 4200]);
    expect(fewer.text).toMatch(/^\*\*home supervision\*\*/);
  });

  it("reads clauses cut by a semicolon or 'while' the same way", () => {
    const kitchens = report(
      "Kitchen inspections",
      "Inspectors visited every kitchen in the county. They closed 31 restaurants over pest problems; 12 restaurants were shut over blocked fire exits.",
    );
    const fewer = answer("which closed fewer restaurants, fire exits or pests?", kitchens);
    expect(fewer.text).toMatch(/^\*\*fire exits\*\*/);
    expect(fewer.facts[0]?.value).toBe(12);
    const flood = report(
      "Flood relief",
      "After the flood, about 640 families moved into temporary shelters while 310 families stayed with relatives in nearby towns.",
    );
    const asked = answer("did more families move into shelters or stay with relatives?", flood);
    expect(asked.text).toMatch(/^\*\*shelters\*\*/);
    expect(asked.facts.map((fact) => fact.value)).toEqual([640, 310]);
  });

  it("passes over a third clause that names neither option", () => {
    const shots = report(
      "Vaccination drive",
      "The clinic vaccinated 1,500 children at schools, and 900 children were seen at mobile vans, and about 400 children at the clinic itself.",
    );
    const asked = answer("were more children vaccinated at schools or at mobile vans?", shots);
    expect(asked.facts.map((fact) => fact.value)).toEqual([1500, 900]);
  });
});

describe("which named thing of a kind leads", () => {
  it("ranks vessels named beside their figures, in prose and in list rows, not a count of them", () => {
    const patrols = report(
      "Patrol review",
      "The Norfolk-based patrol boat Kestrel, led by Cmdr. Ada Brook, seized about 12,400 pounds of heroin on three patrols.",
      "The patrol boat Osprey seized 9,800 pounds of heroin off the cape.",
      "Patrol boat Heron (Lt. Sam Ruiz): 15,100 pounds of heroin, 4 boardings",
      "Patrol boat Tern (Lt. Ida Vance): 3,300 pounds of heroin, 2 boardings",
      "Together, those four patrol boats seized 40,600 pounds.",
    );
    const top = answer("which patrol boat seized the most heroin?", patrols);
    expect(top.text).toMatch(/^\*\*Heron\*\*/);
    expect(top.facts[0]?.value).toBe(15_100);
    expect(top.citations[0]).toBe(4);
    const least = answer("which boat seized the least heroin?", patrols);
    expect(least.text).toMatch(/^\*\*Tern\*\*/);
  });

  it("ranks people by their terms, months and years compared as one span", () => {
    const court = report(
      "Three defendants sentenced",
      "Ana Maria Soto, 38, of Eastport, was sentenced to 200 months.",
      "Peter James Holt, 44, of Westport, received 9 years.",
      "Lena Ruth Park, 30, of Milton, was sentenced to 96 months.",
      "Holt's lawyer, Victor Lane, had asked for 5 years.",
    );
    const shortest = answer("which defendant got the shortest sentence?", court);
    expect(shortest.text).toMatch(/^\*\*Lena Ruth Park\*\*/);
    expect(shortest.facts[0]?.value).toBe(96);
    const longest = answer("which defendant got the longest sentence?", court);
    expect(longest.text).toMatch(/^\*\*Ana Maria Soto\*\*/);
    expect(longest.facts.map((fact) => fact.value)).toEqual([200, 9, 96]);
  });
});

describe("two people's terms set side by side", () => {
  it("gives each the span its own clause states, never their age, and compares in one unit", () => {
    const court = report(
      "Two couriers sentenced",
      "Omar Felix Reyna, 39, of Eastport, described by agents as the ring's main driver, received 14 years and a $2 million forfeiture.",
      "Iris Dawn Calloway, 51, of Westport, who pleaded guilty to conspiracy, was sentenced to 160 months.",
    );
    const longer = answer("who got the longer sentence, calloway or reyna?", court);
    expect(longer.text).toMatch(/^\*\*reyna\*\*/);
    expect(longer.facts.map((fact) => fact.value)).toEqual([14, 160]);
    expect(longer.citations.sort()).toEqual([2, 3]);
    const shorter = answer("who got the shorter sentence, reyna or calloway?", court);
    expect(shorter.text).toMatch(/^\*\*calloway\*\*/);
  });
});

describe("places set beside each other in one list", () => {
  it("takes each place's row of the list, not a lone figure elsewhere that scores higher", () => {
    const sweep = report(
      "Harbour sweep",
      "France, the main landing point for heroin arriving by sea, led both arrests and seizures, according to the agency:",
      "France: 40 arrests, 6.1 tonnes",
      "Italy: 31 arrests, 4.4 tonnes",
      "Greece: 12 arrests, 2.0 tonnes",
      "In Italy, police at the port of Genoa seized 1.2 tonnes of heroin hidden in olive oil drums in a single week.",
    );
    const asked = answer("did italy or greece seize more heroin?", sweep);
    expect(asked.text).toMatch(/^\*\*Italy\*\*/);
    expect(asked.facts.map((fact) => fact.value)).toEqual([4.4, 2.0]);
    expect(asked.citations.sort()).toEqual([4, 5]);
  });
});

describe("a place right after 'which' scopes what is ranked", () => {
  const city = report(
    "Denver midyear crime",
    "Homicides fell in most of Denver's patrol divisions in the first half of 2025.",
    "Division | Homicides 2025 | Homicides 2024",
    "Harbor | 9 | 4",
    "Ridge | 2 | 11",
    "Valley | 5 | 6",
  );

  it("ranks the divisions, each by its figure for the year asked", () => {
    const fewest = answer("which denver patrol division had the fewest homicides in 2025?", city);
    expect(fewest.text).toMatch(/^\*\*Ridge\*\*/);
    expect(fewest.facts[0]?.value).toBe(2);
    const most = answer("which denver patrol division had the most homicides in 2025?", city);
    expect(most.text).toMatch(/^\*\*Harbor\*\*/);
    expect(most.facts[0]?.value).toBe(9);
  });
});

describe("the biggest drop, told by each figure's own words", () => {
  it("reads 'down 12.5%' table cells as decreases and ranks drops, never rises", () => {
    const table = report(
      "Overdose deaths by state",
      "Deaths fell in most states. The steepest drops were in the north:",
      "State | Deaths 2031 | Change from prior year",
      "Maine | 410 | down 12.5%",
      "Vermont | 2,300 | down 31.2%",
      "Oregon | 880 | up 40.1%",
    );
    const drop = answer("which state had the biggest drop in deaths?", table);
    expect(drop.text).toMatch(/^\*\*Vermont\*\*/);
    expect(drop.facts.map((fact) => fact.value)).toEqual([31.2, 12.5]);
  });
});

describe("a contest answer carries its winner and options as structure", () => {
  const patrols = report(PATROLS_REPORT);
  const named = (a: ReturnType<typeof answer>) =>
    a.contest?.options.map((option) => [option.name, option.fact?.value ?? null]);

  it("names the winner of a comparison asked for one, and leads the text with it as before", () => {
    const more = answer("Did Kerala or Goa seize more heroin?", patrols);
    expect(more.contest).toMatchObject({ kind: "comparison", winner: "Goa", level: false });
    expect(named(more)).toEqual([
      ["Goa", 75],
      ["Kerala", 40],
    ]);
    expect(more.text.startsWith("**Goa** — **75 kilograms of heroin**")).toBe(true);
  });

  it("ranks a superlative's options, the leader its winner", () => {
    const most = answer("Which state seized the most heroin?", patrols);
    expect(most.contest?.kind).toBe("superlative");
    expect(most.contest?.winner).toBe("Goa");
    expect(named(most)).toEqual([
      ["Goa", 75],
      ["Kerala", 40],
      ["Punjab", 12],
    ]);
  });

  it("names no winner when none is asked, or when one figure is shared by both sides", () => {
    const sideBySide = answer("kerala vs goa heroin", patrols);
    expect(sideBySide.contest).toMatchObject({ winner: null, level: false });
    expect(named(sideBySide)).toEqual([
      ["Kerala", 40],
      ["Goa", 75],
    ]);
    const shared = answer("Which destroyed more labs, Kerala or Goa?", patrols);
    expect(shared.contest).toMatchObject({ winner: null, level: true });
  });

  it("keeps a side the report gives no figure for, last and with none", () => {
    const missing = answer("did kerala or tibet seize more heroin", patrols);
    expect(named(missing)).toEqual([
      ["Kerala", 40],
      ["Tibet", null],
    ]);
    expect(missing.contest?.winner).toBeNull();
  });

  it("keeps each part of a question that asks several things, with its own winner", () => {
    const both = answer(
      "how many suspects were arrested in kerala and which state seized the most heroin?",
      patrols,
    );
    expect(both.parts?.map((part) => part.question)).toEqual([
      "how many suspects were arrested in kerala",
      "which state seized the most heroin",
    ]);
    expect(both.parts?.[0]?.facts.map((fact) => fact.value)).toEqual([12]);
    expect(both.parts?.[1]?.contest?.winner).toBe("Goa");
    expect(both.contest).toBeUndefined();
  });
});

describe("an effort named by its kind, set beside another", () => {
  it("takes the figure for the whole effort, not a local case within it", () => {
    const results = report(
      "Spring results",
      "Police ran two harbour sweeps along the coast, arrested 400 couriers and seized 520 kilograms of drugs.",
      "Third, curb the domestic production of synthetic drugs.",
      "A total of 12 drug-making cases were cracked, and 310 kilograms of drugs were seized.",
      "Police in Leeds destroyed a large drug-making workshop and seized 900 kilograms of drugs.",
    );
    const asked = answer(
      "Did the harbour sweeps or the drug-making crackdown seize more drugs?",
      results,
    );
    expect(asked.text).toMatch(/^\*\*harbour sweeps\*\*/);
    expect(asked.facts.map((fact) => fact.value)).toEqual([520, 310]);
  });
});

describe("a side's figure is of the deed the contest asks", () => {
  it("takes the weight seized over a count of cases launched that names the same drugs", () => {
    // Invented: each sweep's sentence launches drug cases and seizes drugs.
    const sweeps = report(
      "Sweeps",
      "Police launched two harbour sweeps against 40 priority drug smuggling cases, and seized 310 kg of drugs.",
      "The river taskforce investigated 25 major drug gang cases and seized 120 kilograms of assorted drugs.",
    );
    const asked = answer(
      "which seized more drugs: the harbour sweeps against priority smuggling cases or the river taskforce gang cases?",
      sweeps,
    );
    expect(asked.facts.map((fact) => fact.value)).toEqual([310, 120]);
  });
});

describe("a prison term goes to the person its sentence names", () => {
  it("reads the term across the holder's age, a town and a date, a name holding a place too", () => {
    // Invented: "Devon" (a county) inside a full name; statutory terms elsewhere in the report.
    const sentences = report(
      "Sentencing",
      "The conspiracy charge carries a mandatory minimum of 10 years and a maximum of life in prison.",
      "Omar Devon Pike, 38, of Dover, was sentenced in March 2025 to 97 months in prison after pleading guilty.",
      "Ada Lund, 45, of Salem, was sentenced in June 2025 to 151 months in prison for conspiracy.",
    );
    const asked = answer("who got the longer sentence, Pike or Lund?", sentences);
    expect(asked.facts.map((fact) => fact.value)).toEqual([151, 97]);
    expect(asked.text).toMatch(/^\*\*Lund\*\*/);
  });
});

describe("sides set against each other take figures of one kind", () => {
  it("gives a place its count when the other place's count is what is asked", () => {
    // Invented: one force's sentence leads with cash seized, the other's with children.
    const forces = report(
      "Week of action",
      "Kent Police said the force seized 3.1kg of heroin and more than £95,000 in cash during the week, and safeguarded 44 young people.",
      "In Essex, the force reported 63 children safeguarded, the most of any force.",
    );
    const asked = answer("which force safeguarded more kids, Kent or Essex?", forces);
    expect(asked.facts.map((fact) => fact.value)).toEqual([63, 44]);
  });
});

describe("a list's figures answer a contest when no side's own words do", () => {
  it("gives each place its figure in a spoken list under a paragraph naming what is asked", () => {
    // Invented: a briefing's answer lists countries with bare figures after the question.
    const briefing = report(
      "Briefing",
      "Q: On deportations, 90,000 so far this year. How many went to Peru?",
      "OFFICIAL: Peru is the largest by far, about 31,000. After that, Chile, about 12,000; Bolivia, about 9,000; then others. We have also increased deportations by air.",
    );
    const asked = answer("more deportations to chile or bolivia?", briefing);
    expect(asked.status).toBe("answered");
    expect(asked.facts.map((fact) => fact.value)).toEqual([12_000, 9_000]);
  });
});

describe("of three places, the sides are those either side of 'or'", () => {
  // Invented: regional awards as labelled rows, one region named for two states.
  const awards = report(
    "Regional awards",
    "Ohio Valley: $9,120,000 in award in FY2026; an increase of 1.2% from fy2025.",
    "Oregon/Idaho: $8,400,000 in award in FY2026; an increase of 0.4% from fy2025.",
    "Nevada: $7,950,000 in award in FY2026; a decrease of 2.0% from fy2025.",
  );

  it("keeps places joined by '/' as one side, set against the place after 'or'", () => {
    const asked = answer("which got more, Oregon/Idaho or Nevada?", awards);
    expect(asked.status).toBe("answered");
    expect(asked.facts.map((fact) => fact.value)).toEqual([8_400_000, 7_950_000]);
    expect(asked.contest?.options.map((option) => option.name)).toEqual(["Oregon/Idaho", "Nevada"]);
  });

  it("never makes a place outside the 'or' a side", () => {
    const ports = report(
      "Port seizures",
      "Customs at Rotterdam seized 20 tonnes of cocaine in 2025.",
      "By origin: Peru accounted for 6.5 tonnes and Chile for 4.1 tonnes of the Rotterdam total.",
    );
    const asked = answer("did more rotterdam cocaine originate in peru or chile", ports);
    expect(asked.contest?.options.map((option) => option.name)).toEqual(["Peru", "Chile"]);
  });
});

describe("a side with no usable figure takes one stated alike beside the other's", () => {
  it("gives each fund its sum in one sentence though the question names no measure", () => {
    // Invented: two funds' sums in one sentence; "which got more" names nothing measured.
    const funds = report(
      "Annual results",
      "The Harbour Unit arrested 412 suspects and seized 1.9 tonnes of cocaine during the year.",
      "The River Unit arrested 298 suspects and seized 2.6 tonnes of cocaine.",
      "In Texas, officers arrested 150 people; in Ohio, they arrested 95 people.",
      "The Coastal Fund received $12 million and the Border Fund received $18 million.",
    );
    const asked = answer("which got more, the coastal fund or the border fund", funds);
    expect(asked.facts.map((fact) => fact.value)).toEqual([18_000_000, 12_000_000]);
    expect(asked.text).toMatch(/^\*\*border fund\*\*/);
  });
});
