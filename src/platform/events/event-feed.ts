import type { Logger } from 'pino';
import type { DbListen } from '../db/create-db.ts';
import type { Db } from '../db/db.ts';
import { type FeedEvent, latestEventId, readEventsAfter } from './event.repository.ts';
import { EventCursor } from './event-cursor.ts';

/** The NOTIFY channel the events triggers (migration 0003) wake listeners on. */
export const EVENTS_CHANNEL = 'careline_events';

export interface EventFeedOptions {
  db: Db;
  logger: Logger;
  /** LISTEN for new events; without it the feed only polls. */
  listen?: DbListen;
  /** The fallback poll: a lost notification delays an event by at most this. */
  pollIntervalMs?: number;
  /** How long a hole in the ids may hold later events back (see EventCursor). */
  maxGapWaitMs?: number;
}

export interface FeedSubscription {
  /** Every event up to this id was settled before the subscription: replay up to here, live after. */
  readonly startsAfter: number;
  close(): void;
}

type OnEvent = (event: FeedEvent) => void;

const READ_BATCH = 500;
const GAP_RETRY_MS = 50;

/**
 * The process's one reader of new events: woken by NOTIFY (and a poll, so a missed notification is
 * never a missed event), it reads the new rows once per wake-up and hands each to the subscribers of
 * its clinic, in id order.
 */
export class EventFeed {
  readonly #options: EventFeedOptions;
  readonly #subscribers = new Map<string, Set<OnEvent>>();
  #cursor: EventCursor | null = null;
  #unlisten: (() => Promise<void>) | null = null;
  #pollTimer: NodeJS.Timeout | undefined;
  #gapTimer: NodeJS.Timeout | undefined;
  #reading: Promise<void> | null = null;
  #readAgain = false;
  #closed = false;

  constructor(options: EventFeedOptions) {
    this.#options = options;
  }

  /** Starts after the newest event: only what happens from now on is streamed. */
  async start(): Promise<void> {
    const { db, listen, logger } = this.#options;
    this.#cursor = new EventCursor(await latestEventId(db), {
      maxGapWaitMs: this.#options.maxGapWaitMs ?? 10_000,
    });
    if (listen) {
      try {
        // Nobody watching: the poll keeps the position current; reading on every notification would
        // cost a query per change of every clinic for no one.
        this.#unlisten = await listen(EVENTS_CHANNEL, () => {
          if (this.#subscribers.size > 0) this.wake();
        });
      } catch (error) {
        logger.warn({ err: error }, 'live events: LISTEN failed, falling back to polling');
      }
    }
    this.#pollTimer = setInterval(() => this.wake(), this.#options.pollIntervalMs ?? 1000);
    this.#pollTimer.unref();
  }

  /** The last event id handed out (or known never to come). */
  get position(): number {
    return this.#started().position;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.#subscribers.values()) count += set.size;
    return count;
  }

  /** Calls `onEvent` for each new event of the clinic, synchronously and in id order. */
  subscribe(orgId: string, onEvent: OnEvent): FeedSubscription {
    const startsAfter = this.#started().position;
    let set = this.#subscribers.get(orgId);
    if (!set) {
      set = new Set();
      this.#subscribers.set(orgId, set);
    }
    set.add(onEvent);
    return {
      startsAfter,
      close: () => {
        set.delete(onEvent);
        if (set.size === 0 && this.#subscribers.get(orgId) === set) this.#subscribers.delete(orgId);
      },
    };
  }

  /** Reads what is new now; wake-ups during a read are folded into one more read after it. */
  wake(): void {
    if (this.#closed || !this.#cursor) return;
    if (this.#reading) {
      this.#readAgain = true;
      return;
    }
    this.#reading = this.#readUntilCaughtUp().finally(() => {
      this.#reading = null;
    });
  }

  /** Resolves when the reads under way (and those they asked for) are done: for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.#reading) await this.#reading;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#pollTimer);
    clearTimeout(this.#gapTimer);
    this.#subscribers.clear();
    await this.idle();
    const unlisten = this.#unlisten;
    this.#unlisten = null;
    await unlisten?.().catch((error: unknown) => {
      this.#options.logger.warn({ err: error }, 'live events: UNLISTEN failed');
    });
  }

  async #readUntilCaughtUp(): Promise<void> {
    const cursor = this.#started();
    try {
      do {
        this.#readAgain = false;
        const read = await readEventsAfter(this.#options.db, cursor.position, READ_BATCH);
        if (this.#closed) return;
        const { ready, waiting } = cursor.advance(read.events, read.snapshot);
        for (const event of ready) this.#deliver(event);
        if (waiting) this.#retryGapSoon();
        else if (read.events.length === READ_BATCH) this.#readAgain = true;
      } while (this.#readAgain && !this.#closed);
    } catch (error) {
      // The next notification or poll reads again from the same position: nothing is lost.
      this.#options.logger.error({ err: error }, 'live events: reading new events failed');
    }
  }

  #deliver(event: FeedEvent): void {
    const set = this.#subscribers.get(event.orgId);
    if (!set) return;
    for (const onEvent of [...set]) {
      try {
        onEvent(event);
      } catch (error) {
        this.#options.logger.error({ err: error }, 'live events: a subscriber failed');
      }
    }
  }

  #retryGapSoon(): void {
    if (this.#gapTimer) return;
    this.#gapTimer = setTimeout(() => {
      this.#gapTimer = undefined;
      this.wake();
    }, GAP_RETRY_MS);
    this.#gapTimer.unref();
  }

  #started(): EventCursor {
    if (!this.#cursor) throw new Error('EventFeed.start() was not called');
    return this.#cursor;
  }
}
