import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const invented = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

describe("a row labelled as the whole", () => {
  const patrols = invented(
    [
      "Harbour City patrol figures, first half of 2031",
      "Break-ins by patrol district, January–June 2031:",
      "District | Break-ins | Thefts",
      "Quayside | 40 | 112",
      "Old Town | 35 | 98",
      "Riverside | 22 | 61",
      "Citywide | 97 | 271",
    ].join("\n\n"),
  );

  it("is no place, so a question naming none asks for it", () => {
    expect(answer("how many break-ins in the first half of 2031?", patrols).facts[0]?.value).toBe(
      97,
    );
  });
});

describe("a figure with a verb of its own", () => {
  const clinic = invented(
    [
      "Harbour health and safety week",
      "More than 310 people were arrested and nearly 870 children were vaccinated during the week.",
    ].join("\n\n"),
  );

  it("does not borrow the verb of the figure before it", () => {
    const facts = buildReportIndex(
      "Harbour week\n\nMore than 310 people were arrested and nearly 870 children were vaccinated.",
      { name: "invented.txt", version: null },
    ).table.facts;
    expect(facts.find((fact) => fact.value === 870)?.action).toBeNull();
    expect(answer("how many people were arrested during the week?", clinic).facts[0]?.value).toBe(
      310,
    );
  });
});

describe("the whole a list of parts follows", () => {
  const text = [
    "Coastal sweep results",
    "Crews also put 31 vessels out of action, among them 14 fishing boats, nine dinghies and eight motor launches.",
  ].join("\n\n");

  it("reads 'out of' as opening a phrase of its own, not as the counted noun", () => {
    const facts = buildReportIndex(text, { name: "invented.txt", version: null }).table.facts;
    expect(facts.find((fact) => fact.value === 31)?.unit).toBe("vessel");
    // Each item of the list that opens on a number is a figure of its own.
    expect(facts.find((fact) => fact.value === 14)?.text).toBe("14 fishing boats");
  });

  it("answers a count asked by a synonym of the whole's unit with the whole", () => {
    expect(answer("how many boats were put out of action?", invented(text)).facts[0]?.value).toBe(
      31,
    );
  });
});

describe("a count of people answers for the event they underwent", () => {
  const river = invented(
    [
      "River safety review 2031",
      "An estimated 4,120 residents drowned in the river basin in 2031, the review found.",
      "Ohio recorded 310 drownings in 2031.",
    ].join("\n\n"),
  );

  it("gives the people who drowned for 'how many drownings', not a part's figure", () => {
    expect(answer("how many drownings in 2031?", river).facts[0]?.value).toBe(4120);
  });
});

describe("a quarter the report is about", () => {
  const harbour = invented(
    [
      "Harbour thefts fall 9% in first quarter, port police say",
      "PORT ARLEN, April 6, 2031 - Thefts at the harbour fell in the first quarter of 2031, the port police said on Monday.",
      "Between January and March, the harbour recorded 412 victims of theft, against 455 in the first quarter of 2030.",
      "Pickpocketing fell 12%, to 96 victims, and assaults dropped to 40 from 52.",
    ].join("\n\n"),
  );

  it("answers for the thing asked, not the figure that states the quarter", () => {
    // Only the theft sentence states the quarter; the undated pickpocketing figure is the
    // report's own quarter's.
    expect(answer("how many pickpocketing victims in q1 2031?", harbour).facts[0]?.value).toBe(96);
  });

  it("still gives the quarter's figure for the thing that sentence counts", () => {
    expect(answer("how many theft victims in q1 2031?", harbour).facts[0]?.value).toBe(412);
  });
});

describe("a substance named beside another's figure", () => {
  // Invented: one figure weighs one drug, a vague amount of another follows it in the "and".
  const haul = invented(
    "Border haul\n\nCustoms officers seized 820 kg of cocaine, 2,150 kg of cannabis resin and smaller amounts of khat and psilocybin, the agency said.\n",
  );

  it("gives the drug weighed its figure, not the one weighed only vaguely", () => {
    expect(answer("how much resin was seized", haul).facts[0]?.value).toBe(2150);
    const khat = answer("how much khat did they seize", haul);
    expect(khat.facts).toEqual([]);
    expect(khat.citations).toEqual([2]);
  });
});

describe("the worth of a thing the report only counts", () => {
  // Invented: a sum for the cash, and paintings counted in passing with no sum.
  const raid = invented(
    "Harbour raid\n\nOfficers seized 14 rifles and more than $96,000 in cash. They also took two boats and paintings that prosecutors will seek to forfeit.\n\nThe boats were worth an estimated $40,000, officials said.\n",
  );

  it("says no sum is given, not the cash's sum", () => {
    const paintings = answer("how much were the seized paintings worth?", raid);
    expect(paintings.facts).toEqual([]);
    expect(paintings.citations).toEqual([2]);
    expect(answer("how much cash was seized", raid).facts[0]?.value).toBe(96000);
    expect(answer("how much were the boats worth", raid).facts[0]?.value).toBe(40000);
  });
});

describe("the words between two figures joined by 'and'", () => {
  // Invented: two sums in one sentence, the first for a sheriff's office, the second for a county.
  const grants = invented(
    "Harbour State grants\n\nHarbour State will receive $9.4 million from the new grants, including $4.1 million for the Quillon County Sheriff's Office and about $1.2 million for Maple Creek County.\n",
  );

  it("belong to the figure before the 'and', not to the one it introduces", () => {
    const second = grants.factDocs.find((doc) => doc.fact.value === 1200000);
    expect([...(second?.near ?? [])]).not.toContain("quillon");
    expect([...(second?.near ?? [])]).toContain("mapl");
    const first = grants.factDocs.find((doc) => doc.fact.value === 4100000);
    expect([...(first?.near ?? [])]).toContain("quillon");
  });

  it("stay with a figure the 'and' is far from ('and help address the backlog of')", () => {
    const courts = invented(
      "Courts\n\nThe plan invests $98 million in the courts to hire judges and help address the backlog of over 2.4 million pending cases.\n",
    );
    const backlog = courts.factDocs.find((doc) => doc.fact.value === 2400000);
    expect([...(backlog?.near ?? [])]).toContain("judg");
  });
});

describe("a name given only in the clause after a figure", () => {
  // Invented: a set-aside, then a clause letting towns pool it with another fund's money.
  const awards = invented(
    "Harbour awards\n\nThe state will award $40 million to 31 towns this year.\n\nThis year's awards include a set-aside of $3.5 million for river towns, up from $2 million in 2023, and let towns pool the awards with Quarry Relief Fund dollars.\n\nTowns must apply by June 1.\n\nAwards will be paid in two parts.\n\nEach town names one officer to run its award.\n\nThe state audits every award.\n\nUnspent money returns to the state.\n",
  );

  it("is no figure's name: the report gives no figure for it", () => {
    const fund = answer("how much Quarry Relief Fund money goes to towns", awards);
    expect(fund.facts).toEqual([]);
    expect(answer("how much is the set-aside for river towns", awards).facts[0]?.value).toBe(
      3500000,
    );
  });
});
