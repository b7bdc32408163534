import type { FeedEvent, Snapshot } from './event.repository.ts';

/**
 * How far the feed has delivered, in event id order, never skipping an event that may still appear.
 *
 * Event ids come from a sequence, taken when the row is written, but transactions commit in any order:
 * id 8 can become visible while id 7's transaction is still running. Delivering 8 and moving on would
 * lose 7 for good (clients resume "after 8"). So a missing id holds everything after it until it shows
 * up, or until it cannot any more: every transaction running when the gap was first seen has ended
 * (the snapshot's xmin has passed the xmax of that first sighting; a rolled-back insert leaves such a
 * permanent hole), or `maxGapWaitMs` has passed (a forgotten open transaction must not stall the feed).
 */
export class EventCursor {
  #position: number;
  #gap: { from: number; xmax: bigint; since: number } | null = null;
  readonly #maxGapWaitMs: number;
  readonly #now: () => number;

  constructor(position: number, options: { maxGapWaitMs: number; now?: () => number }) {
    this.#position = position;
    this.#maxGapWaitMs = options.maxGapWaitMs;
    this.#now = options.now ?? Date.now;
  }

  /** The last event id delivered or known never to come: every event up to it is settled. */
  get position(): number {
    return this.#position;
  }

  /**
   * Takes events read after `position` (in id order, with the snapshot of that read) and returns those
   * that can go out now, in order. `waiting` says a gap holds the rest: read again soon.
   */
  advance(read: readonly FeedEvent[], snapshot: Snapshot): { ready: FeedEvent[]; waiting: boolean } {
    const ready: FeedEvent[] = [];
    for (const event of read) {
      if (event.id <= this.#position) continue;
      if (event.id > this.#position + 1 && !this.#gapClosed(snapshot)) return { ready, waiting: true };
      ready.push(event);
      this.#position = event.id;
      this.#gap = null;
    }
    return { ready, waiting: false };
  }

  /** Whether the ids between the position and the next visible event can be passed over. */
  #gapClosed(snapshot: Snapshot): boolean {
    const from = this.#position + 1;
    if (this.#gap?.from !== from) this.#gap = { from, xmax: snapshot.xmax, since: this.#now() };
    return snapshot.xmin >= this.#gap.xmax || this.#now() - this.#gap.since >= this.#maxGapWaitMs;
  }
}
