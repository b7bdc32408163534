import { and, asc, eq, gt } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { events, messages } from '../../src/db-schema.ts';
import { setUpSchedulingApi, slotsOf } from '../../src/modules/scheduling/scheduling.test-support.ts';
import { REPLAY_LIMIT } from '../../src/platform/events/live-event-session.ts';
import {
  connectLiveEvents,
  type LiveEvent,
  type LiveEventsConnection,
} from '../../src/platform/events/live-events-client.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json } from './inbox-support.ts';

describe.each(TEST_ENGINES)('live events over Server-Sent Events (%s)', (engine) => {
  let env: TestCareline;
  let lilas: TestClinic;
  let pasteur: TestClinic;
  const open: LiveEventsConnection[] = [];

  beforeAll(async () => {
    env = await startTestCareline(engine);
    lilas = await env.addClinic('Clinique des Lilas');
    pasteur = await env.addClinic('Cabinet Pasteur');
  });
  afterEach(() => {
    for (const connection of open.splice(0)) connection.close();
  });
  afterAll(async () => {
    await env?.close();
  });

  async function connect(clinic: TestClinic, resume: { lastEventId?: number; after?: number } = {}) {
    const connection = await connectLiveEvents(env.url, { apiKey: clinic.apiKey, ...resume });
    open.push(connection);
    expect(connection.status).toBe(200);
    return connection;
  }

  function patientWrites(clinic: TestClinic, text: string, from = '+33612340000') {
    return env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from,
      name: 'Louis',
      text,
    });
  }

  /** Takes events until one matches; fails when none comes within the time. */
  async function waitFor(stream: LiveEventsConnection, match: (e: LiveEvent) => boolean, timeoutMs = 2000) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const event = await stream.next(Math.max(1, deadline - performance.now()));
      if (!event) throw new Error('the expected event did not arrive in time');
      if (match(event)) return event;
    }
  }

  async function storedEventIds(clinic: TestClinic, after: number): Promise<number[]> {
    const rows = await env.handle.db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.orgId, clinic.org.id), gt(events.id, after)))
      .orderBy(asc(events.id));
    return rows.map((r) => r.id);
  }

  test('a patient’s message reaches its clinic’s stream within a second, and no other clinic’s', async () => {
    const lilasStream = await connect(lilas);
    const pasteurStream = await connect(pasteur);

    const written = performance.now();
    await patientWrites(lilas, 'Bonjour, j’ai une question');
    const created = await waitFor(lilasStream, (e) => e.type === 'message.created');
    expect(created.receivedAt - written).toBeLessThan(1000);
    const [message] = await env.handle.db
      .select()
      .from(messages)
      .where(eq(messages.id, String(created.data.messageId)));
    expect(message).toMatchObject({ orgId: lilas.org.id, conversationId: created.data.conversationId });
    expect(created.data).toMatchObject({ direction: 'inbound', status: 'received' });

    await env.settle();
    await patientWrites(pasteur, 'Bonjour Pasteur');
    const pasteurCreated = await waitFor(pasteurStream, (e) => e.type === 'message.created');
    await env.settle();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const lilasIds = await storedEventIds(lilas, 0);
    const pasteurIds = await storedEventIds(pasteur, 0);
    expect(lilasStream.received.map((e) => e.id)).toEqual(lilasIds);
    expect(pasteurStream.received.map((e) => e.id)).toEqual(pasteurIds);
    expect(
      lilasStream.received.some((e) => e.data.conversationId === pasteurCreated.data.conversationId),
    ).toBe(false);
  });

  test('a flow starting in a conversation and an appointment being booked are on the stream too', async () => {
    const stream = await connect(lilas);
    const created = await call(env, lilas, 'POST', '/flows', {
      key: 'hello',
      definition: {
        key: 'hello',
        version: 1,
        name: 'Bonjour',
        start: 'ask',
        steps: { ask: { type: 'ask', kind: 'text', prompt: 'Votre nom ?', saveAs: 'name' } },
      },
      triggers: [{ kind: 'keyword', match: 'exact', words: { fr: ['bonjour'], en: [] } }],
    });
    expect(created.status).toBe(201);
    await patientWrites(lilas, 'Bonjour', '+33612349999');
    const automation = await waitFor(
      stream,
      (e) => e.type === 'conversation.updated' && e.data.automation === 'running',
    );
    expect(automation.data.conversationId).toEqual(expect.any(String));

    const setup = await setUpSchedulingApi(env, lilas);
    const contactId = String(((await call(env, lilas, 'GET', '/contacts')).body.data as Json[])[0]?.id);
    const [slot] = await slotsOf(env, lilas, `type=${setup.type.id}&limit=1`);
    const booked = await call(env, lilas, 'POST', '/appointments', {
      contact_id: contactId,
      practitioner_id: slot?.practitioner.id,
      location_id: slot?.location.id,
      appointment_type_id: setup.type.id,
      start: slot?.start,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const appointment = await waitFor(stream, (e) => e.type === 'appointment.updated');
    expect(appointment.data).toMatchObject({ appointmentId: booked.body.id, contactId, status: 'booked' });
  });

  test('reconnecting with Last-Event-ID replays exactly the missed events, then streams on', async () => {
    const first = await connect(lilas);
    await patientWrites(lilas, 'Premier message');
    await waitFor(first, (e) => e.type === 'message.created');
    await env.settle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lastSeen = first.received.at(-1)?.id ?? 0;
    first.close();

    await patientWrites(lilas, 'Pendant la coupure');
    await patientWrites(lilas, 'Toujours pendant la coupure');
    await env.settle();
    const missed = await storedEventIds(lilas, lastSeen);
    expect(missed.length).toBeGreaterThanOrEqual(2);

    // As EventSource does (the header), and as a first connection that knows where it is (?after=).
    for (const resume of [{ lastEventId: lastSeen }, { after: lastSeen }]) {
      const expected = await storedEventIds(lilas, lastSeen);
      const again = await connect(lilas, resume);
      for (const _ of expected) await again.next();
      expect(again.received.map((e) => e.id)).toEqual(expected);
      expect(await again.next(300)).toBeUndefined();

      await patientWrites(lilas, `Après la reconnexion ${JSON.stringify(resume)}`);
      const live = await waitFor(again, (e) => e.type === 'message.created');
      expect(live.id).toBeGreaterThan(expected.at(-1) ?? 0);
      await env.settle();
      const ids = again.received.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      again.close();
    }
  });

  test('a client too far behind is told to refetch (reset), then streams what comes next', async () => {
    await env.settle();
    const [before] = (await storedEventIds(lilas, 0)).slice(-1);
    const burst = Array.from({ length: REPLAY_LIMIT + 1 }, (_, i) => ({
      orgId: lilas.org.id,
      type: 'conversation.updated',
      payload: { conversationId: '00000000-0000-4000-8000-000000000000', n: i },
    }));
    await env.handle.db.insert(events).values(burst);
    const newest = (await storedEventIds(lilas, 0)).at(-1) ?? 0;
    // Inserted without NOTIFY: the feed sees them at its next poll (every second).
    await new Promise((resolve) => setTimeout(resolve, 1200));

    const behind = await connect(lilas, { lastEventId: before ?? 0 });
    const reset = await behind.next();
    expect(reset).toMatchObject({ type: 'reset', id: newest, data: { reason: 'too_far_behind' } });

    // Written without NOTIFY: the fallback poll still brings it.
    const [quiet] = await env.handle.db
      .insert(events)
      .values({ orgId: lilas.org.id, type: 'conversation.updated', payload: { conversationId: 'x' } })
      .returning({ id: events.id });
    expect(await behind.next(2500)).toMatchObject({ id: quiet?.id, type: 'conversation.updated' });

    const stranger = await connect(lilas, { lastEventId: 10 ** 12 });
    expect(await stranger.next()).toMatchObject({ type: 'reset', data: { reason: 'unknown_position' } });
  });

  test('a Last-Event-ID that is not an event id is a 400 naming it; no key is a 401', async () => {
    const bad = await fetch(`${env.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${lilas.apiKey}`, 'last-event-id': 'abc' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'headers.last-event-id' }] });
    const anonymous = await fetch(`${env.url}/api/v1/events`);
    expect(anonymous.status).toBe(401);
  });
});
