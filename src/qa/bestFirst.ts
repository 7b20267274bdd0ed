/**
 * Candidates in the order a full sort by score would give them (highest first, equal scores in
 * the order given, as the stable `Array.prototype.sort` keeps them), each scored only when it is
 * needed. Every candidate has a ceiling, cheap to know, that its score never exceeds; a candidate
 * is handed out once no unscored one's ceiling reaches its score. A caller that reads only the
 * head of the ranking ("the best sentence that gives a date") scores a few candidates of a very
 * large report's thousands, and gets exactly what scoring them all would have given.
 */
export class BestFirst<T> {
  private readonly order: Int32Array;
  private next = 0;
  /** Scored but not handed out: a max-heap of positions, by score, then earlier position. */
  private readonly heap: number[] = [];
  private readonly scores: Float64Array;
  private readonly made: (T | undefined)[];
  /** What has been handed out, best first. */
  private readonly out: T[] = [];

  /**
   * `ceilings[i]` must be at least the score `score(i)` gives (no NaN); `score(i)` returns the
   * candidate and its score.
   */
  constructor(
    private readonly ceilings: Float64Array,
    private readonly score: (i: number) => { item: T; score: number },
  ) {
    const count = ceilings.length;
    this.order = new Int32Array(count);
    for (let i = 0; i < count; i++) this.order[i] = i;
    // Highest ceiling first; equal ceilings earlier position first.
    this.order.sort((a, b) => (ceilings[b] as number) - (ceilings[a] as number) || a - b);
    this.scores = new Float64Array(count);
    this.made = new Array(count);
  }

  /** How many candidates were scored so far. */
  get scored(): number {
    return this.next;
  }

  /** The `k`th best (from 0), or undefined past the last. */
  at(k: number): T | undefined {
    while (this.out.length <= k && this.advance()) {}
    return this.out[k];
  }

  /** The best candidate `test` accepts, reading no further than it must. */
  find(test: (item: T) => boolean): T | undefined {
    for (let k = 0; ; k++) {
      const item = this.at(k);
      if (item === undefined) return undefined;
      if (test(item)) return item;
    }
  }

  /** Every candidate, best first (scores all that are left). */
  all(): T[] {
    while (this.advance()) {}
    return this.out;
  }

  /** Hands out one more candidate; false when none is left. */
  private advance(): boolean {
    for (;;) {
      const top = this.heap[0];
      const left = this.next < this.order.length;
      // An unscored candidate could still score as high as the best scored one (and come before
      // it on a tie): score it first.
      if (
        top !== undefined &&
        (!left ||
          (this.scores[top] as number) > (this.ceilings[this.order[this.next] as number] as number))
      ) {
        this.pop();
        this.out.push(this.made[top] as T);
        return true;
      }
      if (this.next >= this.order.length) return false;
      const position = this.order[this.next++] as number;
      const { item, score } = this.score(position);
      this.made[position] = item;
      this.scores[position] = score;
      this.push(position);
    }
  }

  /** Whether position `a` comes before position `b`. */
  private before(a: number, b: number): boolean {
    const sa = this.scores[a] as number;
    const sb = this.scores[b] as number;
    return sa > sb || (sa === sb && a < b);
  }

  private push(position: number): void {
    const heap = this.heap;
    let at = heap.length;
    heap.push(position);
    while (at > 0) {
      const parent = (at - 1) >>> 1;
      if (!this.before(position, heap[parent] as number)) break;
      heap[at] = heap[parent] as number;
      at = parent;
    }
    heap[at] = position;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop() as number;
    if (heap.length === 0) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && this.before(heap[right] as number, heap[left] as number)
          ? right
          : left;
      if (!this.before(heap[child] as number, last)) break;
      heap[at] = heap[child] as number;
      at = child;
    }
    heap[at] = last;
  }
}
