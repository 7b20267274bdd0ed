import { describe, expect, it } from "vitest";
import { describeHistory, plainPresentation } from "../../src/library/describe.js";
import type { HistoryEntry } from "../../src/library/types.js";

function entry(id: number, active: boolean, title: string | undefined, createdBy: string | null) {
  return {
    active,
    version: {
      id,
      guildId: id === 2 ? "42" : null,
      sha256: "c".repeat(64),
      source: id === 2 ? "upload:harbour-annual.md" : "file:/srv/reports/harbour.txt",
      byteLength: 1200,
      paragraphs: 10 + id,
      facts: 30 + id,
      createdBy,
      createdAt: new Date(Date.UTC(2031, 2, id, 8, 15)),
      meta: title ? { title } : {},
    },
  } satisfies HistoryEntry;
}

describe("/report history", () => {
  it("heads each version with when and by whom, then says what it is: title, source, size", () => {
    const text = describeHistory(
      [entry(2, true, "Harbour Patrol annual results", "777"), entry(1, false, undefined, null)],
      plainPresentation,
    );
    expect(text.split("\n")).toEqual([
      "**Report versions, newest first** (▶ active)",
      "▶ **v2** · 2031-03-02 08:15 UTC by user 777",
      "Harbour Patrol annual results · upload:harbour-annual.md · upload for server 42 · 12 paragraphs · 32 facts",
      "• **v1** · 2031-03-01 08:15 UTC by the operator",
      "file:/srv/reports/harbour.txt · default · 11 paragraphs · 31 facts",
    ]);
  });
});
