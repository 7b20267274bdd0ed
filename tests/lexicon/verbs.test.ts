import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AGREEING_VERBS, actionLemma, participleOf } from "../../src/facts/lexicon.js";
import { checked } from "../../src/lexicon/checked.js";
import { VERBS } from "../../src/lexicon/verbs.js";

describe("the verb lexicon", () => {
  it("has one row per verb", () => {
    const lemmas = VERBS.map((verb) => verb.lemma);
    expect(new Set(lemmas).size).toBe(lemmas.length);
  });

  it("maps a report's forms to their lemma and says the participle an answer uses", () => {
    expect(actionLemma("Confiscated")).toBe("seize");
    expect(participleOf("freeze")).toBe("frozen");
    expect(AGREEING_VERBS.has("extradite")).toBe(true);
  });

  it("is safe with words that name object properties", () => {
    for (const word of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(actionLemma(word)).toBeNull();
    }
  });

  it("fails with one line naming a malformed file", () => {
    expect(() =>
      checked(z.object({ verbs: z.array(z.string()) }), { verbs: [1] }, "x.json"),
    ).toThrow(/^factdesk: src\/lexicon\/x\.json is malformed/);
  });
});
