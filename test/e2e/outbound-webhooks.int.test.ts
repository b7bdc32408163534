import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alerts, messages, redFlagEvents } from '../../src/db-schema.ts';
import { WEBHOOK_EVENT_TYPES } from '../../src/modules/outbound-webhooks/webhook-event-types.ts';
import {
  addPatient,
  type SchedulingSetup,
  type SlotJson,
  setUpSchedulingApi,
  slotsOf,
} from '../../src/modules/scheduling/scheduling.test-support.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver.ts';
import { addStaff, call, contactOfMessage, type Json, newPhone, patientWrites } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

type Verified = Exclude<ReceivedWebhook['verified'], { error: string }>;

describe.each(TEST_ENGINES)('outbound webhooks, signed (Standard Webhooks) (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let receiver: WebhookReceiver;
  let path = 0;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    env = await startTestCareline(engine, {
      outboundAllowedHosts: ['127.0.0.1'],
      // Retries within seconds, and a subscription given up on after 3 s rather than 3 days.
      outboundWebhooks: { retry: { firstDelayMs: 100, windowMs: 3_000 }, timeoutMs: 2_000 },
    });
    clinic = await env.addClinic('Cabinet des Acacias');
  });
  afterAll(async () => {
    await env?.close();
    await receiver?.close();
  });

  /** A subscription to `events` of the clinic, its receiver trusting the secret it got once. */
  async function subscribe(events: string[], of = clinic, extra: Json = {}) {
    path += 1;
    const at = `/hooks/${path}`;
    const created = await call(env, of, 'POST', '/webhook-subscriptions', {
      url: receiver.url(at),
      events,
      description: 'EHR bridge',
      ...extra,
    });
    expect(created.status).toBe(201);
    expect(String(created.body.secret)).toMatch(/^whsec_/);
    receiver.trust(at, String(created.body.secret));
    return { id: String(created.body.id), path: at };
  }

  function verifiedAt(at: string): Verified[] {
    return receiver.received(at).map((r) => {
      if ('error' in r.verified) throw new Error(`the signature did not verify: ${r.verified.error}`);
      return r.verified;
    });
  }

  /** Books the slot for the patient through the API, as the front desk does; the appointment's id. */
  async function bookThrough(
    of: TestClinic,
    setup: SchedulingSetup,
    patient: string,
    slot: SlotJson | undefined,
  ): Promise<string> {
    if (!slot) throw new Error('no slot offered');
    const booked = await call(env, of, 'POST', '/appointments', {
      contact_id: patient,
      practitioner_id: slot.practitioner.id,
      location_id: slot.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
    });
    expect(booked.status).toBe(201);
    return String(booked.body.id);
  }

  async function receivedCount(at: string, n: number, timeoutMs = 10_000): Promise<ReceivedWebhook[]> {
    return eventually(
      async () => (receiver.received(at).length >= n ? receiver.received(at) : undefined),
      timeoutMs,
    );
  }

  test('a patient’s WhatsApp message arrives as a signed message.received, with ids and no text unless asked', async () => {
    const plain = await subscribe(['message.received']);
    const withText = await subscribe(['message.received'], clinic, { include_message_text: true });
    const { wamid } = await patientWrites(env, clinic, newPhone(), 'J’ai mal au dos depuis hier');
    await receivedCount(plain.path, 1);
    await receivedCount(withText.path, 1);
    const [stored] = await env.handle.db.select().from(messages).where(eq(messages.externalId, wamid));
    const [event] = verifiedAt(plain.path);
    expect(event).toMatchObject({
      type: 'message.received',
      data: { messageId: stored?.id, conversationId: stored?.conversationId },
    });
    expect(receiver.received(plain.path)[0]?.raw).not.toContain('mal au dos');
    expect(receiver.received(plain.path)[0]?.headers['webhook-id']).toMatch(/^msg_/);
    expect(verifiedAt(withText.path)[0]?.data.text).toBe('J’ai mal au dos depuis hier');
  });

  test('an appointment booked then cancelled sends appointment.booked then appointment.cancelled', async () => {
    const setup: SchedulingSetup = await setUpSchedulingApi(env, clinic);
    const hook = await subscribe(['appointment.booked', 'appointment.cancelled']);
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Marie Curie');
    const [slot] = await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=1`);
    const booked = await bookThrough(clinic, setup, patient, slot);
    expect((await call(env, clinic, 'POST', `/appointments/${booked}/cancel`)).status).toBe(200);
    await receivedCount(hook.path, 2);
    expect(verifiedAt(hook.path).map((e) => [e.type, e.data.appointmentId])).toEqual([
      ['appointment.booked', booked],
      ['appointment.cancelled', booked],
    ]);
    expect(receiver.received(hook.path)[0]?.raw).not.toContain('Marie');
  });

  test('every event type comes from its change, whichever code path makes it', async () => {
    const other = await env.addClinic('Maison médicale du Port');
    const setup = await setUpSchedulingApi(env, other);
    const hook = await subscribe([...WEBHOOK_EVENT_TYPES], other);
    const db = env.handle.db;
    // Through the product: a patient writes words that raise a red flag, staff acknowledge, assign,
    // answer and close; an appointment is booked, moved, attended, another one missed.
    const { conversation, wamid } = await patientWrites(
      env,
      other,
      newPhone(),
      "j'ai une douleur dans la poitrine qui serre",
    );
    const conversationId = String(conversation.id);
    const contactId = await contactOfMessage(env, wamid);
    await eventually(async () => {
      const [flag] = await db
        .select()
        .from(redFlagEvents)
        .where(eq(redFlagEvents.conversationId, conversationId));
      return flag;
    }, 10_000);
    expect(
      (await call(env, other, 'POST', `/conversations/${conversationId}/acknowledge-urgent`)).status,
    ).toBe(200);
    const agent = await addStaff(env, other, { name: 'Nadia Agent' });
    expect(
      (await call(env, other, 'POST', `/conversations/${conversationId}/assign`, { user_id: agent.id }))
        .status,
    ).toBe(200);
    const reply = await call(env, other, 'POST', `/conversations/${conversationId}/messages`, {
      type: 'text',
      text: 'Nous vous rappelons.',
    });
    expect(reply.status).toBe(202);
    expect(
      (await call(env, other, 'POST', `/conversations/${conversationId}/status`, { status: 'closed' }))
        .status,
    ).toBe(200);
    const slots = await slotsOf(env, other, `type=${String(setup.type.key)}&limit=6`);
    const book = (index: number) => bookThrough(other, setup, contactId, slots[index]);
    const first = await book(0);
    const moved = await call(env, other, 'POST', `/appointments/${first}/move`, { start: slots[2]?.start });
    expect(moved.status).toBe(201);
    const second = await book(4);
    const third = await book(5);
    // Attendance and reminders, as their services write them (times in the past are not the point here).
    await db.execute(sql`update appointments set status = 'arrived' where id = ${second}`);
    await db.execute(sql`update appointments set status = 'noshow' where id = ${third}`);
    await db.execute(sql`insert into reminders (org_id, appointment_id, offset_minutes, due_at)
      values (${other.org.id}, ${second}, 60, now())`);
    await db.execute(
      sql`update reminders set status = 'sent', sent_at = now(), channel = 'whatsapp' where appointment_id = ${second}`,
    );
    await db.execute(
      sql`update reminders set response = 'confirmed', responded_at = now() where appointment_id = ${second}`,
    );
    await db.execute(sql`insert into consent_records (org_id, contact_id, channel, purpose, granted, method, text_shown)
      values (${other.org.id}, ${contactId}, 'whatsapp', 'appointment_reminders', true, 'staff', 'Rappels ?')`);
    await db.execute(sql`with flow as (
        insert into flows (org_id, key, current_version) values (${other.org.id}, 'csat-test', 1) returning id),
      session as (
        insert into flow_sessions (org_id, flow_id, flow_version, conversation_id, contact_id, status, trigger, expires_at)
        select ${other.org.id}, id, 1, ${conversationId}, ${contactId}, 'completed', 'close', now() from flow returning id)
      insert into csat_responses (org_id, conversation_id, contact_id, flow_session_id, rating)
        select ${other.org.id}, ${conversationId}, ${contactId}, id, 5 from session`);
    const twin = await addPatient(db, env.careline.keyring, other.org.id, 'Jean Double');
    await db.execute(sql`insert into contact_merges (org_id, survivor_id, merged_id, merged_at, field_choices, survivor_before, moved)
      values (${other.org.id}, ${contactId}, ${twin}, now(), 'x', 'x', '{}'::jsonb)`);

    const types = await eventually(async () => {
      const seen = new Set(verifiedAt(hook.path).map((e) => e.type));
      return WEBHOOK_EVENT_TYPES.every((t) => seen.has(t)) ? seen : undefined;
    }, 15_000).catch(() => new Set(verifiedAt(hook.path).map((e) => e.type)));
    expect([...WEBHOOK_EVENT_TYPES].filter((t) => !types.has(t))).toEqual([]);
    const raw = receiver
      .received(hook.path)
      .map((r) => r.raw)
      .join('\n');
    expect(raw).not.toMatch(/poitrine|Nous vous rappelons|Jean Double|Rappels \?/);
  }, 40_000);

  test('an event exists exactly when its change does: a rolled-back change sends nothing', async () => {
    const hook = await subscribe(['consent.changed']);
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Paul Verlaine');
    const consent = (tx: Pick<typeof env.handle.db, 'execute'>, purpose: string) =>
      tx.execute(sql`insert into consent_records (org_id, contact_id, channel, purpose, granted, method, text_shown)
        values (${clinic.org.id}, ${patient}, 'whatsapp', ${purpose}, true, 'staff', 'Rappels ?')`);
    await env.handle.db
      .transaction(async (tx) => {
        await consent(tx, 'marketing');
        throw new Error('the change fails after the consent was written');
      })
      .catch(() => undefined);
    await consent(env.handle.db, 'appointment_reminders');
    await receivedCount(hook.path, 1);
    await env.settle();
    expect(verifiedAt(hook.path).map((e) => e.data.purpose)).toEqual(['appointment_reminders']);
  });

  test('a 500 is retried until it succeeds, and the next event waits for it (order holds)', async () => {
    const hook = await subscribe(['message.received']);
    receiver.plan(hook.path, [500, 500]);
    const first = await call(env, clinic, 'POST', `/webhook-subscriptions/${hook.id}/test`);
    const second = await call(env, clinic, 'POST', `/webhook-subscriptions/${hook.id}/test`);
    expect(first.status).toBe(202);
    const got = await receivedCount(hook.path, 4);
    expect(got.map((r) => [r.headers['webhook-id'], r.answered])).toEqual([
      [first.body.webhook_id, 500],
      [first.body.webhook_id, 500],
      [first.body.webhook_id, 200],
      [second.body.webhook_id, 200],
    ]);
    const log = await call(env, clinic, 'GET', `/webhook-subscriptions/${hook.id}/deliveries`);
    expect((log.body.data as Json[]).map((d) => [d.id, d.status, d.attempts, d.response_status])).toEqual([
      [second.body.id, 'succeeded', 1, 200],
      [first.body.id, 'succeeded', 3, 200],
    ]);
    expect(JSON.stringify(log.body)).not.toContain('whsec_');
  });

  test('a replay sends the event again with the same webhook-id; a range replay sends its events in order', async () => {
    const hook = await subscribe(['message.received']);
    const test1 = await call(env, clinic, 'POST', `/webhook-subscriptions/${hook.id}/test`);
    await receivedCount(hook.path, 1);
    const replay = await call(
      env,
      clinic,
      'POST',
      `/webhook-subscriptions/${hook.id}/deliveries/${String(test1.body.id)}/replay`,
    );
    expect(replay.status).toBe(202);
    await receivedCount(hook.path, 2);
    const [original, again] = receiver.received(hook.path);
    expect(again?.headers['webhook-id']).toBe(original?.headers['webhook-id']);
    expect(again?.raw).toBe(original?.raw);
    const range = await call(env, clinic, 'POST', `/webhook-subscriptions/${hook.id}/replay`, {
      from: new Date(Date.now() - 60_000).toISOString(),
      to: new Date(Date.now() + 1_000).toISOString(),
    });
    expect(range.body).toEqual({ replayed: 1 });
    await receivedCount(hook.path, 3);
    expect(receiver.received(hook.path)[2]?.headers['webhook-id']).toBe(original?.headers['webhook-id']);
  });

  test('a rotated secret signs the next events at once; the old one no longer verifies them', async () => {
    const hook = await subscribe(['message.received']);
    const rotated = await call(env, clinic, 'POST', `/webhook-subscriptions/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const secret = String(rotated.body.secret);
    expect(secret).toMatch(/^whsec_/);
    await call(env, clinic, 'POST', `/webhook-subscriptions/${hook.id}/test`);
    const [got] = await receivedCount(hook.path, 1);
    expect(got?.verified).toMatchObject({ error: expect.any(String) });
    receiver.trust(hook.path, secret);
    await call(env, clinic, 'POST', `/webhook-subscriptions/${hook.id}/test`);
    const [, second] = await receivedCount(hook.path, 2);
    expect(second?.verified).toMatchObject({ type: 'webhook.test' });
  });

  test('a receiver that fails for the whole retry period gets its subscription turned off, and the admins an alert', async () => {
    const hook = await subscribe(['message.received']);
    receiver.plan(hook.path, Array(50).fill(503));
    await call(env, clinic, 'POST', `/webhook-subscriptions/${hook.id}/test`);
    const subscription = await eventually(async () => {
      const { body } = await call(env, clinic, 'GET', '/webhook-subscriptions');
      const found = (body.data as Json[]).find((s) => s.id === hook.id);
      return found?.active === false ? found : undefined;
    }, 15_000);
    expect(subscription.disabled_reason).toBe('failing');
    const open = await call(env, clinic, 'GET', '/alerts');
    expect((open.body.data as Json[]).map((a) => a.kind)).toContain('webhook_subscription_disabled');
    const [alert] = await env.handle.db
      .select()
      .from(alerts)
      .where(eq(alerts.kind, 'webhook_subscription_disabled'));
    expect(alert?.detail).toContain('127.0.0.1');
    const attempts = receiver.received(hook.path).length;
    expect(attempts).toBeGreaterThanOrEqual(3);
    // Turned off for failing: an event that happens meanwhile is kept, not sent.
    await patientWrites(env, clinic, newPhone(), 'Bonjour pendant la panne');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received(hook.path).length).toBe(attempts);
    // The receiver mended, an administrator turns it on again: the event that waited goes out.
    receiver.plan(hook.path, []);
    const on = await call(env, clinic, 'PATCH', `/webhook-subscriptions/${hook.id}`, { active: true });
    expect(on.body).toMatchObject({ active: true, disabled_reason: null });
    const after = await receivedCount(hook.path, attempts + 1);
    expect(after[attempts]?.answered).toBe(200);
    expect(verifiedAt(hook.path)[attempts]?.type).toBe('message.received');
  }, 30_000);

  test('a subscription of one clinic never gets another clinic’s events', async () => {
    const other = await env.addClinic('Clinique du Parc');
    const theirs = await subscribe(['message.received'], other);
    const ours = await subscribe(['message.received']);
    await patientWrites(env, clinic, newPhone(), 'Bonjour');
    await receivedCount(ours.path, 1);
    await env.settle();
    expect(receiver.received(theirs.path)).toEqual([]);
    const cross = await call(env, other, 'GET', `/webhook-subscriptions/${ours.id}/deliveries`);
    expect(cross.status).toBe(404);
    expect(
      (await call(env, other, 'PATCH', `/webhook-subscriptions/${ours.id}`, { active: false })).status,
    ).toBe(404);
  });

  test('agents cannot see or manage subscriptions', async () => {
    const agent = await addStaff(env, clinic, { name: 'Agent Smith', role: 'agent' });
    const browser = await signIn(env, agent.email);
    expect((await browser.call('GET', '/webhook-subscriptions')).status).toBe(403);
    const created = await browser.call('POST', '/webhook-subscriptions', {
      url: 'https://example.org/h',
      events: ['message.received'],
    });
    expect(created.status).toBe(403);
  });

  test('hostile input is refused with 400 naming the field, never stored', async () => {
    const refusals: Array<[unknown, string]> = [
      [{ url: 'https://169.254.169.254/latest/meta-data', events: ['message.received'] }, 'body.url'],
      [{ url: 'http://10.0.0.8/hook', events: ['message.received'] }, 'body.url'],
      [{ url: `https://example.org/${'a'.repeat(100_000)}`, events: ['message.received'] }, 'body.url'],
      [{ url: 'https://example.org/\u0000', events: ['message.received'] }, 'body.url'],
      [
        { url: 'https://example.org/h', events: ['message.received'], description: 'a\u0000b' },
        'body.description',
      ],
      [{ url: 'https://example.org/h', events: ['patient.everything'] }, 'body.events'],
      [{ url: 'https://example.org/h', events: [] }, 'body.events'],
      [{ url: 42, events: 'message.received' }, 'body.url'],
    ];
    for (const [body, field] of refusals) {
      const answer = await call(env, clinic, 'POST', '/webhook-subscriptions', body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(JSON.stringify(answer.body.errors)).toContain(field);
    }
    const replay = await call(
      env,
      clinic,
      'POST',
      '/webhook-subscriptions/00000000-0000-4000-8000-000000000000/replay',
      {
        from: 'yesterday',
        to: '2026-01-01T00:00:00Z',
      },
    );
    expect(replay.status).toBe(400);
    expect(JSON.stringify(replay.body.errors)).toContain('body.from');
  });
});
