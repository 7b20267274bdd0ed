import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { countInWords } from "../../src/qa/coverage.js";
import { preparedOf, statementKey } from "../../src/qa/prepared.js";
import {
  buildReportIndex,
  factsIn,
  givesFigure,
  sentencesIn,
  toTransferable,
  withSearch,
} from "../../src/qa/reportIndex.js";
import { understand } from "../../src/qa/understand.js";
import { concept } from "../../src/qa/vocabulary.js";
import { paragraphsWithPrefix } from "../../src/qa/wordIndex.js";

// Invented report: a breakdown by town, a count given only in words, named people and bodies.
const REPORT = `Harbour Watch Quarterly

The Harbour Guard said Inspector Mara Quill led the spring patrols. Crews stopped dozens of unlicensed boats near the docks.

Patrols seized 40 nets in Ontario, 25 nets in Quebec and 12 nets in Manitoba.

Officers logged 310 inspections in total.`;

const index = buildReportIndex(REPORT, { name: "invented.txt", version: null });

describe("the look-ups prepared with the index", () => {
  it("are built with the index, not on the first question", () => {
    const before = preparedOf(index);
    answer("How many nets were seized in Ontario?", index);
    expect(preparedOf(index)).toBe(before);
  });

  it("group the table's facts by what they state, in table order, for a restated figure", () => {
    const restating = buildReportIndex(
      `Harbour Watch Summary

Patrols seized 40 nets in Ontario and 25 nets in Quebec.

In Ontario, patrols seized 40 nets over the spring.

Quebec crews seized 25 traps as well.`,
      { name: "invented.txt", version: null },
    );
    const { facts } = restating.table;
    const { factsByStatement } = preparedOf(restating);
    for (const [i, fact] of facts.entries()) {
      const same = facts.flatMap((other, j) =>
        statementKey(other) === statementKey(fact) ? [j] : [],
      );
      expect(factsByStatement.get(statementKey(fact))).toEqual(same);
      expect(same).toContain(i);
    }
    // "40 nets" stated twice shares one key; "25 traps" is not "25 nets".
    const nets = facts.filter((fact) => fact.value === 40);
    expect(nets.length).toBe(2);
    expect(new Set(nets.map(statementKey)).size).toBe(1);
    const twentyFive = facts.filter((fact) => fact.value === 25);
    expect(new Set(twentyFive.map(statementKey)).size).toBe(twentyFive.length);
  });

  it("count, per verb, the head nouns its facts count, first met first", () => {
    const seizing = buildReportIndex(
      `Harbour Watch Summary

Patrols seized 40 nets in Ontario and 25 traps in Quebec.

Crews seized 12 nets in Manitoba and arrested 9 poachers.

Wardens arrested 3 poachers in Yukon.`,
      { name: "invented.txt", version: null },
    );
    const { headsByAction } = preparedOf(seizing);
    // What a pass over every fact finds, for each verb.
    for (const [action, heads] of headsByAction) {
      const direct = new Map<string, number>();
      for (const doc of seizing.factDocs)
        if (doc.fact.action && concept(doc.fact.action) === action)
          for (const head of doc.heads) direct.set(head, (direct.get(head) ?? 0) + 1);
      expect(new Map([...heads].map(([head, { count }]) => [head, count]))).toEqual(direct);
      const order = [...heads].sort((a, b) => a[1].first - b[1].first).map(([head]) => head);
      expect(order).toEqual([...direct.keys()]);
    }
    expect(headsByAction.get(concept("seize"))?.get(concept("nets"))?.count).toBe(2);
  });

  it("find the sentences that count in words, and only those", () => {
    const texts = preparedOf(index).countingInWords.map((s) => s.text);
    expect(texts).toEqual(["Crews stopped dozens of unlicensed boats near the docks."]);
  });

  it("index the words a count in words can count, not every word of its sentence", () => {
    const { countedInWords } = preparedOf(index);
    expect([...(paragraphsWithPrefix(countedInWords, "boat") ?? [])]).toEqual([0]);
    expect([...(paragraphsWithPrefix(countedInWords, "unlicens") ?? [])]).toEqual([0]);
    expect([...(paragraphsWithPrefix(countedInWords, "net") ?? [])]).toEqual([]);
  });

  it("answer a count given only in words from the indexed words", () => {
    expect(answer("How many boats did crews stop?", index).text).toContain(
      "dozens of unlicensed boats",
    );
  });

  it("group one-place figures of the same measure into a breakdown", () => {
    const nets = [...preparedOf(index).breakdowns.values()].find((places) => places.size > 1);
    expect(nets?.size).toBe(3);
  });

  it("index facts and sentences by paragraph", () => {
    expect(factsIn(index, [3]).map((f) => f.value)).toEqual([40, 25, 12]);
    expect(givesFigure(index, 2)).toBe(false);
    expect(givesFigure(index, 4, 0)).toBe(true);
    expect([...sentencesIn(index, [2])].map((s) => s.sentence)).toEqual([0, 1]);
  });

  it("are made again for an index that crossed a thread boundary, with the same content", () => {
    const { data, search } = toTransferable(index);
    const copy = withSearch(structuredClone(data), structuredClone(search));
    const [mine, theirs] = [preparedOf(index), preparedOf(copy)];
    expect(theirs).not.toBe(mine);
    expect(theirs.countingInWords.map((s) => s.text)).toEqual(
      mine.countingInWords.map((s) => s.text),
    );
    expect([...theirs.entities.bySentence.keys()]).toEqual([...mine.entities.bySentence.keys()]);
    expect(theirs.personNames).toEqual(mine.personNames);
    expect(answer("How many nets were seized in Quebec?", copy).text).toBe(
      answer("How many nets were seized in Quebec?", index).text,
    );
  });
});

describe("a count given only in words", () => {
  // Invented: three sentences count boats in words; the second and third share the question's words.
  const counted = buildReportIndex(
    `Lake Patrol Review

Wardens saw dozens of boats on the lake in May.

Wardens in Ferris Bay stopped scores of unlicensed boats at night.

Crews in Ferris Bay also stopped dozens of unlicensed boats near the jetty.

Officers logged 310 inspections in total.`,
    { name: "invented.txt", version: null },
  );

  it("is read from the sentence sharing the most of the question's words, the first of equals", () => {
    const query = understand("How many boats were stopped in Ferris Bay?");
    expect(countInWords(query, counted)).toMatchObject({
      words: "scores of unlicensed boats",
      paragraph: 3,
    });
    expect(countInWords(understand("How many boats did wardens see?"), counted)).toMatchObject({
      paragraph: 2,
    });
  });
});
