import { describe, expect, it } from "vitest";
import { changeDirection } from "../../../src/facts/figureSpans.js";

// Invented phrases: the words before a percentage, and the words after it.
describe("the direction a percentage moves in", () => {
  it.each([
    ["thefts are down more than ", "", "decrease"],
    ["a ", " plunge in thefts", "decrease"],
    ["a year-on-year decrease of ", "", "decrease"],
    ["an increase of ", "", "increase"],
    ["fell by nearly ", "", "decrease"],
    ["arrests rose ", "", "increase"],
    ["accounting for ", " of the cases", null],
  ])("%j … %j → %s", (before, after, direction) => {
    expect(changeDirection(after, before)).toBe(direction);
  });
});
