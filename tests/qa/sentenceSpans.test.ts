import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented report: a county drug ring, its prosecutor, a codenamed operation, a named
// investigation, an extended programme and a dated crackdown.
const REPORT = `Nine Charged in Riverbend Heroin Ring

RIVERBEND - A grand jury has returned an indictment charging nine people in a heroin ring that allegedly sold drugs across the valley, District Attorney Paula Grange announced on Monday, May 5, 2025.

The operation, codenamed KESTREL, was carried out by the county police with the state patrol.

Prosecutors say that Owen T. Marsh, 44, of Riverbend, led the ring, directing couriers and storing cash in a bakery.

Project Tidewater, a joint investigation by the port police and customs, began in 2023.

The family support programme was extended through June 30, 2026. About 1,200 families received support from the programme in 2024.

The county crackdown on street dealing began in the spring. Since the crackdown was launched on April 2, officers have arrested 85 people.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

function lead(question: string): string {
  const reply = answer(question, index);
  expect(reply.status).toBe("answered");
  return /^\*\*(.+?)\*\*/.exec(reply.text)?.[1] ?? "";
}

describe("who did what: the sentence holding the question's own verb", () => {
  it("answers with the one who led, not the one who announced", () => {
    expect(lead("Who allegedly led the heroin ring?")).toBe("Owen T. Marsh");
    expect(answer("Who allegedly led the heroin ring?", index).citations).toEqual([4]);
  });

  it("still answers who announced it from the announcing sentence", () => {
    expect(lead("who announced the indictment?")).toMatch(/Paula Grange$/);
  });
});

describe("what something was called: a name after a naming word or a name's head", () => {
  it("gives the codename, not the headline", () => {
    expect(lead("what was the operation called")).toBe("KESTREL");
  });

  it("gives the name an investigation goes by", () => {
    expect(lead("What was the name of the joint investigation?")).toBe("Project Tidewater");
  });
});

describe("when and how long", () => {
  it("dates the event the question's verb names", () => {
    expect(lead("When was the crackdown launched?")).toBe("April 2");
  });

  it("answers how long something was extended with the date it runs to", () => {
    const reply = answer("how long was the family support programme extended", index);
    expect(reply.facts).toEqual([]);
    expect(reply.text).toMatch(/^\*\*through June 30, 2026\*\*/);
  });
});

describe("a dateline dates the release, not the events it reports", () => {
  const briefing = buildReportIndex(
    `Harbour Police Report Spring Results

Port Ellis, June 9, 2025 -- The harbour police held a briefing this morning on the results of the "Clear Water" campaign against smuggling.

Since the Clear Water campaign was launched on March 3, officers have seized 40 boats.

Port Ellis, June 9, 2025 -- The coast guard held a press conference on Monday to present its own figures.`,
    { name: "invented-briefing.txt", version: null },
  );

  it("dates a launch from the sentence that states it", () => {
    expect(answer("When was the Clear Water campaign launched?", briefing).text).toMatch(
      /^\*\*March 3\*\*/,
    );
  });

  it("keeps the dateline where the sentence tells of the release's own day", () => {
    expect(answer("When was the press conference held?", briefing).text).toMatch(/June 9, 2025/);
  });
});

describe("dates in a title, a did-question's verb, a range, and names the report never gives", () => {
  const results = buildReportIndex(
    `Coast Guard Presents 2024 Results of the "Blue Line" Drive

Port Ellis, February 3 -- The Coast Guard presented on Tuesday the results of its operations in 2024.

The "Blue Line" drive ran for eight months from March to October 2024, officers said.

Two smugglers were charged, and one remains at large.`,
    { name: "invented-results.txt", version: null },
  );

  it("answers a did-question from the sentence writing its verb in the past, not the title", () => {
    const reply = answer("When did the Coast Guard present its results?", results);
    expect(reply.citations).toEqual([2]);
    expect(reply.text).toMatch(/^\*\*February 3\*\*/);
  });

  it("gives a span of dates start to end", () => {
    expect(answer("When did the Blue Line drive run?", results).text).toMatch(
      /^\*\*from March to October 2024\*\*/,
    );
  });

  it("says the report does not say where the sentence asked about names no one", () => {
    expect(answer("What is the name of the smuggler who remains at large?", results).status).toBe(
      "not_found",
    );
  });
});

describe("who is the oldest or youngest", () => {
  const charged = buildReportIndex(
    `Five Charged After Harbour Raids

Police charged five people after raids in Port Ellis. The defendants are:

Owen T. Marsh, 44, of Riverbend: drug conspiracy;

Lena Ortiz, 29, of Port Ellis: drug conspiracy;

Walter "Doc" Brandt, 61, of Eastham: money laundering;

A 19-year-old Riverbend woman was also charged with possession.`,
    { name: "invented-charged.txt", version: null },
  );

  it("gives the greatest age the report states, a quoted nickname and all", () => {
    const reply = answer("who's the oldest defendant", charged);
    expect(reply.facts[0]?.value).toBe(61);
    expect(reply.text).toMatch(/Brandt/);
  });

  it("keeps to the kind of person asked about", () => {
    expect(answer("who is the youngest woman charged", charged).facts[0]?.value).toBe(19);
  });
});

describe("which of a kind: a name right before the noun asked", () => {
  const budget = buildReportIndex(
    `Harbour Budget Fact Sheet

The Budget adds $9 million for Harbour Targeting Teams at the Coast Agency. These teams will build cases against the Marlin and Tarpon cartels.

Five agencies will share the remaining funds.`,
    { name: "invented-budget.txt", version: null },
  );

  it("answers from the sentence naming the kind, not a body named beside the question's words", () => {
    expect(
      answer("which cartels are the harbour targeting teams going after", budget).text,
    ).toMatch(/^\*\*Marlin and Tarpon\*\*/);
  });

  it("does not read a count as a name", () => {
    expect(answer("which agencies will share the funds", budget).text).not.toMatch(/^\*\*Five\*\*/);
  });
});

describe("which of a kind: a name ending in the noun asked, the one beside a figure asked", () => {
  // Invented: two programmes in one sentence, each with its own sum; a centre named in full.
  const grants = buildReportIndex(
    `Harbour Grants Fact Sheet

The plan funds $41 million for the Coastal Watch Program and $12 million for the Harbour Youth Support Program, enough for 300 clubs.

The Kelby Patrol worked together with the Northern Analysis and Tracking Centre to follow 40 vessels.`,
    { name: "invented-grants.txt", version: null },
  );

  it("gives the name nearest the figure the question states", () => {
    expect(answer("which program gets the $12 million", grants).text).toMatch(
      /^\*\*Harbour Youth Support Program\*\*/,
    );
    expect(answer("which program gets $41 million", grants).text).toMatch(
      /^\*\*Coastal Watch Program\*\*/,
    );
  });

  it("gives a partner's whole name, 'and' inside it", () => {
    expect(answer("which centre worked with the kelby patrol", grants).text).toMatch(
      /^\*\*Northern Analysis and Tracking Centre\*\*/,
    );
  });
});

describe("a release still to come is not this one", () => {
  const monthly = buildReportIndex(
    `Harbour Arrivals Fell Again in May

PORT ELLIS — June 10, 2025

Arrivals at the harbour fell to 1,240 in May, the fourth monthly fall in a row.

June figures are expected to be released on or about July 9, 2025.`,
    { name: "invented-monthly.txt", version: null },
  );

  it("dates next month's figures from the sentence saying when they come out", () => {
    expect(answer("when r the june numbers coming out", monthly).text).toMatch(
      /^\*\*July 9, 2025\*\*/,
    );
  });

  it("still dates this release from its dateline", () => {
    expect(answer("When was this statement released?", monthly).text).toMatch(/June 10, 2025/);
  });
});

describe("who a place teamed up with", () => {
  const joint = buildReportIndex(
    `Border Drug Work Results

Officers in Hunan, Fujian and Anhui seized 3 tonnes of drugs this year as cross-border cooperation grew.

Hunan and Laotian police dismantled a drug lab in Laos, seizing 900 kg of precursors.`,
    { name: "invented-joint.txt", version: null },
  );

  it("names the partner beside the place", () => {
    expect(answer("who did hunan team up with", joint).text).toMatch(/^\*\*Laotian police\*\*/);
  });

  it("reads no partner into a list of places", () => {
    expect(answer("who did anhui team up with", joint).text).not.toMatch(/^\*\*/);
  });
});

describe("a percentage asked is not answered by a sentence without one", () => {
  const counts = buildReportIndex(
    `Harbour Police Half-Year Figures

Officers made 412 arrests in the first half of the year, building on last year's drive against smuggling.`,
    { name: "invented-counts.txt", version: null },
  );

  it("says the report does not say rather than quote a sentence", () => {
    const reply = answer("By what percentage did arrests rise compared with last year?", counts);
    expect(reply.status).toBe("not_found");
    expect(reply.facts).toEqual([]);
  });
});

describe("what is the X for Y: the sentence stating X", () => {
  const charges = buildReportIndex(
    `Four Charged Over Harbour Cocaine Import

All four have been charged with importing a commercial quantity of cocaine, contrary to the Customs Act, and with conspiring to import a commercial quantity of cocaine. The maximum penalty for each offence is life imprisonment.

Police seized 320 kilograms of cocaine.`,
    { name: "invented-charges.txt", version: null },
  );

  it("answers from the sentence giving the maximum penalty", () => {
    expect(
      answer("What is the maximum penalty for importing a commercial quantity of cocaine?", charges)
        .text,
    ).toMatch(/^\(¶2\)\n> The maximum penalty for each offence is life imprisonment\./);
  });
});

describe("where an event happened", () => {
  const seizure = buildReportIndex(
    `Customs Seize Cannabis at Harbour Terminal

Customs officers seized 40 kilograms of cannabis at the harbour terminal on Monday.

After a follow-up investigation, officers arrested a 31-year-old man and a 27-year-old woman, suspected to be linked to the case, in Kellow Vale the same day.

The two arrested persons have been jointly charged with one count of trafficking.`,
    { name: "invented-seizure.txt", version: null },
  );

  it("answers from the sentence placing the arrest, a place no gazetteer knows", () => {
    expect(answer("Where were the two suspects arrested?", seizure).text).toMatch(
      /^\*\*Kellow Vale\*\* \(¶3\)/,
    );
  });
});

describe("who someone is: the sentence that introduces them", () => {
  // Invented briefing: the speaker is introduced with her title, then named bare.
  const briefing = buildReportIndex(
    `Harbour Drug Haul Announced

Mara Quill, deputy head of the Eastmark harbour police, said on Friday that officers had seized 40 kilograms of cocaine.

The harbour police held a briefing on Friday to report the results of the dockside checks.

At the briefing, Quill's colleague Tomas Brandt spoke first. Later, Mara Quill presented the results of the dockside checks to reporters.`,
    { name: "invented.txt", version: null },
  );

  it("cites the sentence giving the person's title, not the one naming them bare", () => {
    const reply = answer("Who presented the results of the dockside checks?", briefing);
    expect(reply.text).toMatch(/^\*\*Mara Quill\*\*/);
    expect(reply.citations).toEqual([2]);
    expect(reply.text).toContain("deputy head");
  });

  it("keeps the answering sentence when no earlier one says who they are", () => {
    const reply = answer("Who spoke first at the briefing?", briefing);
    expect(reply.text).toMatch(/^\*\*Tomas Brandt\*\*/);
    expect(reply.citations).toEqual([4]);
  });
});

describe("who spoke: the person the report has speaking, not the body that held the occasion", () => {
  // Invented news release: a body holds the briefing; a named official speaks at it.
  const release = buildReportIndex(
    `Port Police Report Record Year

The Westvale Port Police held a press conference on March 3 to report on the year's seizures.

Officers seized 2.1 tons of cocaine at the container terminal over the year.

"We will not give the smugglers a quiet night," said Ilse Varga, deputy commissioner of the port police.`,
    { name: "invented.txt", version: null },
  );

  it("answers with the speaker and her title", () => {
    const reply = answer("Who spoke at the press conference?", release);
    expect(reply.text).toMatch(/^\*\*Ilse Varga\*\*/);
    expect(reply.text).toContain("deputy commissioner");
  });

  it("leaves who held it to the body", () => {
    expect(answer("who held the press conference", release).text).toMatch(
      /^\*\*[^*]*Westvale Port Police\*\*/,
    );
  });
});

describe("where: a town and its state", () => {
  it("answers with the town the sentence names before the state, not the state alone", () => {
    const wire = buildReportIndex(
      "Lab Raid\n\nDeputies raided a pill press in Kelby Falls, Ohio, on Tuesday and arrested two men.\n",
      { name: "invented.txt", version: null },
    );
    expect(answer("where was the pill press raided", wire).text).toMatch(
      /^\*\*Kelby Falls, Ohio\*\*/,
    );
  });
});

describe("who issued a first-person document: its author", () => {
  it("answers with the name after 'I,' and before the title", () => {
    const order = buildReportIndex(
      `A PROCLAMATION

Harbour Safety Week, 2031

Last year 214 people died in smuggling-boat wrecks off our harbour towns.

NOW, THEREFORE, I, MARA J. QUILL, Governor of the State of Eastmark, do hereby proclaim May 4 through May 10, 2031, as Harbour Safety Week.`,
      { name: "invented.txt", version: null },
    );
    const reply = answer("who issued the proclamation", order);
    expect(reply.text).toMatch(/^\*\*MARA J\. QUILL\*\*/);
    expect(reply.citations).toEqual([4]);
  });
});

describe("who gave the figures: the person speaking where the report gives them", () => {
  // Invented reports of three shapes: a wire story with a dateline, a ministry release with a
  // press conference held by a body, and a bulletin whose speaker is quoted after the figures.
  const wire = buildReportIndex(
    `Harbour Wire Agency, March 3rd. Dana Okoro, deputy head of the Coast Bureau, said on the 3rd that officers seized 2.4 tonnes of cocaine.

The Coast Bureau held a press conference on the 3rd.`,
    { name: "wire.txt", version: null },
  );
  const ministry = buildReportIndex(
    `Ministry of Roads Update

The Ministry of Roads held a briefing on Monday.

At the briefing, Teodor Vance announced that 312 bridges were repaired.`,
    { name: "ministry.txt", version: null },
  );
  const bulletin = buildReportIndex(
    `Ridgeway Police Bulletin

Burglaries fell to 410 this quarter. "We are pleased," said Commander Ilse Brandt.`,
    { name: "bulletin.txt", version: null },
  );

  it("names the speaker, not the agency in the dateline nor the body holding the briefing", () => {
    expect(answer("who gave the numbers at the presser", wire).text).toMatch(/^\*\*Dana Okoro\*\*/);
    expect(answer("who was the guy giving out all these stats", ministry).text).toMatch(
      /^\*\*Teodor Vance\*\*/,
    );
    expect(answer("who presented the figures", bulletin).text).toMatch(/Ilse Brandt/);
  });
});
