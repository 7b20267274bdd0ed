import { describe, expect, it } from "vitest";
import { answer } from "../../src/qa/answer.js";
import { buildReportIndex } from "../../src/qa/reportIndex.js";

// Invented order: it cites an earlier order by its own date, and closes with its signing line.
const ORDER = `Securing the Harbour Approaches

By the authority vested in me as Governor, it is hereby ordered as follows:

Section 1. Purpose. Smugglers have turned the harbour approaches into a corridor for cocaine and synthetic drugs.

Sec. 2. Enforcement. The harbour police have acted under Order 212 of March 4, 2019, and shall now inspect every vessel of more than 20 metres.

Sec. 3. General Provisions. This order shall be implemented consistent with applicable law.

MARA J. QUILL

THE STATE HOUSE, October 14, 2025.`;

const index = buildReportIndex(ORDER, { name: "order.txt", version: null });

describe("when a document was signed", () => {
  it("is the date of its closing signing line, not the date of an order it cites", () => {
    const reply = answer("When was the harbour order signed?", index);
    expect(reply.status).toBe("answered");
    expect(reply.text).toMatch(/^\*\*October 14, 2025\*\*/);
  });

  it("is left to the sentences where the question names another order by its number", () => {
    const reply = answer("When was Order 212 signed?", index);
    expect(reply.text).not.toMatch(/^\*\*October 14, 2025\*\*/);
  });
});
