/**
 * The `size` largest of a stream of scores, kept in a binary min-heap, so that a ranking that only
 * keeps its best `size` can tell, before it works a candidate out, whether any score the candidate
 * could reach would get in.
 */
export class TopScores {
  private readonly heap: Float64Array;
  private count = 0;

  constructor(readonly size: number) {
    this.heap = new Float64Array(Math.max(0, size));
  }

  /** Whether `size` scores are held, so that `least` is the score a newcomer must beat. */
  get full(): boolean {
    return this.count >= this.size;
  }

  /** The smallest of the scores held (-Infinity while fewer than `size` are). */
  get least(): number {
    return this.full && this.size > 0 ? (this.heap[0] as number) : Number.NEGATIVE_INFINITY;
  }

  add(score: number): void {
    const heap = this.heap;
    if (this.size === 0) return;
    if (this.count < this.size) {
      let at = this.count++;
      while (at > 0) {
        const parent = (at - 1) >>> 1;
        if ((heap[parent] as number) <= score) break;
        heap[at] = heap[parent] as number;
        at = parent;
      }
      heap[at] = score;
      return;
    }
    if (score <= (heap[0] as number)) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child =
        right < this.count && (heap[right] as number) < (heap[left] as number) ? right : left;
      if ((heap[child] as number) >= score) break;
      heap[at] = heap[child] as number;
      at = child;
    }
    heap[at] = score;
  }
}
