/** Enough history to tell a busy channel from a quiet one; older arrivals are dropped. */
const KEEP_PER_CHANNEL = 50;

/** A busy channel: `messages` or more arrived within the last `windowMs`. */
export interface BusyRule {
  messages: number;
  windowMs: number;
}

/** When recent messages arrived in each ask channel, to tell when answers belong in a thread. */
export class ChannelActivity {
  private readonly arrivals = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Is the channel busy, not counting the message arriving now? Then records that message. */
  arrive(channelId: string, rule: BusyRule | null): boolean {
    const now = this.now();
    const recent = (this.arrivals.get(channelId) ?? []).filter(
      (at) => rule === null || at > now - rule.windowMs,
    );
    const busy = rule !== null && recent.length >= rule.messages;
    recent.push(now);
    this.arrivals.set(channelId, recent.slice(-KEEP_PER_CHANNEL));
    return busy;
  }
}
