import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchBm25 } from "../../src/qa/bm25.js";
import {
  conceptIds,
  FACT,
  inParagraph,
  inSentence,
  OWN,
  ownFlagsOf,
} from "../../src/qa/factConcepts.js";
import { rankFacts } from "../../src/qa/rank.js";
import {
  buildReportIndex,
  conceptWeight,
  FACT_FIELD_BOOST,
  type FactDoc,
  type ReportIndex,
  SEARCH_TEXT,
} from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";
import { concept } from "../../src/qa/vocabulary.js";
import { DEFAULT_WEIGHTS, weightsWith } from "../../src/qa/weights.js";
import { ReportError } from "../../src/report/errors.js";

// Invented paragraphs, put together at random so lists of every length and tier arise.
const SENTENCES = [
  "Police in Kenya seized 420 kilograms of heroin at the port.",
  "Customs officers in Texas arrested 36 suspects in the harbour sweep.",
  "The task force seized 1,200 pills during raids on two farms.",
  "Heroin seizures rose 12 percent on the year before.",
  "Border teams in Kenya and Texas arrested 85 people, including 9 couriers.",
  "Officials said the raids would go on through the winter.",
  "A total of 3.1 tons of cocaine was seized nationwide.",
];
const report = fc
  .array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 14,
  })
  .map((paragraphs) => paragraphs.map((p) => p.join(" ")).join("\n\n"));
const QUESTIONS = [
  "How much heroin was seized?",
  "How many suspects were arrested in Texas?",
  "How many people were arrested in Kenya and Texas?",
  "Which state arrested the most suspects?",
  "By what percentage did seizures rise?",
  "How many pills were seized in the raids?",
];

const TIERS = [DEFAULT_WEIGHTS.coreHit, DEFAULT_WEIGHTS.nearHit, DEFAULT_WEIGHTS.sentenceHit];

/** What a concept adds to a fact's score where the fact uses it, plus its paragraph's quality. */
function impact(doc: FactDoc, c: string, weight: number): number {
  const tier = [doc.core.has(c) || doc.heads.has(c) || doc.subject.has(c), doc.near.has(c)]
    .concat(doc.context.has(c))
    .findIndex(Boolean);
  const level = tier < 0 ? DEFAULT_WEIGHTS.paragraphHit : (TIERS[tier] as number);
  return level * weight - doc.fact.paragraph * DEFAULT_WEIGHTS.paragraphOrder;
}

/** The index of an invented report, or null when it holds no figure to index. */
function built(text: string): ReportIndex | null {
  try {
    return buildReportIndex(text, { name: "invented.txt", version: null });
  } catch (error) {
    if (error instanceof ReportError) return null;
    throw error;
  }
}

describe("fact retrieval lists", () => {
  it("list every fact that uses a concept once, best first by impact", () => {
    fc.assert(
      fc.property(report, (text) => {
        const index = built(text);
        if (index === null) return;
        const { byConcept } = index.retrieval;
        for (const [c, ids] of byConcept) {
          const using = index.factDocs.flatMap((doc, id) =>
            [doc.core, doc.heads, doc.subject, doc.near, doc.context, doc.paragraph].some((set) =>
              set.has(c),
            )
              ? [id]
              : [],
          );
          expect([...ids].sort((a, b) => a - b)).toEqual(using);
          const weight = conceptWeight(index.sentenceFrequency.get(c) ?? 0, index.sentences.length);
          const impacts = ids.map((id) => impact(index.factDocs[id] as FactDoc, c, weight));
          for (let i = 1; i < impacts.length; i++)
            expect(impacts[i]).toBeLessThanOrEqual(impacts[i - 1] as number);
        }
        for (const ids of index.retrieval.byPlace.values()) {
          const share = ids.map((id) => 1 / (index.factDocs[id]?.fact.places.length ?? 1));
          for (let i = 1; i < share.length; i++)
            expect(share[i]).toBeLessThanOrEqual(share[i - 1] as number);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("rank exactly as an uncapped read when no list is longer than the cap", () => {
    fc.assert(
      fc.property(report, fc.constantFrom(...QUESTIONS), (text, question) => {
        const index = built(text);
        if (index === null) return;
        const longest = Math.max(
          ...[...index.retrieval.byConcept.values()].map((ids) => ids.length),
          index.factDocs.length,
        );
        const ranked = (postingsRead: number) =>
          rankFacts(understand(question), index, undefined, weightsWith({ postingsRead })).map(
            (scored) => [scored.fact.paragraph, scored.fact.value, scored.score],
          );
        expect(ranked(longest)).toEqual(ranked(Number.POSITIVE_INFINITY));
      }),
      { numRuns: 40 },
    );
  });

  it("read at a small cap, a named place's facts are the head of its list", () => {
    fc.assert(
      fc.property(report, fc.integer({ min: 1, max: 4 }), (text, r) => {
        const index = built(text);
        if (index === null) return;
        // The report's own country or state stands for its national figures, not a place filter.
        if (index.home.has("Texas")) return;
        const query = understand("How many suspects were arrested in Texas?");
        const ranked = rankFacts(query, index, undefined, weightsWith({ postingsRead: r }));
        const head = (index.retrieval.byPlace.get("Texas") ?? []).slice(0, r);
        const ids = ranked.map((scored) => index.factDocs.indexOf(scored.doc));
        expect(ids.sort((a, b) => a - b)).toEqual([...head].sort((a, b) => a - b));
      }),
      { numRuns: 40 },
    );
  });

  it("read at a small cap, score only facts at the head of a list the question reads", () => {
    fc.assert(
      fc.property(report, fc.constantFrom(...QUESTIONS), (text, question) => {
        const index = built(text);
        if (index === null) return;
        const query = understand(question);
        if (query.filters.places.length > 0) return;
        const r = 2;
        const { byConcept, byUnit, located } = index.retrieval;
        const asked = [...query.measure.concepts, query.measure.target, query.rankedThing];
        const heads = new Set([
          ...asked.flatMap((c) => (c ? (byConcept.get(concept(c)) ?? []).slice(0, r) : [])),
          ...[...byUnit.values()].flatMap((ids) => ids.slice(0, r)),
          ...located.slice(0, r),
          ...searchBm25(index.factSearch, query.cleaned, SEARCH_TEXT, {
            postingsRead: r,
            boost: FACT_FIELD_BOOST,
          }).map((hit) => hit.id),
        ]);
        const ranked = rankFacts(query, index, [], weightsWith({ postingsRead: r }));
        if (heads.size === 0) return;
        for (const scored of ranked) expect(heads).toContain(index.factDocs.indexOf(scored.doc));
      }),
      { numRuns: 40 },
    );
  });
});

describe("compact fact concepts", () => {
  it("say for every fact and concept what the fact doc's own Sets say", () => {
    fc.assert(
      fc.property(report, (text) => {
        const index = built(text);
        if (index === null) return;
        const { factConcepts } = index;
        const everyConcept = new Set(["never-used"]);
        for (const doc of index.factDocs)
          for (const set of [doc.core, doc.near, doc.heads, doc.context, doc.paragraph])
            for (const c of set) everyConcept.add(c);
        const asked = [...everyConcept];
        const ids = conceptIds(factConcepts, asked);
        const flags = new Uint8Array(asked.length);
        index.factDocs.forEach((doc, f) => {
          const kind = factConcepts.factFlags[f] as number;
          expect([
            factConcepts.paragraph[f],
            factConcepts.unit[f],
            Boolean(kind & FACT.measured),
            Boolean(kind & FACT.national),
            Boolean(kind & FACT.unsectioned),
          ]).toEqual([
            doc.fact.paragraph,
            doc.fact.unit,
            Boolean(doc.fact.base),
            doc.fact.scope === "national",
            doc.fact.section === null,
          ]);
          ownFlagsOf(factConcepts, f, ids, flags);
          const verbs = [
            ...(doc.fact.action !== null ? [concept(doc.fact.action)] : []),
            ...doc.leadVerbs,
          ];
          asked.forEach((c, i) => {
            const id = ids[i] as number;
            expect([
              Boolean((flags[i] as number) & OWN.core),
              Boolean((flags[i] as number) & OWN.near),
              Boolean((flags[i] as number) & OWN.head),
              Boolean((flags[i] as number) & OWN.verb),
              Boolean((flags[i] as number) & OWN.subject),
              inSentence(factConcepts, f, id),
              inParagraph(factConcepts, f, id),
            ]).toEqual([
              doc.core.has(c),
              doc.near.has(c),
              doc.heads.has(c),
              verbs.includes(c),
              doc.subject.has(c),
              doc.context.has(c),
              doc.paragraph.has(c),
            ]);
          });
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe("a fact's own words", () => {
  // Invented report: two figures of one kind, and a labelled line.
  const index = buildReportIndex(
    "Harbour Sweep\n\nPatrols seized 40 nets in Ontario and 25 nets in Quebec.\n\nBoats: 12 were stopped near the docks.",
    { name: "invented.txt", version: null },
  );
  const [ontario, quebec, boats] = index.factDocs;

  it("are one Set for facts whose own words are the same", () => {
    expect(ontario?.core).toBe(quebec?.core);
    expect([...(ontario?.core ?? [])]).toEqual(expect.arrayContaining([concept("nets")]));
  });

  it("take a line's label, which other facts of the same kind do not share", () => {
    expect(boats?.core.has(concept("boats"))).toBe(true);
    expect(boats?.core).not.toBe(ontario?.core);
  });
});
