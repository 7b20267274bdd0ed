/**
 * Results remembered by a string key, at most `limit` of them: when full, the memory is cleared and
 * starts again, so a long-running bot asked endless new words keeps a steady size. The one
 * implementation of a bounded cache; each caller names its own limit and says why it remembers.
 */
export class BoundedMemory<T> {
  private readonly kept = new Map<string, T>();

  constructor(private readonly limit: number) {}

  /** What `make` gives for `key`, made once while remembered. */
  recall(key: string, make: (key: string) => T): T {
    const known = this.kept.get(key);
    if (known !== undefined || this.kept.has(key)) return known as T;
    const value = make(key);
    if (this.kept.size >= this.limit) this.kept.clear();
    this.kept.set(key, value);
    return value;
  }
}

/** One bounded memory per owner (a report's index), dropped with the owner. */
export function memoryPer<Owner extends object, T>(
  limit: number,
): (owner: Owner) => BoundedMemory<T> {
  const memories = new WeakMap<Owner, BoundedMemory<T>>();
  return (owner) => {
    let memory = memories.get(owner);
    if (!memory) {
      memory = new BoundedMemory<T>(limit);
      memories.set(owner, memory);
    }
    return memory;
  };
}
