import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { eventIdRange, type FeedEvent, orgEventsBetween } from './event.repository.ts';
import type { EventFeed, FeedSubscription } from './event-feed.ts';
import { formatComment, formatServerSentEvent } from './server-sent-events.ts';

/** A reconnecting client is sent at most this many missed events; further behind, it gets a `reset`. */
export const REPLAY_LIMIT = 1000;

/**
 * Why a client must refetch instead of resuming: it missed more than REPLAY_LIMIT events, the events
 * it missed were pruned (kept 7 days), or its last event id is unknown here (another database).
 */
export type ResetReason = 'too_far_behind' | 'expired' | 'unknown_position';

/** Where the frames go: the HTTP response, or a test's array. */
export interface EventSink {
  write(frame: string): void;
  /** Bytes written that the client has not taken yet. */
  readonly backlogBytes: number;
  /** Ends the response; the client reconnects and resumes from its last event id. */
  end(): void;
}

export interface LiveEventSessionDeps {
  db: Db;
  feed: EventFeed;
  logger: Logger;
  /** Records that a signed-in user has the inbox open (users own that column; app.ts wires it in). */
  markPresent: (orgId: string, userId: string) => Promise<void>;
  heartbeatMs?: number;
  presenceMs?: number;
  /** A client this far behind is cut off (it resumes on reconnect) rather than buffered without end. */
  maxBacklogBytes?: number;
}

export interface LiveEventCaller {
  orgId: string;
  /** A signed-in member of the care team: marked present while the stream is open. */
  userId: string | null;
  /**
   * Whether this caller may see the event (a person kept to their teams' conversations); all events when
   * absent. Asked in order, one event at a time, so the stream keeps the feed's order.
   */
  sees?: (event: FeedEvent) => Promise<boolean>;
}

/**
 * One client's stream of its clinic's events: first what it missed since `resumeAfter` (bounded),
 * then new events as the feed hands them over, a heartbeat comment, and presence for signed-in users.
 */
export class LiveEventSession {
  readonly #deps: LiveEventSessionDeps;
  readonly #caller: LiveEventCaller;
  readonly #sink: EventSink;
  #subscription: FeedSubscription | null = null;
  #heldBack: FeedEvent[] | null = [];
  #lastSentId = 0;
  #timers: NodeJS.Timeout[] = [];
  #stopped = false;
  /** Events waiting for `sees`, in order. */
  #judging: Promise<void> = Promise.resolve();

  constructor(deps: LiveEventSessionDeps, caller: LiveEventCaller, sink: EventSink) {
    this.#deps = deps;
    this.#caller = caller;
    this.#sink = sink;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Resumes after `resumeAfter` (the client's Last-Event-ID), or starts from now when undefined. */
  async start(resumeAfter: number | undefined): Promise<void> {
    const { feed, logger } = this.#deps;
    this.#sink.write(`retry: 2000\n${formatComment('connected')}`);
    // Subscribe before reading what was missed: events arriving meanwhile wait in #heldBack.
    this.#subscription = feed.subscribe(this.#caller.orgId, (event) => this.#onLiveEvent(event));
    const startsAfter = this.#subscription.startsAfter;
    this.#lastSentId = startsAfter;
    try {
      if (resumeAfter !== undefined) await this.#catchUp(resumeAfter, startsAfter);
    } catch (error) {
      logger.error({ err: error }, 'live events: replay failed');
      this.#sink.end();
      this.stop();
      return;
    }
    if (this.#stopped) return;
    const heldBack = this.#heldBack ?? [];
    this.#heldBack = null;
    for (const event of heldBack) this.#deliver(event);
    this.#every(this.#deps.heartbeatMs ?? 15_000, () => this.#sink.write(formatComment('heartbeat')));
    if (this.#caller.userId) {
      this.#markPresent(this.#caller.userId);
      const userId = this.#caller.userId;
      this.#every(this.#deps.presenceMs ?? 60_000, () => this.#markPresent(userId));
    }
  }

  /** Idempotent: on client disconnect, on shutdown. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#subscription?.close();
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
  }

  /** Replays (resumeAfter, startsAfter], or tells the client to refetch when that cannot be complete. */
  async #catchUp(resumeAfter: number, startsAfter: number): Promise<void> {
    const { db } = this.#deps;
    const reason = await this.#resetReason(resumeAfter, startsAfter);
    if (reason) return this.#reset(reason, startsAfter);
    this.#lastSentId = resumeAfter;
    if (resumeAfter >= startsAfter) return;
    const missed = await orgEventsBetween(db, this.#caller.orgId, {
      after: resumeAfter,
      upTo: startsAfter,
      limit: REPLAY_LIMIT + 1,
    });
    if (this.#stopped) return;
    if (missed.length > REPLAY_LIMIT) return this.#reset('too_far_behind', startsAfter);
    for (const event of missed) this.#deliver(event);
    await this.#judging;
    // Nothing in the range for this clinic: still, the client is now up to date.
    this.#lastSentId = Math.max(this.#lastSentId, startsAfter);
  }

  /** Its id moves the client's Last-Event-ID to now, so the next reconnect resumes from there. */
  #reset(reason: ResetReason, startsAfter: number): void {
    this.#lastSentId = startsAfter;
    this.#sink.write(
      formatServerSentEvent({ id: String(startsAfter), event: 'reset', data: JSON.stringify({ reason }) }),
    );
  }

  async #resetReason(resumeAfter: number, startsAfter: number): Promise<ResetReason | null> {
    const { oldest, newest } = await eventIdRange(this.#deps.db);
    // Another node may be a little ahead of this one, but never ahead of the table.
    if (resumeAfter > Math.max(newest ?? 0, startsAfter)) return 'unknown_position';
    if (resumeAfter >= startsAfter) return null;
    if (oldest === null || resumeAfter < oldest - 1) return 'expired';
    return null;
  }

  #onLiveEvent(event: FeedEvent): void {
    if (this.#heldBack) this.#heldBack.push(event);
    else this.#deliver(event);
  }

  #deliver(event: FeedEvent): void {
    const sees = this.#caller.sees;
    if (!sees) {
      this.#send(event);
      return;
    }
    this.#judging = this.#judging.then(async () => {
      if (this.#stopped) return;
      // In doubt (the database failed), the event is not shown: the client refetches on its next action.
      const shown = await sees(event).catch((error: unknown) => {
        this.#deps.logger.warn({ err: error }, 'live events: could not check who sees an event');
        return false;
      });
      if (shown) this.#send(event);
    });
  }

  #send(event: FeedEvent): void {
    if (this.#stopped || event.id <= this.#lastSentId) return;
    this.#lastSentId = event.id;
    this.#sink.write(
      formatServerSentEvent({ id: String(event.id), event: event.type, data: JSON.stringify(event.payload) }),
    );
    if (this.#sink.backlogBytes > (this.#deps.maxBacklogBytes ?? 1024 * 1024)) {
      this.#deps.logger.warn('live events: a client stopped reading; closing its stream');
      this.#sink.end();
      this.stop();
    }
  }

  #markPresent(userId: string): void {
    this.#deps.markPresent(this.#caller.orgId, userId).catch((error: unknown) => {
      this.#deps.logger.warn({ err: error }, 'live events: could not record presence');
    });
  }

  #every(ms: number, work: () => void): void {
    const timer = setInterval(work, ms);
    timer.unref();
    this.#timers.push(timer);
  }
}
