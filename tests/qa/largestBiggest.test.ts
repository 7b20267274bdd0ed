import { describe, expect, it } from "vitest";
import { concept } from "../../src/qa/vocabulary.js";

describe("superlatives of size", () => {
  it("reads 'biggest' as the report's 'largest' ('the biggest haul' of 'the largest haul')", () => {
    expect(concept("biggest")).toBe(concept("largest"));
  });
});
