import type { ReportIndex } from "../qa/reportIndex.js";

/**
 * Heap an index takes, estimated from what it is built of: its text (held in paragraphs, sentences,
 * search indexes and the spelling index, several times over) and its facts (each with a document
 * in the fact search). Calibrated against measured heap by `npm run bench -- --memory`; cheap
 * enough to run on every insertion.
 */
export const INDEX_BYTES_PER_TEXT_CHAR = 235;
export const INDEX_BYTES_PER_FACT = 11_700;

export function estimateIndexBytes(index: ReportIndex): number {
  const textChars = index.report.paragraphs.reduce((sum, p) => sum + p.text.length, 0);
  return textChars * INDEX_BYTES_PER_TEXT_CHAR + index.table.facts.length * INDEX_BYTES_PER_FACT;
}

interface Entry {
  index: ReportIndex;
  bytes: number;
  /** Callers using the index right now: it is not evicted under them. */
  holds: number;
}

/**
 * Report indexes by the sha256 of their bytes: a thousand servers on the same report share one
 * index. Beyond `budgetBytes` the least recently used are dropped (never one that is held), to be
 * built again on their next question.
 */
export class IndexCache {
  /** Insertion order is recency order: a use moves an entry to the end. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly budgetBytes: number,
    private readonly estimate: (index: ReportIndex) => number = estimateIndexBytes,
  ) {}

  /** The index for these bytes, if held; counts as a use. */
  get(sha256: string): ReportIndex | undefined {
    const entry = this.entries.get(sha256);
    if (!entry) return undefined;
    this.entries.delete(sha256);
    this.entries.set(sha256, entry);
    return entry.index;
  }

  /** Whether these bytes' index is held, without counting as a use. */
  has(sha256: string): boolean {
    return this.entries.has(sha256);
  }

  /** Keep `index` for these bytes (the one already held wins, so every user shares one object). */
  put(sha256: string, index: ReportIndex): ReportIndex {
    const held = this.get(sha256);
    if (held) return held;
    const bytes = this.estimate(index);
    this.entries.set(sha256, { index, bytes, holds: 0 });
    this.bytes += bytes;
    this.evict();
    return index;
  }

  /** Keep this index while `work` runs; returns a release to call once. */
  hold(sha256: string): () => void {
    const entry = this.entries.get(sha256);
    if (!entry) return () => {};
    entry.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.holds -= 1;
      this.evict();
    };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Estimated heap of every index held, in bytes. */
  get heldBytes(): number {
    return this.bytes;
  }

  private evict(): void {
    for (const [sha256, entry] of this.entries) {
      if (this.bytes <= this.budgetBytes) return;
      if (entry.holds > 0) continue;
      this.entries.delete(sha256);
      this.bytes -= entry.bytes;
    }
  }
}
