import { describe, expect, it } from "vitest";
import { groupGaps, questionSimilarity, questionTokens } from "../../src/library/gaps.js";

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 12, minute));

describe("groupGaps", () => {
  it("counts rephrasings and typos of one question together, most asked first", () => {
    const groups = groupGaps(
      [
        { question: "How many drugs were seized in Tibet?", status: "not_found", askedAt: at(1) },
        { question: "what about the weather", status: "not_found", askedAt: at(2) },
        { question: "drugs seized in tibbet", status: "not_found", askedAt: at(3) },
        { question: "How many drugs were seized in Tibet?", status: "answered", askedAt: at(4) },
        { question: "<@123> how many DRUGS seized in Tibet", status: "not_found", askedAt: at(5) },
      ],
      10,
    );
    expect(groups).toEqual([
      {
        question: "How many drugs were seized in Tibet?",
        count: 4,
        notFound: 3,
        lastAskedAt: at(5),
      },
      { question: "what about the weather", count: 1, notFound: 1, lastAskedAt: at(2) },
    ]);
  });

  it("keeps questions about different things apart", () => {
    const groups = groupGaps(
      [
        { question: "heroin seized in Tibet", status: "not_found", askedAt: at(1) },
        { question: "fentanyl pills seized in Ohio", status: "not_found", askedAt: at(2) },
      ],
      10,
    );
    expect(groups.map((group) => group.count)).toEqual([1, 1]);
  });

  it("returns at most `limit` groups", () => {
    const questions = ["alpha river", "bravo mountain", "charlie valley"].map((question, i) => ({
      question,
      status: "not_found" as const,
      askedAt: at(i),
    }));
    expect(groupGaps(questions, 2)).toHaveLength(2);
  });
});

describe("questionSimilarity", () => {
  it("ignores question words and word endings, through the one stemmer", () => {
    expect(questionTokens("How many gangs were destroyed?")).toEqual(["gang", "destroy"]);
    expect(
      questionSimilarity(questionTokens("gangs destroying"), questionTokens("gang destroyed")),
    ).toBe(1);
    expect(
      questionSimilarity(questionTokens("gangs destroyed"), questionTokens("gang destroyed")),
    ).toBe(1);
  });

  it("does not treat short different words as typos of each other", () => {
    expect(questionSimilarity(["ohio"], ["iowa"])).toBe(0);
  });
});
