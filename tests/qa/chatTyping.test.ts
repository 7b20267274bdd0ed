import { describe, expect, it } from "vitest";
import { reply } from "../../src/qa/answer.js";
import { normalizeQuestion, topicFirst } from "../../src/qa/normalize.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// An invented regional report: a spokeswoman, a treatment programme, and districts, one with an
// accented name one letter from a country the gazetteer knows.
const REPORT = [
  'Spokeswoman Dana Holt said the "Clean Sweep" drive ran for 60 days.',
  "Officers placed 410 users in residential rehabilitation, and 275 users were rehabilitated at home.",
  "Arrests by district:",
  "District | Arrests",
  "Corvela | 96",
  "Kenjá | 58",
  "Marlow | 31",
].join("\n\n");
const index = buildReportIndex(REPORT, { name: "invented-chat.txt", version: null });

describe("questions typed the way people chat", () => {
  it("reads a shorthand word that carries a clitic as the word it stands for", () => {
    expect(normalizeQuestion("wat's the drive called", index.spelling)).toBe(
      "what's the drive called",
    );
    // Only a one-word expansion takes the clitic: "whos" already says "who is".
    expect(normalizeQuestion("ppl's homes", index.spelling)).toBe("people's homes");
  });

  it("reads an -ing word typed with its g dropped, never an English word ending in -in", () => {
    expect(normalizeQuestion("whos givin these numbers", index.spelling)).toBe(
      "who is giving these numbers",
    );
    expect(normalizeQuestion("the cabin", index.spelling)).toBe("the cabin");
    expect(reply("whos the woman givin these numbers", index).answer.text).toContain("Dana Holt");
  });

  it("reads clipped chat words as the report's words and drops filler", () => {
    expect(reply("how many actually got rehabbed at home tho", index).answer.facts[0]?.value).toBe(
      275,
    );
    expect(reply("how many users went to rehab kinda", index).answer.status).toBe("answered");
    expect(normalizeQuestion("did they run em", index.spelling)).toBe("did they run them");
  });

  it("reads an unaccented typing of the report's own place as that place, not a near country", () => {
    // "kenja" is the report's "Kenjá" and one letter from Kenya, which the report never names.
    expect(reply("arrests in kenja?", index).answer.facts[0]?.value).toBe(58);
  });

  it("reads drug and police slang as the report's words, from the lexicon", () => {
    const seizures = buildReportIndex(
      [
        "Federal agents seized 14 pounds of fentanyl and 2,600 oxycodone pills in the river county.",
        "Deputies handed out 900 naloxone kits. In court, 45 dealers were fined and 31 dealers were jailed.",
      ].join("\n\n"),
      { name: "invented-slang.txt", version: null },
    );
    expect(reply("how much fent did they grab", seizures).answer.facts[0]?.value).toBe(14);
    expect(reply("how many oxy pills", seizures).answer.facts[0]?.value).toBe(2_600);
    expect(reply("how many narcan kits", seizures).answer.facts[0]?.value).toBe(900);
    expect(reply("how many dealers got locked up", seizures).answer.facts[0]?.value).toBe(31);
  });

  it("reads a long name cut short as the one report word it begins, never a typo of another", () => {
    const lab = buildReportIndex(
      "Officers seized 3 kilograms of carfentanil and sent 12 samples to the lab.",
      { name: "invented-lab.txt", version: null },
    );
    expect(normalizeQuestion("how much carfent", lab.spelling)).toBe("how much carfentanil");
    // One letter short is a typo, read by the typo index, not a cut word.
    expect(normalizeQuestion("how many samples were snet", lab.spelling)).toBe(
      "how many samples were sent",
    );
    expect(reply("how much carfent did they get", lab).answer.facts[0]?.value).toBe(3);
  });

  it("reads a thing named before 'how many' and a verb as the thing counted", () => {
    expect(reply("wat about users, how many got rehabbed", index).query?.cleaned).toBe(
      "how many users got rehabilitated",
    );
    expect(reply("users, how many were rehabilitated", index).answer.facts[0]?.value).toBe(275);
    // A place first is a filter, and a noun after "how many" is what is counted: left as typed.
    expect(reply("what about corvela, how many were held", index).query?.cleaned).not.toContain(
      "how many corvela",
    );
    expect(topicFirst("the drive, how many users", () => false)).toBe("the drive, how many users");
    expect(topicFirst("of all users, how many were rehabilitated", () => false)).toBe(
      "of all users, how many were rehabilitated",
    );
  });
});
