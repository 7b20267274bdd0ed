/**
 * The interactions and messages being handled right now, so a shutdown can stop taking new ones
 * and still finish these (a deferred /report refresh included) before the process exits.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private stopping = false;

  /** False once a shutdown has begun: new work gets "restarting, try again in a moment". */
  get accepting(): boolean {
    return !this.stopping;
  }

  get size(): number {
    return this.running.size;
  }

  track(work: Promise<unknown>): void {
    const tracked = work.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Refuse new work, then wait for what is running, at most `graceMs`. */
  async drain(graceMs: number): Promise<{ finished: number; abandoned: number }> {
    this.stopping = true;
    const pending = [...this.running];
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled(pending), deadline]);
    clearTimeout(timer);
    const abandoned = pending.filter((work) => this.running.has(work)).length;
    return { finished: pending.length - abandoned, abandoned };
  }
}

export const RESTARTING_TEXT = "factdesk is restarting, try again in a moment.";
