import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { createOrg } from '../../modules/orgs/org.service.ts';
import { users } from '../../modules/users/user.schema.ts';
import { createUser } from '../../modules/users/user.service.ts';
import { touchLastSeen } from '../../modules/users/user-presence.repository.ts';
import type { DbHandle } from '../db/create-db.ts';
import { pruneEvents } from './event.repository.ts';
import { events } from './event.schema.ts';
import { EventFeed } from './event-feed.ts';
import { type EventSink, LiveEventSession, type LiveEventSessionDeps } from './live-event-session.ts';
import { readServerSentEvents, type ServerSentEvent } from './server-sent-events.ts';

/** A sink that keeps the frames, as the HTTP response would send them. */
class RecordingSink implements EventSink {
  frames: string[] = [];
  ended = false;
  backlogBytes = 0;
  write(frame: string): void {
    this.frames.push(frame);
  }
  end(): void {
    this.ended = true;
  }
  async events(): Promise<ServerSentEvent[]> {
    const body = new Response(this.frames.join('')).body;
    if (!body) return [];
    const parsed: ServerSentEvent[] = [];
    for await (const event of readServerSentEvents(body)) parsed.push(event);
    return parsed;
  }
}

describe.each(TEST_ENGINES)('a live event session (%s)', (engine) => {
  let handle: DbHandle;
  let feed: EventFeed;
  let orgId: string;
  const sessions: LiveEventSession[] = [];
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: 'Clinique des Lilas' })).id;
    feed = new EventFeed({ db: handle.db, logger, listen: handle.listen, pollIntervalMs: 50 });
    await feed.start();
  });
  afterEach(() => {
    for (const session of sessions.splice(0)) session.stop();
  });
  afterAll(async () => {
    await feed?.close();
    await handle?.close();
  });

  async function open(
    resumeAfter: number | undefined,
    options: Partial<LiveEventSessionDeps> & { userId?: string } = {},
  ) {
    const sink = new RecordingSink();
    const session = new LiveEventSession(
      {
        db: handle.db,
        feed,
        logger,
        markPresent: (org, user) => touchLastSeen(handle.db, org, user),
        ...options,
      },
      { orgId, userId: options.userId ?? null },
      sink,
    );
    sessions.push(session);
    await session.start(resumeAfter);
    return { sink, session };
  }

  async function insertEvents(count: number, createdAt?: Date): Promise<number[]> {
    const rows = await handle.db
      .insert(events)
      .values(
        Array.from({ length: count }, (_, n) => ({
          orgId,
          type: 'conversation.updated',
          payload: { n },
          ...(createdAt ? { createdAt } : {}),
        })),
      )
      .returning({ id: events.id });
    return rows.map((r) => r.id);
  }

  async function feedCaughtUp(): Promise<void> {
    feed.wake();
    await feed.idle();
  }

  test('beats every heartbeatMs, and a stopped session leaves the feed', async () => {
    const before = feed.subscriberCount;
    const { sink, session } = await open(undefined, { heartbeatMs: 20 });
    expect(feed.subscriberCount).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.frames.filter((f) => f === ': heartbeat\n\n').length).toBeGreaterThanOrEqual(2);
    session.stop();
    expect(feed.subscriberCount).toBe(before);
    const beats = sink.frames.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sink.frames.length).toBe(beats);
  });

  test('a signed-in user is marked present on connect and while the stream stays open', async () => {
    const user = await createUser(handle.db, {
      orgId,
      email: `agent-${engine}@lilas.test`,
      password: 'correct horse battery',
      role: 'agent',
    });
    const lastSeen = async () =>
      (await handle.db.select({ at: users.lastSeenAt }).from(users).where(eq(users.id, user.id)))[0]?.at;
    expect(await lastSeen()).toBeNull();
    await open(undefined, { userId: user.id, presenceMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const first = await lastSeen();
    expect(first).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await lastSeen())?.getTime()).toBeGreaterThan(first?.getTime() ?? 0);
  });

  test('an API key (no user) is not a presence', async () => {
    const seen = () => handle.db.select({ id: users.id, at: users.lastSeenAt }).from(users);
    // A presence write of the previous test's session may still land after its stop: wait until quiet.
    let before = await seen();
    for (
      let again = await settle(seen);
      JSON.stringify(again) !== JSON.stringify(before);
      again = await settle(seen)
    )
      before = again;
    await open(undefined, { presenceMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await seen()).toEqual(before);
  });

  test('a client that stops reading is cut off (it resumes from its last id when it comes back)', async () => {
    const { sink, session } = await open(undefined, { maxBacklogBytes: 1000 });
    sink.backlogBytes = 5000;
    await insertEvents(1);
    await feedCaughtUp();
    expect(sink.ended).toBe(true);
    expect(session.stopped).toBe(true);
  });

  test('events pruned before the client came back: reset ("expired")', async () => {
    const old = await insertEvents(3, new Date(Date.now() - 8 * 24 * 3600_000));
    const recent = await insertEvents(2);
    await feedCaughtUp();
    const pruned = await pruneEvents(handle.db, new Date(Date.now() - 7 * 24 * 3600_000), 2);
    expect(pruned).toBeGreaterThanOrEqual(3);
    const kept = await handle.db.select({ id: events.id }).from(events).orderBy(events.id);
    expect(kept.map((k) => k.id)).toEqual(recent);
    const { sink } = await open((old[0] ?? 0) - 1);
    const [reset] = await sink.events();
    expect(reset).toMatchObject({ event: 'reset', id: String(feed.position) });
    expect(JSON.parse(reset?.data ?? '{}')).toEqual({ reason: 'expired' });

    // Resuming from the oldest kept event's predecessor is complete: a replay, no reset.
    const { sink: again } = await open((kept[0]?.id ?? 1) - 1);
    expect((await again.events()).map((e) => Number(e.id))).toEqual(kept.map((k) => k.id));
  });

  test('a client already up to date gets no replay and no reset', async () => {
    await feedCaughtUp();
    const { sink } = await open(feed.position);
    expect(await sink.events()).toEqual([]);
    const [next] = await insertEvents(1);
    await feedCaughtUp();
    expect((await sink.events()).map((e) => Number(e.id))).toEqual([next]);
  });
});

async function settle<T>(read: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, 80));
  return read();
}
