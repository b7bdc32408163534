import { describe, expect, test } from 'vitest';
import type { FeedEvent, Snapshot } from './event.repository.ts';
import { EventCursor } from './event-cursor.ts';

const event = (id: number): FeedEvent => ({ id, orgId: 'org', type: 'message.created', payload: {} });
const ids = (events: FeedEvent[]) => events.map((e) => e.id);
/** No transaction in progress. */
const quiet = (xid: bigint): Snapshot => ({ xmin: xid, xmax: xid });
/** Transaction `running` in progress. */
const busy = (running: bigint, xmax: bigint): Snapshot => ({ xmin: running, xmax });

describe('EventCursor', () => {
  test('hands out events in order and moves past them', () => {
    const cursor = new EventCursor(10, { maxGapWaitMs: 1000 });
    expect(ids(cursor.advance([event(11), event(12)], quiet(5n)).ready)).toEqual([11, 12]);
    expect(cursor.position).toBe(12);
    expect(ids(cursor.advance([event(12), event(13)], quiet(5n)).ready)).toEqual([13]);
  });

  test('a hole left by a transaction still running holds the later events back until it commits', () => {
    const cursor = new EventCursor(10, { maxGapWaitMs: 10_000, now: () => 0 });
    // Event 11's transaction (xid 100) is still open; event 12 (xid 101) committed.
    expect(cursor.advance([event(12)], busy(100n, 102n))).toEqual({ ready: [], waiting: true });
    expect(cursor.position).toBe(10);
    expect(ids(cursor.advance([event(11), event(12)], quiet(102n)).ready)).toEqual([11, 12]);
  });

  test('a hole nobody can fill any more (rolled back) is passed over once the writers of that time ended', () => {
    const cursor = new EventCursor(10, { maxGapWaitMs: 10_000, now: () => 0 });
    expect(cursor.advance([event(12)], busy(100n, 102n)).waiting).toBe(true);
    // Transaction 100 is over (xmin moved past 102) but event 11 never appeared: it rolled back.
    expect(ids(cursor.advance([event(12)], busy(105n, 106n)).ready)).toEqual([12]);
    expect(cursor.position).toBe(12);
  });

  test('with nothing in progress, a hole is passed over at once', () => {
    const cursor = new EventCursor(10, { maxGapWaitMs: 10_000 });
    expect(ids(cursor.advance([event(13), event(15)], quiet(200n)).ready)).toEqual([13, 15]);
  });

  test('a transaction that started after the hole was seen does not hold it', () => {
    const cursor = new EventCursor(10, { maxGapWaitMs: 10_000, now: () => 0 });
    expect(cursor.advance([event(12)], busy(100n, 102n)).waiting).toBe(true);
    // 100 ended; 103 is running but began after the first sighting: it cannot hold id 11.
    expect(ids(cursor.advance([event(12)], busy(103n, 104n)).ready)).toEqual([12]);
  });

  test('gives up waiting after maxGapWaitMs (a transaction left open must not stall the feed)', () => {
    let now = 0;
    const cursor = new EventCursor(10, { maxGapWaitMs: 5000, now: () => now });
    expect(cursor.advance([event(12)], busy(100n, 102n)).waiting).toBe(true);
    now = 4999;
    expect(cursor.advance([event(12)], busy(100n, 102n)).waiting).toBe(true);
    now = 5000;
    expect(ids(cursor.advance([event(12)], busy(100n, 102n)).ready)).toEqual([12]);
  });

  test('delivers what comes before a hole, then holds', () => {
    const cursor = new EventCursor(10, { maxGapWaitMs: 10_000, now: () => 0 });
    expect(cursor.advance([event(11), event(13)], busy(100n, 102n))).toEqual({
      ready: [event(11)],
      waiting: true,
    });
    expect(cursor.position).toBe(11);
  });
});
