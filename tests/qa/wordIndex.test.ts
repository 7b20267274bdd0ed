import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localPlacesInQuestion } from "../../src/facts/localPlaces.js";
import {
  buildWordIndex,
  paragraphsHoldingText,
  paragraphsWithPrefix,
  paragraphsWithWords,
} from "../../src/qa/wordIndex.js";
import { editDistance } from "../../src/text/editDistance.js";
import { tokenize } from "../../src/text/tokenize.js";

/** Few letters, so words repeat and share prefixes; punctuation that `\b` treats as a boundary. */
const word = fc.stringMatching(/^[abAB][ab_1]{0,3}$/);
const text = fc
  .array(fc.oneof(word, fc.constantFrom(" ", "-", ". ", "'", "é", "(")), { maxLength: 20 })
  .map((parts) => parts.join(""));
const paragraphs = fc
  .array(text, { minLength: 1, maxLength: 12 })
  .map((texts) => texts.map((t, i) => ({ number: i + 1, text: t })));
const name = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .chain((words) => fc.constantFrom(words.join(" "), words.join("-"), words.join("'")));

function escaped(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("word index of paragraphs", () => {
  it("holds every paragraph a whole-word match of a name is in, ascending", () => {
    fc.assert(
      fc.property(paragraphs, name, fc.boolean(), (ps, n, ignoreCase) => {
        const matcher = new RegExp(`\\b${escaped(n)}\\b`, ignoreCase ? "i" : "");
        const found = paragraphsWithWords(buildWordIndex(ps), n) ?? [];
        for (const p of ps) if (matcher.test(p.text)) expect(found).toContain(p.number);
        expect(found).toEqual([...found].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it("holds every paragraph a prefix match is in, ascending and once each", () => {
    fc.assert(
      fc.property(paragraphs, name, (ps, n) => {
        const matcher = new RegExp(`\\b${escaped(n)}`, "i");
        const found = [...(paragraphsWithPrefix(buildWordIndex(ps), n) ?? [])];
        for (const p of ps) if (matcher.test(p.text)) expect(found).toContain(p.number);
        expect(found).toEqual([...new Set(found)].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it("holds every paragraph a text stands in, inside longer words too, ascending and once each", () => {
    const slice = paragraphs.chain((ps) =>
      fc
        .record({ at: fc.nat(ps.length - 1), from: fc.nat(20), length: fc.nat(12) })
        .map(({ at, from, length }) => {
          const source = ps[at]?.text ?? "";
          return [ps, source.slice(from, from + length)] as const;
        }),
    );
    fc.assert(
      fc.property(slice, ([ps, n]) => {
        const found = paragraphsHoldingText(buildWordIndex(ps), n);
        if (found === null) return;
        const list = [...found];
        for (const p of ps)
          if (n.length > 0 && p.text.includes(n)) expect(list).toContain(p.number);
        expect(list).toEqual([...new Set(list)].sort((a, b) => a - b));
      }),
      { numRuns: 1000 },
    );
    // "Tide" inside "Riptide Watch": a lone word may sit inside a longer one.
    const index = buildWordIndex([
      { number: 1, text: 'The "Riptide Watch" patrols' },
      { number: 2, text: "Harbour raids" },
    ]);
    expect([...(paragraphsHoldingText(index, "tide W") ?? [])]).toEqual([1]);
    expect([...(paragraphsHoldingText(index, "tide") ?? [])]).toEqual([1]);
    expect(paragraphsHoldingText(index, "—")).toBeNull();
  });

  it("says any paragraph may match a text without a word", () => {
    const index = buildWordIndex([{ number: 1, text: "Port raids" }]);
    expect(paragraphsWithWords(index, "— …")).toBeNull();
    expect(paragraphsWithWords(index, "raids")).toEqual([1]);
  });
});

/** What the first-word index stands in for: every name tried against every window of the question. */
function everyName(question: string, names: string[]): string[] {
  const words = tokenize(question)
    .filter((token) => token.isWord || /^\d/.test(token.text))
    .map((token) => token.lower);
  return names.filter((n) => {
    const parts = n.toLowerCase().split(/\s+/);
    for (let i = 0; i + parts.length <= words.length; i++) {
      const window = words.slice(i, i + parts.length);
      if (
        window.every((w, j) => {
          const part = parts[j] ?? "";
          return w === part || (part.length >= 5 && editDistance(w, part, 1) <= 1);
        })
      )
        return true;
    }
    return false;
  });
}

describe("the report's own place names in a question", () => {
  const placeWord = fc.stringMatching(/^[kr][aeo]{1,2}[lmn]{0,2}[aeo]{0,2}$/);
  const placeName = fc
    .array(placeWord, { minLength: 1, maxLength: 2 })
    .map((ws) => ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" "));
  it("finds, in order, the names a scan of every name finds", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(placeName, { maxLength: 10 }),
        fc.array(placeWord, { maxLength: 6 }),
        (names, asked) => {
          const question = `How many arrests in ${asked.join(" ")}?`;
          const found = localPlacesInQuestion(question, names).map((m) => m.place.name);
          expect(found).toEqual(everyName(question, names));
        },
      ),
      { numRuns: 500 },
    );
  });
});
