import { describe, expect, it } from "vitest";
import { abbreviates } from "../../src/facts/acronyms.js";
import { answer, reply } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";
import { contestOptions, understand } from "../../src/qa/understand.js";
import { DEFAULT_WEIGHTS } from "../../src/qa/weights.js";

// Invented report: programme budgets, a named body without a figure, seizures of several drugs,
// a sentencing and a dated solicitation.
const REPORT = `Harbour Safety Budget Fact Sheet

The Budget provides $40 million for the Coastal Interdiction Service and $12 million for the Harbour Patrol Unit (HPU).

The Budget also invests $7 million in the Youth Mentoring Fund. The Lighthouse Grants programme will support families in port towns.

Officers seized 2,400 pounds of cocaine, 310 pounds of heroin and 95 pounds of fentanyl during the year.

A smuggler was sentenced to 27 months in prison after a trial in the port court.

The mentoring solicitation opened on March 3, 2025. It will close on May 30, 2025.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("the typed Query", () => {
  it("is plain JSON data, so a conversation can pass it back", () => {
    const { query } = reply("How much does the Harbour Patrol Unit get?", index);
    expect(query).not.toBeNull();
    expect(JSON.parse(JSON.stringify(query))).toEqual(query);
  });

  it("reads the operation a question asks for", () => {
    expect(understand("which drug was seized the most?").op).toBe("max");
    expect(understand("which drug was seized the most?").rankedThing).toBe("drug");
    expect(understand("which is bigger, the HPU or the Youth Mentoring Fund?").op).toBe("compare");
    expect(understand("how many pounds of cocaine were seized?").op).toBe("lookup");
  });

  it("takes a contest's options from the first colon or comma after its contest word", () => {
    expect(
      contestOptions("Which came in the largest amount: cocaine, heroin or fentanyl?"),
    ).toEqual(["cocaine", "heroin", "fentanyl"]);
    expect(contestOptions("Who gets more, the HPU or the Youth Mentoring Fund?")).toEqual([
      "HPU",
      "Youth Mentoring Fund",
    ]);
    expect(contestOptions("how many pounds of cocaine or heroin were seized")).toEqual([]);
  });

  it("takes two options either side of one 'or' when there is no list", () => {
    expect(
      contestOptions("were more boats stopped in the night patrols or the day patrols?"),
    ).toEqual(["night patrols", "day patrols"]);
  });
});

describe("names and acronyms", () => {
  it("knows an acronym from the leading letters of a name's words", () => {
    expect(abbreviates("cis", "Coastal Interdiction Service")).toBe(true);
    expect(abbreviates("fincen", "Financial Crimes Enforcement Network")).toBe(true);
    expect(abbreviates("cis", "Coastal Patrol Service")).toBe(false);
  });

  it("answers an acronym the report never writes with its spelled-out name's figure", () => {
    const a = answer("what about the CIS?", index);
    expect(a.status).toBe("answered");
    expect(a.facts[0]?.value).toBe(40_000_000);
  });

  it("says a name the report mentions without a figure has none, naming it", () => {
    const a = answer("How much funding do Lighthouse Grants get?", index);
    expect(a.status).toBe("not_found");
    expect(a.text).toContain("Lighthouse Grants");
    expect(a.citations).toEqual([3]);
  });

  it("says an acronym the report never uses is not mentioned", () => {
    const a = answer("How many ATF agents were hired?", index);
    expect(a.status).toBe("not_found");
    expect(a.text).toContain("ATF");
  });
});

describe("comparisons and superlatives over things", () => {
  it("names the winner of a contest between programmes first", () => {
    const a = answer("Who gets more, the Harbour Patrol Unit or the Youth Mentoring Fund?", index);
    expect(a.facts[0]?.value).toBe(12_000_000);
    expect(a.text.startsWith("**Harbour Patrol Unit**")).toBe(true);
  });

  it("ranks drugs by their weight", () => {
    const a = answer("which drug was seized the most?", index);
    expect(a.facts[0]?.value).toBe(2400);
    expect(a.text).toContain("**cocaine**");
  });

  it("ranks the least too", () => {
    expect(answer("which drug was seized the least?", index).facts[0]?.value).toBe(95);
  });
});

describe("superlatives over kinds, age groups and years", () => {
  // Invented: yearly figures in one sentence, then rows by kind and by age group.
  const results = buildReportIndex(
    [
      "Harbour Police Annual Results",
      "The harbour police made 41 arrests in 2031, 57 arrests in 2032 and 48 arrests in 2033.",
      "Arrests by kind of offence:",
      "Theft: 120 arrests",
      "Assault: 310 arrests",
      "Fraud: 95 arrests",
      "By age, the group most often arrested was people aged 25 to 34. The full breakdown:",
      "Under 25: 140 arrests",
      "25 to 34: 260 arrests",
      "35 and older: 125 arrests",
    ].join("\n\n"),
    { name: "kinds.txt", version: null },
  );
  const leader = (question: string) => {
    const a = answer(question, results);
    return [a.text.slice(0, a.text.indexOf(" — ")), a.facts[0]?.value];
  };

  it("ranks the kinds a list gives, the most and the fewest", () => {
    expect(leader("which kind of offence had the most arrests")).toEqual(["**Assault**", 310]);
    expect(leader("which type of offence had the fewest arrests?")).toEqual(["**Fraud**", 95]);
    expect(leader("Of all the kinds of offence, which had the most arrests?")).toEqual([
      "**Assault**",
      310,
    ]);
  });

  it("ranks age groups by their rows, labels that open on a figure", () => {
    expect(leader("which age group had the most arrests")).toEqual(["**25 to 34**", 260]);
  });

  it("ranks years by each figure's own period", () => {
    expect(leader("which year had the most arrests")).toEqual(["**2032**", 57]);
  });
});

describe("superlatives over the rows of a list", () => {
  // Invented: a headline with a colon, results by force (each named for its area), by region
  // (regions no gazetteer knows), and by field office (cities).
  const rows = buildReportIndex(
    [
      "Operation Sandpiper: 1,240 arrests in a week",
      "Results by force:",
      "Harbour Police (Boston): 212 arrests and 14 firearms seized",
      "Valley Constabulary (Denver): 340 arrests and 9 firearms seized",
      "Total: 552 arrests",
      "Results by region:",
      "Northern Reach: 410 arrests.",
      "Southern Reach: 295 arrests.",
      "Field offices reporting the most arrests:",
      "Chicago: 96 arrests",
      "Houston: 121 arrests",
    ].join("\n\n"),
    { name: "rows.txt", version: null },
  );

  it("ranks a kind that is no kind of place by the rows' labels", () => {
    const a = answer("Which force made the most arrests?", rows);
    expect(a.facts[0]?.value).toBe(340);
    expect(a.text.startsWith("**Valley Constabulary**")).toBe(true);
  });

  it("ranks regions no gazetteer knows by their rows, never the headline or the total", () => {
    const a = answer("Which region had the most arrests?", rows);
    expect(a.facts[0]?.value).toBe(410);
    expect(a.text.startsWith("**Northern Reach**")).toBe(true);
  });

  it("ranks by what the report most often says is done when only the action is asked", () => {
    // Invented: two provinces' drug seizures, and a larger seizure of something else.
    const provinces = buildReportIndex(
      [
        "Drug control results",
        "Hunan police seized 1.2 tons of drugs.",
        "Hubei police seized 0.8 tons of drugs.",
        "Henan police seized 3 tons of precursor chemicals.",
        "Across the country, police seized 9 tons of drugs.",
      ].join("\n\n"),
      { name: "provinces.txt", version: null },
    );
    const a = answer("which provnce siezed the most", provinces);
    expect(a.text.startsWith("**Hunan**")).toBe(true);
    expect(answer("which province seized the most chemicals", provinces).facts[0]?.value).toBe(3);
  });

  it("ranks people by the ages the report gives them", () => {
    // Invented: three defendants, one named twice.
    const people = buildReportIndex(
      [
        "Indictment unsealed",
        "Three defendants were charged: Rowan T. Pike, 41, of Dover; Ada M. Lund, 29, of Dover; and Cole B. Marsh, 57, of Salem.",
        "Rowan T. Pike, 41, is said to have led the group.",
      ].join("\n\n"),
      { name: "ages.txt", version: null },
    );
    expect(answer("who's the oldest defendant", people).text.startsWith("**Cole B. Marsh**")).toBe(
      true,
    );
    expect(answer("Which defendant is the youngest?", people).facts[0]?.value).toBe(29);
  });

  it("reads a two-word kind of place", () => {
    expect(understand("Which field office made the most arrests?").rankedPlaceKind).toBe("any");
    expect(answer("Which field office made the most arrests?", rows).facts[0]?.value).toBe(121);
  });
});

describe("sentence answers", () => {
  it("lead with the span that answers", () => {
    expect(answer("how long was the smuggler sentenced to?", index).text).toMatch(/27 months/);
    const opened = answer("When did the mentoring solicitation open?", index);
    expect(opened.status).toBe("answered");
    expect(opened.text.startsWith("**March 3, 2025**")).toBe(true);
  });
});

// Invented briefing: a campaign known by a quoted name, a spokesperson, a span of time.
const BRIEFING = buildReportIndex(
  [
    "Port Authority briefing, 2 June.",
    'At the briefing, Mara Quell introduced the results of the "Safe Waters" programme.',
    'Against smugglers who fled abroad, the "Clean Nets" drive was launched with partner agencies.',
    "Over the past six weeks, harbour patrols checked 1,200 boats.",
    "The harbour board met on the 2nd to review the patrols.",
  ].join("\n\n"),
  { name: "briefing.txt", version: null },
);

describe("sentence answers in the question's own terms", () => {
  it("name what a thing is called, from the name the report quotes", () => {
    const called = answer("what is the drive against smugglers called", BRIEFING);
    expect(called.text.startsWith("**Clean Nets**")).toBe(true);
  });

  it("answer 'which official' with a person", () => {
    const who = answer("which official presented the results?", BRIEFING);
    expect(who.text.startsWith("**Mara Quell**")).toBe(true);
  });

  it("give a bare day with the month the report dates it in", () => {
    const met = answer("when did the harbour board meet?", BRIEFING);
    expect(met.text).toContain("2 June");
  });

  it("answer 'over what period' with a span of time", () => {
    const span = answer("over what period did the patrols check boats?", BRIEFING);
    expect(span.text.startsWith("**six weeks**")).toBe(true);
  });

  it("answer who a body teamed up with by the body its sentence names beside it", () => {
    // Invented: a list naming the city among others, then two joint operations.
    const joint = buildReportIndex(
      [
        "Harbour results",
        "Denver, Boston and other cities strengthened their patrols.",
        "Denver and Mexican police dismantled a lab, seizing 40 kilograms of cocaine.",
        "Boston officers, together with the Coast Guard, stopped 12 boats.",
      ].join("\n\n"),
      { name: "joint.txt", version: null },
    );
    expect(
      answer("who did denver team up with", joint).text.startsWith("**Mexican police** (¶3)"),
    ).toBe(true);
    expect(answer("who did boston work with?", joint).text.startsWith("**Coast Guard** (¶4)")).toBe(
      true,
    );
  });

  it("answer when the results were announced with the report's dateline", () => {
    // Invented: a dateline, then a date inside the text that dates something else.
    const dated = buildReportIndex(
      [
        "Harbour Light results",
        "Port News Service, June 3rd. The ministry gave the results of the campaign.",
        "Four patrol boats were bought on March 9th.",
      ].join("\n\n"),
      { name: "dated.txt", version: null },
    );
    const a = answer("On what date were the campaign results announced?", dated);
    expect(a.text.startsWith("**June 3rd** (¶2)")).toBe(true);
  });

  it("answer how long the report's whole effort has run with the span up to the report", () => {
    // Invented: the effort is named at the top; the span elapsed stands in a sentence that names
    // none of it; a 10-day course is last year's, and not the effort's.
    const effort = buildReportIndex(
      [
        "Harbour Light results",
        'The ministry briefed reporters on the "Harbour Light" campaign on Friday.',
        "In the past three months, officers seized 40 kilograms of heroin and arrested 210 suspects.",
        "A 10-day training course for boat crews ran last year.",
      ].join("\n\n"),
      { name: "effort.txt", version: null },
    );
    for (const question of [
      "how long has the campaign been goin",
      "How long had the campaign been running when the results were reported?",
      "Over what period were the headline figures achieved?",
    ]) {
      expect(answer(question, effort).text.startsWith("**three months** (¶3)")).toBe(true);
    }
    expect(answer("how long did the training course run?", effort).text).not.toContain(
      "three months",
    );
  });
});

describe("chat's filler", () => {
  it("reads 'etc' as no thing asked", () => {
    const a = answer("how much heroin etc was seized", index);
    expect(a.status).toBe("answered");
    expect(a.facts[0]?.value).toBe(310);
  });
});

describe("a percentage asked", () => {
  it("is answered by a percentage or honestly not at all, never by a sentence without one", () => {
    // Invented: a rise said in words, and figures of other kinds.
    const rise = buildReportIndex(
      [
        "Port results",
        "Cocaine seizures rose sharply compared with last year, officials said.",
        "Officers seized 2,400 pounds of cocaine and arrested 31 people.",
      ].join("\n\n"),
      { name: "rise.txt", version: null },
    );
    const a = answer("By what percentage did cocaine seizures rise compared with last year?", rise);
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
  });
});

describe("weights", () => {
  it("are named defaults a caller can override", () => {
    expect(DEFAULT_WEIGHTS.minFactScore).toBeGreaterThan(0);
    const strict = answer("how many pounds of cocaine were seized?", index, {
      weights: { minFactScore: 1000 },
    });
    expect(strict.status).toBe("not_found");
    expect(answer("how many pounds of cocaine were seized?", index).facts[0]?.value).toBe(2400);
  });
});

// Invented city report: two programmes with a total and a per-family rate, two cities' falls.
const CITIES = buildReportIndex(
  [
    "Riverbend and Westvale Safety Update",
    "Shelter costs: $48 million. The shelter programme houses families across the region.",
    "Transport costs: $31 million. Together these imply shelter costs of $2,900 for each family.",
    "In Westvale, burglaries are down 31% so far this year.",
    "In Riverbend, burglaries are down 22% so far this year.",
    "Westvale recorded 410 robberies and 260 assaults with a weapon last year.",
  ].join("\n\n"),
  { name: "cities.txt", version: null },
);

describe("comparisons in chat's words", () => {
  it("read two options either side of 'vs', the question proper after them", () => {
    expect(contestOptions("harbour fund vs port fund which got more $$")).toEqual([
      "harbour fund",
      "port fund",
    ]);
    expect(contestOptions("budget: treatment $ vs prevention $ which bigger")).toEqual([
      "treatment",
      "prevention",
    ]);
    expect(contestOptions("DEA vs FBI $$ for fentanyl")).toEqual(["DEA", "FBI"]);
  });

  it("take a baseline in time after 'vs' for no option", () => {
    expect(contestOptions("burglaries down by how much vs last year")).toEqual([]);
    expect(contestOptions("burglaries vs the same period in 2023")).toEqual([]);
  });

  it("end the last 'or' option where a shared place or period begins", () => {
    expect(
      contestOptions("were there more robberies or assaults with a weapon in westvale last year"),
    ).toEqual(["robberies", "assaults with a weapon"]);
  });

  it("set a total beside a total, not beside a figure per family", () => {
    const a = answer("shelter vs transport which costs more", CITIES);
    expect(a.facts.map((fact) => fact.value)).toEqual([48_000_000, 31_000_000]);
  });

  it("say what one option adds beyond its place of every option", () => {
    const a = answer("riverbend vs westvale burglaries which dropped more", CITIES);
    expect(a.facts.map((fact) => fact.value)).toEqual([31, 22]);
    expect(a.text).toMatch(/^\*\*westvale\*\*/i);
  });

  it("answer which of two listed things was more, each from its own figure", () => {
    const a = answer(
      "were there more robberies or assaults with a weapon in westvale last year",
      CITIES,
    );
    expect(a.facts.map((fact) => fact.value)).toEqual([410, 260]);
  });
});

describe("comparisons whatever their shape", () => {
  // Invented: two counties only this report names, a terminal and an airport, and a list of
  // customs districts.
  const COUNTIES = buildReportIndex(
    [
      "Lakeland Drug Note",
      "In Marrow County, officers seized 640 kilograms of cannabis and arrested 31 people.",
      "In Tallis County, officers seized 910 kilograms of cannabis and arrested 12 people.",
      "Officers seized 75 kilograms of cocaine worth $9 million at Quayside Terminal.",
      "At the airport, officers seized 18 kilograms of cocaine.",
      "Results by district:\n- Eastport Customs filed 40 smuggling cases, with a case value of 3 million dollars.\n- Westport Customs filed 22 smuggling cases, with a case value of 5 million dollars.\n- Northport Customs filed 19 smuggling cases, with a case value of 8 million dollars.",
      "Ruth Hale, 41, of Marrow, and Ada Lund, 29, of Tallis, were charged.",
    ].join("\n\n"),
    { name: "lakeland.txt", version: null },
  );

  it("read a gazetteer place as one place, not also a report's own name inside it", () => {
    // Invented: "St. Louis Police" makes the report's own names hold a bare "Louis".
    const city = buildReportIndex(
      "Crime note\n\nIn St. Louis, police made 40 arrests.\n\nSt. Louis Police seized 12 guns.\n\nMemphis police made 30 arrests.",
      { name: "city.txt", version: null },
    );
    const a = answer("What are the figures for St. Louis?", city);
    expect(a.status).toBe("answered");
    expect(a.facts.map((fact) => fact.value)).toContain(40);
  });

  it("set places' counts now side by side, not the percentages or counts they changed from", () => {
    // Invented: each city's carjackings as a change from one count to another.
    const cities = buildReportIndex(
      [
        "Crime at midyear",
        "In Denver, carjackings fell 42 percent, from 689 to 402.",
        "In Boston, carjackings fell 45 percent, from 128 to 70.",
      ].join("\n\n"),
      { name: "carjackings.txt", version: null },
    );
    const a = answer("did denver have more carjackings than boston", cities);
    expect(a.facts.map((fact) => fact.value)).toEqual([402, 70]);
  });

  it("set two places only the report names side by side", () => {
    const a = answer("marrow county vs tallis county: how much cannabis was seized?", COUNTIES);
    expect(a.facts.map((fact) => fact.value)).toEqual([640, 910]);
  });

  it("read the options before a colon when the question proper follows it", () => {
    expect(contestOptions("Ruth Hale vs Ada Lund: how old are they?")).toEqual([
      "Ruth Hale",
      "Ada Lund",
    ]);
    const a = answer("Ruth Hale vs Ada Lund: how old are they?", COUNTIES);
    expect(a.facts.map((fact) => fact.value)).toEqual([41, 29]);
  });

  it("take a long first option from its last opener, and only figures of the kind asked", () => {
    expect(
      contestOptions("How many kilograms were seized at the terminal vs the airport?"),
    ).toEqual(["terminal", "airport"]);
    const a = answer(
      "How many kilograms were seized at Quayside Terminal vs the airport?",
      COUNTIES,
    );
    expect(a.facts.map((fact) => fact.unit)).toEqual(["kg", "kg"]);
    expect(a.facts.map((fact) => fact.value)).toEqual([75, 18]);
  });

  it("of list rows ranked alike, give each option the row it names", () => {
    for (const [question, values] of [
      ["Eastport vs Northport: what was the case value?", [3_000_000, 8_000_000]],
      ["Westport vs Eastport: what was the case value?", [3_000_000, 5_000_000]],
    ] as const) {
      const a = answer(question, COUNTIES);
      expect(a.facts.map((fact) => fact.value).sort((x, y) => x - y)).toEqual(values);
    }
  });

  it("answer from a figure that already sets the sides against each other", () => {
    const denver = buildReportIndex(
      [
        "Denver Crime Note",
        "DENVER — The city police released figures on Monday.",
        "Denver recorded a burglary rate of 14.2 per 1,000 homes.",
        "That was the highest burglary rate in the region, three times higher than Chicago.",
      ].join("\n\n"),
      { name: "denver.txt", version: null },
    );
    const a = answer("is denver's burglary rate higher than chicago's", denver);
    expect(a.text).toContain("three times higher than Chicago");
  });
});

describe("a two-letter acronym typed in lower case", () => {
  const capital = buildReportIndex(
    [
      "Capital Crime Note",
      "In Washington, D.C., burglaries are down 12% so far this year.",
      "In Memphis, burglaries are down 19% so far this year.",
    ].join("\n\n"),
    { name: "capital.txt", version: null },
  );

  it("is a place the report names", () => {
    const a = answer("how much did burglaries drop in dc", capital);
    expect(a.facts[0]?.value).toBe(12);
    expect(answer("dc vs memphis burglaries which fell more", capital).facts[0]?.value).toBe(19);
  });
});

// Invented: one long sentence lists what was done to three groups of people, and a difference.
const CENTRES = buildReportIndex(
  [
    "Recovery Centres Report",
    "This year 4,100 people were forced into residential treatment in closed centres, more than 2,600 people were referred to outpatient care in clinics, and 900 people finished aftercare.",
    "Attendance at the review was compulsory. Posters were placed in every clinic.",
    "The programme has spent over $3 billion on aftercare – 25 percent more than the previous board.",
    "The Dock Unit arrested 120 smugglers. The Coast Office charged 45 smugglers.",
  ].join("\n\n"),
  { name: "centres.txt", version: null },
);

describe("comparisons of two measures", () => {
  it("read what is counted first and what was done to it either side of 'than'", () => {
    expect(
      contestOptions(
        "Were more people sent to residential treatment than were referred to outpatient care?",
      ),
    ).toEqual(["sent to residential treatment", "referred to outpatient care"]);
    expect(
      contestOptions(
        "did the Dock Unit arrest more harbour smugglers than the Coast Office charged?",
      ),
    ).toEqual(["Dock Unit arrest", "Coast Office charged"]);
  });

  it("read the second side without its auxiliary, and a preposition both sides open on", () => {
    expect(
      contestOptions("Were more people referred to outpatient care than forced into treatment?"),
    ).toEqual(["referred to outpatient care", "forced into treatment"]);
    expect(
      contestOptions("Were more people arrested in the spring sweeps than in the autumn raids?"),
    ).toEqual(["spring sweeps", "autumn raids"]);
  });

  it("give a side whose words the report puts otherwise the figure that says them after it", () => {
    const a = answer(
      "Were more people placed in compulsory closed treatment than were referred to outpatient care?",
      CENTRES,
    );
    expect(a.facts.map((fact) => fact.value)).toEqual([4100, 2600]);
  });

  it("answer 'how much more … than' with the stated difference", () => {
    const a = answer(
      "How much more is being spent on aftercare than under the previous board?",
      CENTRES,
    );
    expect(a.facts[0]?.value).toBe(25);
  });
});

// Invented: a named official with her role, a quoted drive, a list of means.
const OFFICIALS = buildReportIndex(
  [
    "Harbour Board update",
    "Mara Quell, deputy commissioner of the Harbour Board, said that the board had met twice.",
    'Treat smuggling at sea as a priority, carry out the "clear channel" drive and curb night landings.',
    "Inspectors used dock patrols, sniffer dog checks and other means to find 14 hidden cargoes.",
  ].join("\n\n"),
  { name: "officials.txt", version: null },
);

describe("sentence questions whose key noun names the kind of answer", () => {
  it("answer 'what position' with the role the report gives, though it never says 'position'", () => {
    const a = answer("What position does Mara Quell hold?", OFFICIALS);
    expect(a.status).toBe("answered");
    expect(a.text.startsWith("**deputy commissioner of the Harbour Board**")).toBe(true);
  });

  it("read a question word after a preposition or a clause set off by a comma", () => {
    expect(understand("Under what drive did the board curb night landings?").wh).toBe("what");
    expect(understand("Besides dock patrols, what means did inspectors use?").wh).toBe("what");
  });

  it("answer 'under what drive' with the drive's quoted name", () => {
    const a = answer("Under what drive did the board curb night landings?", OFFICIALS);
    expect(a.text.startsWith("**clear channel**")).toBe(true);
  });

  it("answer 'what method' from the sentence listing the means", () => {
    const a = answer("Besides dock patrols, what checking method did inspectors use?", OFFICIALS);
    expect(a.status).toBe("answered");
    expect(a.citations).toEqual([4]);
  });
});

// Invented: a dated programme name, a solicitation closing a sentence later, a bare month.
const DATES = buildReportIndex(
  [
    "Harbour Grants Notice",
    "The board will fund its FY24 Harbour Grants programme, a $9 million competitive programme. Ports that partner with schools will receive preference points. The solicitation was posted March 2, 2024 and will close on April 19, 2024.",
    "In October, the board convened the first-ever Dock Safety Forum with 40 port towns.",
  ].join("\n\n"),
  { name: "dates.txt", version: null },
);

describe("when-questions", () => {
  it("take a year labelling a name the question uses for part of that name", () => {
    const a = answer("When does the Harbour Grants solicitation close?", DATES);
    expect(a.text.startsWith("**April 19, 2024**")).toBe(true);
  });

  it("answer with a month named alone", () => {
    const a = answer("when was the first dock safety forum held", DATES);
    expect(a.text.startsWith("**October**")).toBe(true);
  });
});

describe("which-questions about a kind of thing", () => {
  const gangs = buildReportIndex(
    [
      "River Unit budget",
      "The budget adds $4 million for river task teams at the port. These teams will trace the payments that flow to the Harbour and Delta gangs.",
    ].join("\n\n"),
    { name: "gangs.txt", version: null },
  );

  it("prefer the sentence naming things of that kind, and lead with their names", () => {
    const a = answer("which gangs are the river task teams going after?", gangs);
    expect(a.text.startsWith("**Harbour and Delta**")).toBe(true);
  });

  it("take the names from the next sentence of the paragraph when the best one names none", () => {
    const teams = buildReportIndex(
      [
        "River Unit budget",
        "The budget adds $4 million for the River Smuggling Threat Targeting Teams at the Port Authority to fight river smuggling. These units of agents will build cases against the Harbour and Delta gangs.",
      ].join("\n\n"),
      { name: "teams.txt", version: null },
    );
    const a = answer("which gangs are the River Smuggling Threat Targeting Teams aimed at?", teams);
    expect(a.text.startsWith("**Harbour and Delta**")).toBe(true);
  });
});

describe("a count of a list's members", () => {
  const provinces = buildReportIndex(
    [
      "Coastal Command note",
      "Ordered six provinces including Hunan, Hubei, Anhui, Fujian, Hainan and Jilin to launch two joint inquiries against 14 ministry-level smuggling target cases, and arrested 230 couriers.",
    ].join("\n\n"),
    { name: "provinces.txt", version: null },
  );

  it("answers how many members with the figure counting them, not a neighbour in its sentence", () => {
    const a = answer(
      "How many provinces were directed to launch the joint inquiries against ministry-level target cases?",
      provinces,
    );
    expect(a.facts[0]?.value).toBe(6);
  });
});

describe("a contest among listed places", () => {
  const falls = buildReportIndex(
    [
      "City crime note",
      "In Memphis, burglaries are down 18% so far this year.",
      "In Denver, burglaries are down 27% so far this year.",
      "In Boston, burglaries are down 9% so far this year.",
    ].join("\n\n"),
    { name: "falls.txt", version: null },
  );

  it("names the winner among the places a superlative lists", () => {
    const a = answer(
      "out of memphis, denver and boston which had the biggest burglary drop",
      falls,
    );
    expect(a.facts.map((fact) => fact.value)).toEqual([27, 18, 9]);
  });

  it("reads a grant award as money", () => {
    const awards = buildReportIndex(
      [
        "State grant awards",
        "The table below shows total FY 2026 awards.",
        "State | Total FY 2026 awards | Deaths",
        "Ohio | $12.5 million | 3,100",
        "Iowa | $8.1 million | 410",
      ].join("\n\n"),
      { name: "awards.txt", version: null },
    );
    expect(answer("did ohio get more money than iowa?", awards).facts[0]?.value).toBe(12_500_000);
  });
});

describe("who holds a title", () => {
  const city = buildReportIndex(
    [
      "Denver homicides fall by a fifth",
      "Denver recorded 40 homicides in the first half of the year, according to the Denver Police Department.",
      '"The trend is real," Police Chief Dana R. Whitfield said at a news conference.',
      "Denver council members backed the plan, and Denver residents welcomed it.",
    ].join("\n\n"),
    { name: "city.txt", version: null },
  );

  it("is a person, found in the report's home city without the city named beside it", () => {
    const a = answer("who is the police chief in denver", city);
    expect(a.text.startsWith("**Dana R. Whitfield**")).toBe(true);
  });
});

describe("a contest whose option is named a sentence before its figure", () => {
  const supplemental = buildReportIndex(
    [
      "Harbour budget",
      "The board has worked to widen access to treatment for port workers. In addition, the board is requesting $3.2 million in its supplemental budget request to strengthen these services.",
      "The supplemental funding request includes more than $2.4 million to stop smuggling at the docks.",
      "Summary: the supplemental funding request includes more than $2.4 million to stop smuggling.",
    ].join("\n\n"),
    { name: "supplemental.txt", version: null },
  );

  it("takes the figure in that paragraph, and cites every paragraph stating each figure", () => {
    const a = answer("supplemental: treatment $ vs stop smuggling $ which bigger", supplemental);
    expect(a.facts.map((fact) => fact.value)).toEqual([3_200_000, 2_400_000]);
    expect(a.citations).toEqual(expect.arrayContaining([2, 3, 4]));
  });
});

describe("comparisons across two years", () => {
  const years = buildReportIndex(
    [
      "Harbour arrests note",
      "In 2024, harbour arrests rose 18% on the year before.",
      "In 2023, harbour arrests rose 7%.",
      "In 2016, 210 people died of overdoses in the port towns. In 2023, about 480 people died.",
    ].join("\n\n"),
    { name: "years.txt", version: null },
  );

  it("set two years against each other", () => {
    expect(contestOptions("did arrests rise more in 2024 than in 2023")).toEqual(["2024", "2023"]);
    const a = answer("did arrests rise more in 2024 than in 2023", years);
    expect(a.facts.map((fact) => fact.value)).toEqual([18, 7]);
  });

  it("give each year's side only a figure for that year", () => {
    const a = answer("were more people dying of overdoses in 2016 or 2023", years);
    expect(a.facts.map((fact) => fact.value)).toEqual([480, 210]);
  });
});

describe("a superlative over places ranks their counts", () => {
  // Invented: a headline's percentage for one state, then a table of each state's count, its rows
  // naming no noun.
  const states = buildReportIndex(
    [
      "Killings fall 9.8% in first half, cabinet says; Sonora doubles its toll",
      "Killings by state, January to June:",
      "Sonora: 388 jan-jun in 2026; 190 jan-jun in 2025.",
      "Puebla: 702 jan-jun in 2026; 760 jan-jun in 2025.",
      "Colima: 214 jan-jun in 2026; 230 jan-jun in 2025.",
    ].join("\n\n"),
    { name: "states.txt", version: null },
  );

  it("never ranks a state by a headline's percentage when no change is asked", () => {
    const a = answer("which mexican state had the most killings in the first half of 2026", states);
    expect(a.facts[0]?.value).toBe(702);
    expect(a.text.startsWith("**Puebla**")).toBe(true);
  });
});

describe("a count the question states in digits", () => {
  // Invented: two sentences alike but for the count they spell out.
  const sweeps = buildReportIndex(
    [
      "Results",
      "Police in the north ran five harbour sweeps and arrested 2,950 suspects.",
      "Police in the south ran three harbour sweeps and arrested 1,204 suspects.",
    ].join("\n\n"),
    { name: "sweeps.txt", version: null },
  );

  it("matches its number word in the report ('the 3 harbour sweeps' of 'three harbour sweeps')", () => {
    const a = answer("the 3 harbour sweeps, how many ppl got arrested", sweeps);
    expect(a.facts[0]?.value).toBe(1204);
  });
});
