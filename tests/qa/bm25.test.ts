import fc from "fast-check";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import {
  type Bm25Search,
  type Bm25Text,
  buildBm25,
  rankBm25,
  searchBm25,
} from "../../src/qa/bm25.js";

/** A small vocabulary, so words repeat across documents and prefixes and near misses exist. */
const WORDS = ["the", "seize", "seized", "seizure", "arrest", "arrests", "raid", "raids", "port"];
const STOP = new Set(["the"]);
const TEXT: Bm25Text = {
  tokenize: (text) => text.split(/\s+/).filter(Boolean),
  processTerm: (token) => (STOP.has(token) ? null : token),
};
const FIELDS = ["title", "body"] as const;

const field = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(" "));
const documents = fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 30 });
const query = fc.array(fc.constantFrom(...WORDS, "seizur", "rade"), { minLength: 1, maxLength: 4 });

type Options = Omit<Bm25Search, "postingsRead">;
const OPTION_SETS: Record<string, Options> = {
  plain: {},
  boosted: { boost: { title: 3 } },
  "prefix and fuzzy": {
    prefix: (term) => term.length >= 4,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : 0),
  },
};

function miniSearchOf(docs: [string, string][]): MiniSearch<{ id: number }> {
  const search = new MiniSearch<{ id: number }>({
    fields: [...FIELDS],
    tokenize: TEXT.tokenize,
    processTerm: TEXT.processTerm,
  });
  search.addAll(docs.map(([title, body], id) => ({ id, title, body })));
  return search;
}

/** The longest list of any word in any field: reading this many reads everything. */
function longest(docs: [string, string][]): number {
  return docs.length;
}

describe("searchBm25", () => {
  for (const [name, options] of Object.entries(OPTION_SETS)) {
    it(`reading every posting, returns what MiniSearch returns (${name})`, () => {
      fc.assert(
        fc.property(documents, query, (docs, words) => {
          const q = words.join(" ");
          const index = buildBm25(docs, FIELDS, TEXT);
          const ours = searchBm25(index, q, TEXT, { ...options, postingsRead: longest(docs) });
          const theirs = miniSearchOf(docs).search(q, { ...options, combineWith: "OR" });
          expect(ours.map((hit) => [hit.id, hit.score])).toEqual(
            theirs.map((hit) => [hit.id, hit.score]),
          );
          expect(ours.map((hit) => [...hit.terms].sort())).toEqual(
            theirs.map((hit) => [...hit.terms].sort()),
          );
        }),
        { numRuns: 300 },
      );
    });
  }

  it("reading r postings of one word, returns its r best documents, scored as in full", () => {
    fc.assert(
      fc.property(
        documents,
        fc.constantFrom("seize", "arrest", "raid"),
        fc.integer({ min: 1, max: 5 }),
        (docs, word, r) => {
          const bodies = docs.map(([, body]): [string, string] => ["", body]);
          const index = buildBm25(bodies, FIELDS, TEXT);
          const all = searchBm25(index, word, TEXT, { postingsRead: longest(docs) });
          const capped = searchBm25(index, word, TEXT, { postingsRead: r });
          expect(capped).toEqual(all.slice(0, r));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ranked only as far as a limit, gives the full search's head and every document's score", () => {
    fc.assert(
      fc.property(
        documents,
        query,
        fc.constantFrom(...Object.values(OPTION_SETS)),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        (docs, words, options, r, limit) => {
          const q = words.join(" ");
          const index = buildBm25(docs, FIELDS, TEXT);
          const all = searchBm25(index, q, TEXT, { ...options, postingsRead: r });
          // Another search first leaves its sums in the index's arrays: the ranking must clear them.
          searchBm25(index, "port raid", TEXT, { postingsRead: r });
          const ranking = rankBm25(index, q, TEXT, { ...options, postingsRead: r }, limit);
          expect([...ranking.best]).toEqual(all.slice(0, limit).map((hit) => hit.id));
          expect(ranking.top).toBe(all[0]?.score ?? 0);
          const scores = new Map(all.map((hit) => [hit.id, hit.score]));
          for (let id = 0; id < docs.length; id++)
            expect(ranking.scoreOf(id)).toBe(scores.get(id) ?? 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("orders each list by impact, best first, ties by id", () => {
    const index = buildBm25(
      [
        ["", "raid"],
        ["", "raid raid port"],
        ["", "raid raid"],
        ["", "port"],
      ],
      FIELDS,
      TEXT,
    );
    const body = index.terms.get("raid")?.[1];
    expect([...(body?.ids ?? [])]).toEqual([2, 1, 0]);
    const impacts = [...(body?.impacts ?? [])];
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    expect(index.terms.get("raid")?.[0]).toBeNull();
  });
});
