import { describe, expect, it } from "vitest";
import { answer, reply } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented report: a budget with named programmes, a list lead-in, and a figure that counts the
// items of a list.
const REPORT = `Riverside Safety Update

The plan provides $9 million for the Flood Watch Network and $4 million for the River Rescue Service.

The Lantern Partnership (LP) will help families in river towns.

The cuts would hurt families in three ways: fewer lifeguards, closing boat clubs and moving repair jobs abroad.

Officers recorded 420 assaults with a weapon and 310 burglaries.

In the first half of 2026 vs. the same period last year:

Thefts are down 12%.

Burglaries are down 9%.

Compared to the peaks of the past decade:

Thefts are down 40%.

Burglaries are down 35%.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("honest abstention on unseen wording", () => {
  it("reads a name typed in lower case and gives no figure where the name has none", () => {
    const got = answer("how much does the lantern partnership get", index);
    expect(got.facts).toEqual([]);
    expect(got.citations).toEqual([3]);
    expect(answer("what did lp say", index).citations[0]).toBe(3);
  });

  it("does not answer a kind of thing the report never names with another kind", () => {
    const got = answer("how many armed robberies were recorded", index);
    expect(got.status).toBe("not_found");
    expect(got.facts).toEqual([]);
    expect(answer("how much funding for quantum radar sets", index).facts).toEqual([]);
    expect(answer("how many assaults were recorded", index).facts[0]?.value).toBe(420);
  });

  it("does not count one item of a list by the number of items", () => {
    const got = answer("how many repair jobs would move abroad", index);
    expect(got.facts).toEqual([]);
    expect(got.citations).toEqual([4]);
  });
});

describe("a word the report uses in another form is no word it never mentions", () => {
  // Invented report: a doer and an act of one root, and a title inside a longer name.
  const hijack = buildReportIndex(
    `Harbour Crime Review

Officers recorded 64 hijacking incidents, and 23 hijacking suspects were charged.

The review seeks the forfeiture of $52,000 in seized cash.

Port Authority Chief Financial Officer Mara Vell said patrols would double.`,
    { name: "invented-hijack.txt", version: null },
  );

  it("does not say the report never mentions a word it writes in another form", () => {
    for (const question of [
      "How many hijackers were charged?",
      "how much seized cash do they want to forfeit",
      "Who is the CFO of the Port Authority?",
    ]) {
      expect(answer(question, hijack).text).not.toMatch(/does not mention/);
    }
    expect(answer("how much seized cash do they want to forfeit", hijack).facts[0]?.value).toBe(
      52000,
    );
  });

  it("still says so of a word it never writes in any form", () => {
    expect(answer("How many carjackers were charged?", hijack).status).toBe("not_found");
    expect(answer("Who is the CTO of the Port Authority?", hijack).status).toBe("not_found");
  });
});

describe("lists and follow-ups", () => {
  it("tells two lists of the same items apart by their lead-in lines", () => {
    expect(answer("thefts down how much vs last year", index).facts[0]?.value).toBe(12);
    expect(answer("thefts down how much from the peak", index).facts[0]?.value).toBe(40);
  });

  it("swaps the subject of a how-much question for the follow-up's", () => {
    const first = reply("how much are thefts down vs the same period last year", index);
    const next = answer("what about burglaries?", index, { previous: first.query });
    expect(next.facts[0]?.value).toBe(9);
  });

  it("compares two named things either side of 'than'", () => {
    const got = answer(
      "was the flood watch network more money than the river rescue service",
      index,
    );
    expect(got.facts.map((fact) => fact.value)).toEqual([9_000_000, 4_000_000]);
  });

  it("gives no figure for a year the report never names, reading 'fy23' as a year", () => {
    const budget = buildReportIndex(
      `Harbour Budget\n\nThe FY2024 budget provides $9 million for river patrols, up from the FY2023 level.\n\nIn 2022, patrols stopped 40 boats.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("how much for river patrols in fy24", budget).facts[0]?.value).toBe(9_000_000);
    const unnamed = answer("how much for river patrols in fy21", budget);
    expect(unnamed.status).toBe("not_found");
    expect(unnamed.facts).toEqual([]);
  });

  it("gives no figure for a compound whose head the report never uses", () => {
    const got = answer("how much does the plan give the flood guard", index);
    expect(got.status).toBe("not_found");
    expect(got.facts).toEqual([]);
  });

  it("never answers money asked with another kind, nor with a figure the question states", () => {
    const works = buildReportIndex(
      `Harbour Works\n\nThe new sea wall now runs 12 miles.\n\nThe plan sets aside $9 million, and $4 million of it goes to pumps.`,
      { name: "invented.txt", version: null },
    );
    const cost = answer("how much has the sea wall cost", works);
    expect(cost.facts).toEqual([]);
    expect(answer("how much of the $9 million goes to pumps", works).facts[0]?.value).toBe(
      4_000_000,
    );
  });

  it("reads a currency by its sign: 'KSh 420 million'", () => {
    const assets = buildReportIndex(`Assets\n\nThe agency froze assets worth KSh 420 million.`, {
      name: "invented.txt",
      version: null,
    });
    expect(answer("how much in assets was frozen", assets).facts[0]?.unit).toBe("KES");
  });

  it("answers 'how much of the $X' only with a part stated beside X", () => {
    const plan = buildReportIndex(
      `Harbour Plan\n\nThe plan invests $9 million over 8 years.\n\nThe lifeboat fund gets $2 million.`,
      { name: "invented.txt", version: null },
    );
    const part = answer("how much of the $9 million goes to lifeboats", plan);
    expect(part.facts).toEqual([]);
  });

  it("gives no figure for a thing the report never names, even after a known measure word", () => {
    for (const question of [
      "how much money went to submarines",
      "how much did the plan give submarines",
      "how much money went to ghost lifeguards",
    ]) {
      const got = answer(question, index);
      expect(got.facts, question).toEqual([]);
    }
    expect(answer("how much money went to the flood watch network", index).facts[0]?.value).toBe(
      9_000_000,
    );
  });

  it("dates an undated paragraph by the period the paragraph before it opens on", () => {
    const year = buildReportIndex(
      `Harbour Crime\n\nIn 2023, the harbour saw 300 thefts.\n\nSo far in 2024, there have been 90 thefts.\n\nThere have been nearly 12 arsons.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("how many arsons in 2024", year).facts[0]?.value).toBe(12);
    expect(answer("how many arsons in 2023", year).facts).toEqual([]);
  });

  it("never answers a count with a time span, nor 'the actual number' with a percentage", () => {
    const down = buildReportIndex(
      `Harbour Crime\n\nThefts are down 18%, the lowest level in 40 years.\n\nThe port has 9 cranes.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("how many thefts were there, actual number", down).facts).toEqual([]);
    expect(answer("theft count?", down).facts).toEqual([]);
  });

  it("never answers a count in so many words with money", () => {
    const costs = buildReportIndex(
      `Harbour Costs\n\nOf the total, $3 billion is attributed to deaths and $2 billion to injuries.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("deaths #s", costs).facts).toEqual([]);
  });

  it("answers a weight asked by its unit only with a weight, and a count never with a percentage", () => {
    const port = buildReportIndex(
      `Harbour Seizures\n\nOfficers seized 3 million doses of heroin.\n\nOverdose deaths fell 14%.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("how many lbs of heroin were seized", port).facts).toEqual([]);
    expect(answer("how many doses of heroin were seized", port).facts[0]?.value).toBe(3_000_000);
    expect(answer("overdose deaths how many", port).facts).toEqual([]);
    expect(answer("by how much did overdose deaths fall", port).facts[0]?.value).toBe(14);
  });

  it("never answers 'this year' with a figure given for last year, but keeps last year as a base", () => {
    const town = buildReportIndex(
      `Harbour Crime\n\nThefts are down 12% so far this year, after the town recorded 310 thefts last year.\n\nBurglaries are down 9% compared with the same period last year.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("theft count so far this year", town).facts).toEqual([]);
    expect(answer("how much are burglaries down this year", town).facts[0]?.value).toBe(9);
  });

  it("does not answer for one half of a whole with the other half's figure", () => {
    const victims = buildReportIndex(
      `Harbour Safety\n\nMen make up over 70% of drowning victims at the harbour. Women are also at risk.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("what share of drowning victims are men", victims).facts[0]?.value).toBe(70);
    expect(answer("what share of drowning victims are women", victims).facts).toEqual([]);
  });

  it("does not take an everyday last word ('the Administration') for a body's name", () => {
    const budget = buildReportIndex(
      [
        "Harbour Budget",
        "The Administration will hire 300 more harbour wardens.",
        "The Coastal Drug Administration (CDA) runs the port lab.",
        "The ferry timetable changes in spring.",
        "Anglers need a licence.",
        "The lighthouse reopens in May.",
      ].join("\n\n"),
      { name: "invented.txt", version: null },
    );
    expect(answer("how many wardens will the administration hire", budget).facts[0]?.value).toBe(
      300,
    );
    expect(answer("how many cda wardens", budget).facts).toEqual([]);
  });

  it("abstains on a chat-style opening naming a kind of thing the report never writes", () => {
    const port = buildReportIndex(
      `Harbour Seizures\n\nOfficers seized 40 boats at the harbour.\n\nThe news conference was held on Monday.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("harbour drones seized #?", port).facts).toEqual([]);
    expect(answer("harbour presses seized #?", port).facts).toEqual([]);
    expect(answer("boats seized #?", port).facts[0]?.value).toBe(40);
  });

  it("answers a question naming one drug only with a figure whose paragraph names it", () => {
    const deaths = buildReportIndex(
      `Harbour Health\n\nThe number of overdose deaths in 2030 was 4,100.\n\nHeroin seizures fell to 12 kilograms.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("how many overdose deaths", deaths).facts[0]?.value).toBe(4100);
    expect(answer("how many heroin overdose deaths", deaths).facts).toEqual([]);
  });

  it("answers a part of a named whole only where the part is stated", () => {
    const costs = buildReportIndex(
      `Harbour Costs\n\nRepairs: $40 million. This amounts to $900 per boat. The costs were borne by owners and insurers.`,
      { name: "invented.txt", version: null },
    );
    expect(answer("how much of the repair cost is paid by insurers", costs).facts).toEqual([]);
  });

  it("cites where the report mentions the thing asked about when no figure answers", () => {
    const trend = buildReportIndex(
      `Harbour Crime\n\nOfficers stopped 40 boats.\n\nThe number of juveniles arrested at the harbour has gone up each year.`,
      { name: "invented.txt", version: null },
    );
    const got = answer("how many juveniles were arrested at the harbour", trend);
    expect(got.facts).toEqual([]);
    expect(got.citations).toEqual([3]);
  });
});

// Invented report: a harbour clean-up whose figures count volunteers, bags and one kind of person,
// and that names a grant without stating any budget.
const HARBOUR = `Harbour Clean-Up Results

The Bayview Harbour clean-up drew 640 volunteers over three weekends, who filled 2,150 bags of litter.

Volunteers treated 85 seabirds caught in fishing line. In the same weekends 312 boat owners were arrested for dumping, and 19 boating poachers were also caught.

Since the clean-up began, 1,300 people were ordered to attend harbour safety classes.

Police officers ran 4 night patrols along the quay.

The clean-up was organised by the Bayview Harbour Trust, which thanked the wardens for their help.`;

const harbour = buildReportIndex(HARBOUR, { name: "harbour.txt", version: null });

describe("the figure counts the thing asked about", () => {
  it("gives no neighbour's figure for a thing the report never counts", () => {
    const got = answer("How many police officers were deployed in the clean-up?", harbour);
    expect(got.status).toBe("not_found");
    expect(got.facts).toEqual([]);
    expect(got.text).toMatch(/officers/);
    expect(answer("How many wardens were deployed in the clean-up?", harbour).facts).toEqual([]);
  });

  it("answers with the figure that counts the noun asked, not the best-scored other count", () => {
    expect(answer("How many poachers were arrested?", harbour).facts[0]?.value).toBe(19);
    expect(answer("How many volunteers took part in the clean-up?", harbour).facts[0]?.value).toBe(
      640,
    );
  });

  it("does not take the name the report is about for the thing a neighbour's figure counts", () => {
    // Invented: a report about one named drive, every figure of which stands by its name.
    const drive = buildReportIndex(
      `Operation Bright Lantern Results

Harbour police ran Operation Bright Lantern in the spring.

Since Operation Bright Lantern began, 2,300 people were placed in treatment under Operation Bright Lantern.

Under Operation Bright Lantern, teams closed 41 drug dens.`,
      { name: "drive.txt", version: null },
    );
    expect(
      answer("How many police officers took part in Operation Bright Lantern?", drive).facts,
    ).toEqual([]);
    expect(
      answer("How many drug dens were closed in Operation Bright Lantern?", drive).facts[0]?.value,
    ).toBe(41);
  });

  it("gives no sentence for a budget the report never states", () => {
    const got = answer("What was the budget allocated to the clean-up?", harbour);
    expect(got.status).toBe("not_found");
    expect(got.text).toMatch(/budget/);
    const trust = answer("what was the trust budget for the harbour", harbour);
    expect(trust.status).toBe("not_found");
    expect(trust.facts).toEqual([]);
  });
});

describe("a part naming no thing leans on the part before it", () => {
  // Invented reports of two shapes: a port's seizures, a city's crime count.
  const port = buildReportIndex(
    `Harbour Customs Review

Officers at Kelby Port seized 420 kilograms of cocaine and made 37 arrests in March.`,
    { name: "port.txt", version: null },
  );
  const city = buildReportIndex(
    `Millbrook Police Monthly

Officers recorded 88 burglaries and recovered 14 stolen cars last month.`,
    { name: "city.txt", version: null },
  );

  it("gives no figure for the second part when the report never mentions the first part's thing", () => {
    const got = answer("how many ivory hauls were there n how much got seized", port);
    expect(got.status).toBe("not_found");
    expect(got.facts).toEqual([]);
    expect(
      answer("how many pangolin raids happened and how many were recovered", city).facts,
    ).toEqual([]);
  });

  it("still answers the second part after a first part the report does answer", () => {
    const got = answer("how many arrests n how much got seized", port);
    expect(got.facts.map((f) => f.value)).toEqual([37, 420]);
  });
});

describe("a kind the report names without a figure, asked in chat order or after the verb", () => {
  // Invented reports: a kind named only in a sentence of aims, beside figures of another kind.
  const patrol = buildReportIndex(
    `Westvale Road Safety Drive

The drive focused on "night racing" on ring roads. Officers handled 640 traffic cases.`,
    { name: "patrol.txt", version: null },
  );
  const clinic = buildReportIndex(
    `Ridgeway Health Outreach

Teams used saliva screening and home visits. Since the spring, it has placed 2,100 people in treatment.`,
    { name: "clinic.txt", version: null },
  );

  it("reads the counted kind before 'how many' at the end of a chat question", () => {
    expect(answer("night racing cases how many", patrol).facts).toEqual([]);
    expect(answer("traffic cases how many", patrol).facts[0]?.value).toBe(640);
  });

  it("reads which people a generic count asks for from the compound after its verb", () => {
    const got = answer("How many people were given saliva drug screening?", clinic);
    expect(got.facts).toEqual([]);
    expect(got.citations).toEqual([2]);
    expect(answer("how many people were placed in treatment", clinic).facts[0]?.value).toBe(2100);
  });

  it("reads the compound after the verb as one kind, though its first word is figured elsewhere", () => {
    // Invented: "night" is figured ("night patrols"), "night racing" only named.
    const roads = buildReportIndex(
      `Westvale Road Safety Drive

Officers ran 210 night patrols and arrested 75 people. The drive also focused on "night racing" on ring roads.`,
      { name: "roads.txt", version: null },
    );
    const got = answer("How many people were caught night racing?", roads);
    expect(got.facts).toEqual([]);
    expect(got.citations).toEqual([2]);
    expect(answer("how many people were arrested", roads).facts[0]?.value).toBe(75);
  });
});

describe("a part of a group the report gives one figure for", () => {
  // Invented reports: two raids given one figure, and two raids given one figure each.
  const raids = buildReportIndex(
    `Harbour Raids

Police ran two harbour raids and arrested 45 people.`,
    { name: "raids.txt", version: null },
  );
  const each = buildReportIndex(
    `Harbour Raids

In the first of the two raids, police arrested 30 people; the second raid netted 15.`,
    { name: "each.txt", version: null },
  );

  it("gives the group's figure for no question about one part of it", () => {
    const got = answer("how many people were arrested in the first of the two raids", raids);
    expect(got.facts).toEqual([]);
    const first = answer("how many people were arrested in the first of the two raids", each);
    expect(first.facts[0]?.value).toBe(30);
  });
});

describe("a figure the report says it does not give", () => {
  // Invented reports of two shapes: a summary that withholds one count, and a release that
  // gives a change but no count.
  const summary = buildReportIndex(
    `Bayfront Ferry Patrol Summary

Patrol boats stopped 310 unlicensed ferries over the year.

The summary did not give a figure for ferries turned back at the harbour mouth.`,
    { name: "summary.txt", version: null },
  );
  const release = buildReportIndex(
    `Lakeside Police Half-Year Release

Burglaries fell 9% to 420. Vehicle break-ins were down about 5%, police said, without releasing exact numbers.`,
    { name: "release.txt", version: null },
  );

  it("says so, citing where, instead of a neighbour's figure", () => {
    const turned = answer("how many ferries were turned back at the harbour mouth", summary);
    expect(turned.facts).toEqual([]);
    expect(turned.citations).toEqual([3]);
    expect(answer("exact number of vehicle break-ins", release).facts).toEqual([]);
  });

  // Invented: a headline naming a channel beside a figure for the whole coast, and a later
  // paragraph saying no figure is given for the channel.
  const channel = buildReportIndex(
    `Coast guard seizes record 96 tonnes of resin as smugglers push up the Harrow channel

Patrols seized 96 tonnes of resin along the coast in 2025, officials said.

The Harrow channel near Dunmere, where smugglers now run boats far inland, was called a growing worry, though officials did not include a figure for it.`,
    { name: "channel.txt", version: null },
  );

  it("says so where the withholding sentence shares as many words as the figure's, and rarer ones", () => {
    const asked = answer("how much got seized on the harrow channel near dunmere?", channel);
    expect(asked.facts).toEqual([]);
    expect(asked.citations).toEqual([3]);
    expect(answer("how much resin was seized along the coast", channel).facts[0]?.value).toBe(96);
  });

  it("still gives the figures it does give", () => {
    expect(answer("how many unlicensed ferries were stopped", summary).facts[0]?.value).toBe(310);
    expect(answer("how many burglaries were there", release).facts[0]?.value).toBe(420);
  });
});

describe("a question ending on its own verb after 'did the <subject>'", () => {
  const patrols = buildReportIndex(
    "Coast patrols\n\nThe coastal patrols boarded 42 fishing boats and cut loose 17 illegal nets.\n",
    { name: "invented.txt", version: null },
  );

  it("answers, the subject and the asker's verb being no unknown thing", () => {
    const asked = answer("how many fishing boats did the coastal patrols hit", patrols);
    expect(asked.status).toBe("answered");
    expect(asked.facts[0]?.value).toBe(42);
  });

  it("still says so when the thing counted at the end is unknown", () => {
    const asked = answer("how many were seized by the ghost drones", patrols);
    expect(asked.status).toBe("not_found");
  });
});
