import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { createOrg } from '../../modules/orgs/org.service.ts';
import type { DbHandle } from '../db/create-db.ts';
import type { DbOrTx } from '../db/db.ts';
import type { FeedEvent } from './event.repository.ts';
import { events } from './event.schema.ts';
import { EVENTS_CHANNEL, EventFeed, type EventFeedOptions } from './event-feed.ts';

describe.each(TEST_ENGINES)('the event feed (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;
  let otherOrgId: string;
  const feeds: EventFeed[] = [];
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: 'Clinique des Lilas' })).id;
    otherOrgId = (await createOrg(handle.db, { name: 'Cabinet Pasteur' })).id;
  });
  afterEach(async () => {
    await Promise.all(feeds.splice(0).map((feed) => feed.close()));
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function startFeed(options: Partial<EventFeedOptions> = {}): Promise<EventFeed> {
    const feed = new EventFeed({ db: handle.db, logger, ...options });
    feeds.push(feed);
    await feed.start();
    return feed;
  }

  /** What the triggers do: an event row, then NOTIFY (delivered at commit). */
  async function publish(db: DbOrTx, org: string, n: number): Promise<number> {
    const [row] = await db
      .insert(events)
      .values({ orgId: org, type: 'conversation.updated', payload: { n } })
      .returning({ id: events.id });
    if (!row) throw new Error('no event inserted');
    await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${`${org}:${row.id}`})`);
    return row.id;
  }

  function collect(feed: EventFeed, org: string): FeedEvent[] {
    const received: FeedEvent[] = [];
    feed.subscribe(org, (event) => received.push(event));
    return received;
  }

  async function until(check: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  test('a NOTIFY wakes it at once; each clinic’s subscribers get only their events', async () => {
    const feed = await startFeed({ listen: handle.listen, pollIntervalMs: 60_000 });
    const mine = collect(feed, orgId);
    const theirs = collect(feed, otherOrgId);
    const started = Date.now();
    const id = await publish(handle.db, orgId, 1);
    const otherId = await publish(handle.db, otherOrgId, 2);
    await until(() => mine.length === 1 && theirs.length === 1, 1000);
    expect(Date.now() - started).toBeLessThan(500);
    expect(mine.map((e) => e.id)).toEqual([id]);
    expect(theirs.map((e) => e.id)).toEqual([otherId]);
    expect(mine[0]).toMatchObject({ orgId, type: 'conversation.updated', payload: { n: 1 } });
  });

  test('without LISTEN it polls, so an event written without NOTIFY still goes out', async () => {
    const feed = await startFeed({ pollIntervalMs: 50 });
    const mine = collect(feed, orgId);
    const [row] = await handle.db
      .insert(events)
      .values({ orgId, type: 'message.created', payload: {} })
      .returning({ id: events.id });
    await until(() => mine.length === 1, 1000);
    expect(mine[0]?.id).toBe(row?.id);
  });

  test('starts after the newest event; a closed subscription gets nothing more', async () => {
    const before = await publish(handle.db, orgId, 3);
    const feed = await startFeed({ listen: handle.listen });
    expect(feed.position).toBeGreaterThanOrEqual(before);
    const received: FeedEvent[] = [];
    const subscription = feed.subscribe(orgId, (event) => received.push(event));
    expect(feed.subscriberCount).toBe(1);
    await publish(handle.db, orgId, 4);
    await until(() => received.length === 1, 1000);
    subscription.close();
    expect(feed.subscriberCount).toBe(0);
    await publish(handle.db, orgId, 5);
    feed.wake();
    await feed.idle();
    expect(received.map((e) => e.payload.n)).toEqual([4]);
  });

  // PostgreSQL only: PGlite has one connection, so there is no second session to race or kill.
  if (engine === 'postgres')
    test('an event whose transaction commits late is not lost: later ones wait for it, in order', async () => {
      const feed = await startFeed({ listen: handle.listen, pollIntervalMs: 50 });
      const mine = collect(feed, orgId);
      let commit = (): void => {};
      const committed = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let slowId = 0;
      let slowInserted = (): void => {};
      const inserted = new Promise<void>((resolve) => {
        slowInserted = resolve;
      });
      const slow = handle.db.transaction(async (tx) => {
        slowId = await publish(tx, orgId, 10);
        slowInserted();
        await committed;
      });
      await inserted;
      let fastId = 0;
      try {
        fastId = await publish(handle.db, orgId, 11);
        expect(fastId).toBeGreaterThan(slowId);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(mine).toEqual([]);
      } finally {
        commit();
        await slow;
      }
      await until(() => mine.length === 2, 1000);
      expect(mine.map((e) => e.id)).toEqual([slowId, fastId]);
    });

  // PostgreSQL only: PGlite has one connection, so there is no second session to race or kill.
  if (engine === 'postgres')
    test('a rolled-back event does not hold the feed', async () => {
      const feed = await startFeed({ listen: handle.listen, pollIntervalMs: 50 });
      const mine = collect(feed, orgId);
      await handle.db
        .transaction(async (tx) => {
          await publish(tx, orgId, 20);
          throw new Error('roll back');
        })
        .catch(() => {});
      const id = await publish(handle.db, orgId, 21);
      await until(() => mine.length === 1, 1000);
      expect(mine[0]?.id).toBe(id);
    });

  test('DbHandle.listen delivers NOTIFY payloads and stops when asked', async () => {
    const payloads: string[] = [];
    const stop = await handle.listen('careline_test_channel', (payload) => payloads.push(payload));
    await handle.db.execute(sql`select pg_notify('careline_test_channel', 'one')`);
    await until(() => payloads.length === 1, 1000);
    expect(payloads).toEqual(['one']);
    await stop();
    await handle.db.execute(sql`select pg_notify('careline_test_channel', 'two')`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(payloads).toEqual(['one']);
    await expect(handle.listen('bad; drop table events', () => {})).rejects.toThrow(/channel/);
  });

  // PostgreSQL only: PGlite has one connection, so there is no second session to race or kill.
  if (engine === 'postgres')
    test('the LISTEN connection comes back after it is killed', async () => {
      const payloads: string[] = [];
      const stop = await handle.listen('careline_test_reconnect', (payload) => payloads.push(payload));
      try {
        const killed = await handle.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query = 'LISTEN careline_test_reconnect'`);
        expect((killed as unknown as { rows: unknown[] }).rows).toHaveLength(1);
        const deadline = Date.now() + 5000;
        while (payloads.length === 0 && Date.now() < deadline) {
          await handle.db.execute(sql`select pg_notify('careline_test_reconnect', 'back')`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(payloads[0]).toBe('back');
      } finally {
        await stop();
      }
    });
});
