import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented report: office holders named by a title before the name ("Circuit Judge …", "CSU
// Director …"), by a spelled-out title an acronym asks for, and by an appositive after the name.
const REPORT = `Eastmark Harbour Police Annual Results

EASTMARK - The Eastmark Harbour Police (EHP) and the Coastal Smuggling Unit (CSU) presented their results for 2025 at a conference on Monday.

A county judge on Tuesday sentenced the leader of the ring to 12 years in prison.

Circuit Judge Tomas R. Brandvik handed down sentences totalling 40 years to the five defendants.

"We will follow every boat to its mooring," said CSU Director Senior Superintendent Alma K. Ferreira-Lund.

Port Authority Chief Executive Officer Dr Ilse Marrow said the port would add 12 scanners.

Officers seized 40 kilograms of cocaine, said Pavel Ostrin, commissioner of the Eastmark Harbour Police.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

function lead(question: string): string {
  const reply = answer(question, index);
  expect(reply.status).toBe("answered");
  return /^\*\*(.+?)\*\*/.exec(reply.text)?.[1] ?? "";
}

describe("who holds a title", () => {
  it("is the person the title stands before, not a mention of the title without a name", () => {
    expect(lead("Who was the judge in the case?")).toContain("Tomas R. Brandvik");
  });

  it("is who heads a body, named by its acronym before the title", () => {
    expect(lead("Who heads the Coastal Smuggling Unit?")).toContain("Alma K. Ferreira-Lund");
  });

  it("answers an acronym of the title with the title spelled out", () => {
    expect(lead("Who is the CEO of the Port Authority?")).toContain("Ilse Marrow");
  });

  it("is the person an appositive gives the title to", () => {
    expect(lead("Who is the commissioner of the Eastmark Harbour Police?")).toBe("Pavel Ostrin");
  });
});

describe("a title asked with a place or body before it, or after 'which'", () => {
  it("finds the title proper at the end of what is asked", () => {
    expect(lead("who is the eastmark harbour circuit judge")).toContain("Tomas R. Brandvik");
    expect(lead("who is eastmark's csu director")).toContain("Alma K. Ferreira-Lund");
  });

  it("names the holder where the sentence stating the event gives the title alone", () => {
    const reply = answer("which judge sentenced the leader of the ring", index);
    expect(reply.text).toMatch(/^\*\*Tomas R\. Brandvik\*\*/);
    expect(reply.citations).toEqual([4]);
  });
});

describe("who heads a body in the report's own words, and a title asked with 'who's … quoted'", () => {
  // Invented report: a director by title elsewhere, and a colonel the report says heads a unit.
  const river = buildReportIndex(
    `Westvale River Patrol Review

Patrol director General Ana Brisco said the river patrol seized 12 boats.

Major Tomas Eilert, who heads the river drone surveillance unit, said the drones flew 400 missions.

"We will not stop," Harbour Minister Ilse Varga told reporters.`,
    { name: "river.txt", version: null },
  );

  it("answers the one the report says heads the body asked, not another holder of a head title", () => {
    const got = answer("who heads the river drone surveillance unit in westvale?", river);
    expect(got.text).toMatch(/^\*\*Tomas Eilert\*\*/);
  });

  it("reads the title before a participle saying where the holder is quoted", () => {
    const got = answer("who's the harbour minister quoted in the story", river);
    expect(got.text).toMatch(/^\*\*Ilse Varga\*\*/);
  });
});

// Invented report: posts given by a relative clause, a compound title, "identified … as", an
// appositive title the lexicon lists, and a question that says where the asker met the title.
const BRIEFING = `Westmarch customs and police results

WESTMARCH, Jan 4 (Wire) - Police made 4,100 arrests in 2025, up 12%, the Interior Ministry said.

Police director General Oskar Lind said the coast was the main route.

Colonel Mara Venn, who heads the coastal anti-smuggling patrol command, said 14 boats were stopped.

"We cannot win this alone," Interior Minister Tobias Kell told reporters.

Prosecutors identified the alleged ringleader as Piet Rask, 44, of Harlow.

The Westmarch delegation was led by Deputy Minister Ada Brink and included Port Administrator Jon Ekdahl.

"Seizures are only half the story," said Ines Dray, administrator-general of Westmarch's General Administration of Customs.`;

const briefing = buildReportIndex(BRIEFING, { name: "invented.txt", version: null });

function leadIn(question: string): string {
  const reply = answer(question, briefing);
  expect(reply.status).toBe("answered");
  return /^\*\*(.+?)\*\*/.exec(reply.text)?.[1] ?? "";
}

describe("who holds a post the report gives in other shapes", () => {
  it("is the person a 'who heads' clause gives the body, over another head that shares less of it", () => {
    expect(leadIn("who heads the coastal anti-smuggling patrol command?")).toContain("Mara Venn");
    expect(leadIn("who leads the patrol command")).toContain("Mara Venn");
  });

  it("reads who's, and leaves out where the asker met the title", () => {
    expect(leadIn("who's the interior minister quoted in the arrests story")).toContain(
      "Tobias Kell",
    );
    expect(leadIn("who is the interior minister mentioned in the briefing?")).toContain(
      "Tobias Kell",
    );
  });

  it("asks a compound title by its last part, and reads 'identified … as'", () => {
    expect(leadIn("who's the alleged ringleader")).toContain("Piet Rask");
    expect(leadIn("who was the ringleader?")).toContain("Piet Rask");
  });

  it("is the name a passive 'led by' gives, over another head's title in the sentence", () => {
    expect(leadIn("who led the westmarch delegation?")).toContain("Ada Brink");
  });

  it("is an administrator's name for who runs a body", () => {
    expect(leadIn("who runs the customs administration")).toContain("Ines Dray");
  });
});

// Invented: a court story naming a ring, then its leader in the next paragraph by "Its"; and a
// meeting readout giving each delegation by its country's demonym, one head's title long.
const POINTING_BACK = buildReportIndex(
  `Harbour court jails smuggling ring

The district court sentenced nine members of a network known as the "Saltmarsh crew" to a combined 60 years.

Its alleged leader, Oskar Brenn Halvik, 52, received 14 years. His deputy, Lars Emmet, was sentenced to six years.

The chief prosecutor, Nadia Fell, said the verdict would deter others.

The Norwegian delegation was led by Deputy Minister Ivar Tolle. The Danish delegation was led by Minister of Justice and Public Security Karen Aabel Dahl and Deputy Minister Jens Holm.`,
  { name: "invented.txt", version: null },
);

function leadOf(question: string): string {
  const reply = answer(question, POINTING_BACK);
  expect(reply.status).toBe("answered");
  return /^\*\*(.+?)\*\*/.exec(reply.text)?.[1] ?? "";
}

describe("who holds a title given across sentences", () => {
  it("reads 'Its leader' as the leader of the body the paragraph before names", () => {
    expect(leadOf("Who was the leader of the Saltmarsh crew?")).toContain("Oskar Brenn Halvik");
  });

  it("takes the name an appositive sets off right after the title", () => {
    expect(leadOf("who is the chief prosecutor?")).toContain("Nadia Fell");
  });

  it("meets a country asked by name in the body's demonym, and a title of several words", () => {
    expect(leadOf("who headed denmark's delegation")).toContain("Karen Aabel Dahl");
    expect(leadOf("who led norway's delegation?")).toContain("Ivar Tolle");
  });
});

// Invented: a researcher set beside her name by an appositive, a commander of a named command.
const APPOSITIVES = buildReportIndex(
  `Harbour seizures fall

Crews seized 41 boats, according to a summary released by the Harbour Patrol Command and the River Patrol Command.

Kelby University researchers track the routes each year, and a Kelby University study found most boats now sail at night.

"Every one of these cases starts with a radar contact," said Vice Adm. Tarn Okafor-Reyes, commander of Harbour Patrol Command, in Port Alder.

Mirela Vostok, a criminologist at Kelby University who studies port crime, said the price of resin had held at around 2,000 to 3,000 euros per kilogram over the past two years.`,
  { name: "invented.txt", version: null },
);

describe("who holds a post named by any noun, or a head verb of other kinds", () => {
  const leadIn2 = (question: string) => {
    const reply = answer(question, APPOSITIVES);
    expect(reply.status).toBe("answered");
    return /^\*\*(.+?)\*\*/.exec(reply.text)?.[1] ?? "";
  };

  it("is the name an appositive sets beside a noun no title list holds", () => {
    expect(leadIn2("who is the criminologist from kelby university?")).toContain("Mirela Vostok");
  });

  it("reads 'commands' and 'oversees' as asking the head", () => {
    expect(leadIn2("who commands harbour patrol command")).toContain("Tarn Okafor-Reyes");
    expect(leadIn2("who oversees harbour patrol command?")).toContain("Tarn Okafor-Reyes");
  });
});
