import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { dateRange } from "../../src/qa/answers/spans/date.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

const build = (text: string) => buildReportIndex(text, { name: "invented.txt", version: null });

function lead(question: string, index: ReturnType<typeof build>): string {
  const reply = answer(question, index);
  expect(reply.status).toBe("answered");
  return /^\*\*(.+?)\*\*/.exec(reply.text)?.[1] ?? "";
}

// Invented: a briefing transcript headed by its kind, its date on a line of its own.
const BRIEFING = build(`Press Briefing by Harbour Commissioner Ilse Varga

Harbour Authority Briefing Room

June 4, 2026

10:05 A.M.

MS. VARGA: Good morning. On Monday our crews met the Coast Watch in Port Alder to plan the summer patrols.

Last year the patrols seized 412 kilograms of cocaine.`);

// Invented: a news story with a dateline, telling of a briefing held by someone else.
const STORY = build(`Port seizures climb as patrols widen

By Tomas Reyl

PORT ALDER, Sept. 9 - Customs officers seized 88 kilograms of heroin this summer, officials said.

The figures were given at a briefing held on August 30 at the customs house.`);

describe("a document's own date", () => {
  it("dates 'this briefing' and a briefing the heading names by the document's date", () => {
    expect(lead("when was this briefing held", BRIEFING)).toBe("June 4, 2026");
    expect(lead("what day was the briefing", BRIEFING)).toBe("June 4, 2026");
    expect(lead("when was this story written", STORY)).toBe("Sept. 9");
  });

  it("dates a briefing the document only tells of from the sentence telling of it", () => {
    expect(lead("when was the briefing held", STORY)).toBe("August 30");
  });
});

describe("the dates something runs", () => {
  it("reads a range with or without 'from', shortened months and a day-to-day dash", () => {
    expect(dateRange("The sweep ran from May 2 to Oct 31 across the coast.")).toBe(
      "from May 2 to Oct 31",
    );
    expect(dateRange("We proclaim March 3 through March 9, 2027, as Harbour Week.")).toBe(
      "March 3 through March 9, 2027",
    );
    expect(dateRange("Harbour Week runs May 2-8, 2026.")).toBe("May 2-8, 2026");
    expect(dateRange("Between May 1 and June 30 the unit grew.")).toBe("Between May 1 and June 30");
    expect(dateRange("In March 2024 the unit met 3-4 times.")).toBeNull();
  });

  it("answers 'what dates' and 'when' with the whole range, not its last day", () => {
    const index = build(`Harbour Safety Week, 2027

A PROCLAMATION

Our harbours feed the nation. Last year 31 deckhands were injured at work.

NOW, THEREFORE, I, ODA MERRIN, Governor of the State, do hereby proclaim March 3 through March 9, 2027, as Harbour Safety Week.`);
    expect(lead("what dates is harbour safety week", index)).toBe("March 3 through March 9, 2027");
    expect(lead("when is harbour safety week", index)).toBe("March 3 through March 9, 2027");
  });
});

// Invented: a story with no dated dateline, the figures said on a weekday, an event dated later.
const SAID_ON = build(`Harbour patrols seize record heroin haul

By a staff writer

Patrol crews seized 212 kilograms of heroin in the spring, the Harbour Board said on Wednesday.

The largest single find, 40 kilograms, was made on April 9 at the east quay, according to figures released by the board.`);

describe("the day the figures were put out", () => {
  it("reads a question asking when the results were reported, in either word order", () => {
    expect(lead("on what date were the results reported?", SAID_ON)).toBe("Wednesday");
    expect(lead("when did the board release the figures", SAID_ON)).toBe("Wednesday");
  });

  it("dates the release by the day the figures were said, not a date the figures give", () => {
    expect(lead("when were the figures released?", SAID_ON)).toBe("Wednesday");
    expect(lead("when were the results presented", SAID_ON)).toBe("Wednesday");
  });

  it("takes the date a sentence gives the release itself over the dateline", () => {
    expect(lead("when were the figures given?", STORY)).toBe("August 30");
  });
});
