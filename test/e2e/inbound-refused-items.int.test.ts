import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alerts, messages, webhookEvents } from '../../src/db-schema.ts';
import { openOneMessage } from '../../src/modules/inbox/message-sealing.ts';
import { messagesWebhook, patientText, postWebhook, unixNow } from '../support/meta-webhooks.ts';
import { refuseMarkedValues, UNSTORABLE } from '../support/refused-values.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, getJson, type Json, storedMessagesSaying } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

/*
 * Issue 13, items 1 and 3: what a patient sent must never vanish. An item of a delivery that cannot even
 * be read (its sender's id is unusable, its shape malformed) used to be skipped with its reason in the
 * log only: nobody learnt that a patient had written. It is now shown to operators in Alerts, tied to
 * the delivery the journal keeps; and a message whose own id is unusable is stored under one of ours.
 */
describe.each(TEST_ENGINES)('patient messages Careline cannot read (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  const logs: string[] = [];

  beforeAll(async () => {
    env = await startTestCareline(engine, { logs });
    clinic = await env.addClinic('Centre médical des Lilas');
    await refuseMarkedValues(env.handle.db);
  });
  afterAll(async () => {
    await env?.close();
  });

  const NUL = '\u0000';
  let nextPatient = 0;
  const newPatient = () => `3361400${String(++nextPatient).padStart(4, '0')}`;
  let nextWamid = 0;
  const newWamid = () => `wamid.REFUSED${engine}${++nextWamid}`;

  const delivered: string[] = [];
  async function deliver(body: string): Promise<void> {
    delivered.push(body);
    const response = await postWebhook(env.url, body, clinic.number.appSecret);
    expect(response.status).toBe(200);
    await env.settle(10_000);
  }

  async function openAlerts(): Promise<Json[]> {
    return (await getJson<{ data: Json[] }>(env, clinic, '/alerts')).data;
  }

  /** The journal keeps no readable body once processed: a delivery is found by the hash of its bytes. */
  async function journalOf(wamid: string) {
    const body = delivered.find((candidate) => candidate.includes(wamid));
    if (body === undefined) throw new Error(`${wamid} was never delivered`);
    const [row] = await env.handle.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.bodySha256, createHash('sha256').update(body).digest('hex')));
    if (!row) throw new Error(`${wamid} was not journaled`);
    return row;
  }

  /** The message as the inbox reads it (opened with the patient's key). */
  async function storedMessage(wamid: string) {
    const [row] = await env.handle.db.select().from(messages).where(eq(messages.externalId, wamid));
    return openOneMessage(env.handle.db, env.careline.keyring, row);
  }

  function text(from: string, id: string, body: string): Json {
    return { from, id, timestamp: unixNow(), type: 'text', text: { body } };
  }

  test('a patient message refused for an unusable id is shown to operators in Alerts', async () => {
    const patient = newPatient();
    const refused = newWamid();
    const next = newWamid();
    // The sender's id carries a NUL: whose message it is cannot be told, so it cannot be filed.
    await deliver(
      messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [{ profile: { name: 'Odile Marchand' }, wa_id: patient }],
        messages: [
          text(`${patient}${NUL}`, refused, 'Je saigne encore après l’opération'),
          text(patient, next, 'Pouvez-vous me rappeler ?'),
        ],
      }),
    );

    // The readable message is stored; the delivery is done, and the journal has forgotten its words.
    expect((await storedMessage(next))?.text).toBe('Pouvez-vous me rappeler ?');
    const journaled = await journalOf(refused);
    expect(journaled.processedAt).not.toBeNull();
    expect(journaled.rawBody).toBeNull();
    expect(journaled.sealedBody).toBeNull();

    // Operators see it: one alert about that delivery, saying why, quoting nothing of the patient.
    const shown = (await openAlerts()).filter((alert) => alert.kind === 'inbound_item_refused');
    expect(shown).toEqual([
      expect.objectContaining({
        channel_account_id: clinic.account.id,
        retryable: false,
        resolved_at: null,
        detail: expect.stringContaining(`WhatsApp delivery ${journaled.id}`),
      }),
    ]);
    const detail = String(shown[0]?.detail);
    expect(detail).toMatch(/message 1 of 2: malformed message: from: unusable identifier: contains control/);
    for (const secret of ['saigne', 'Odile', 'Marchand', patient, NUL]) expect(detail).not.toContain(secret);
    const [row] = await env.handle.db
      .select()
      .from(alerts)
      .where(eq(alerts.id, String(shown[0]?.id)));
    expect(row?.webhookEventId).toBe(journaled.id);

    // Retrying would refuse it the same way: the API says so rather than pretending.
    const retry = await env.api(clinic.apiKey, `/api/v1/alerts/${String(shown[0]?.id)}/retry`, {
      method: 'POST',
    });
    expect(retry.status).toBe(409);
    expect(logs.some((line) => line.includes('patient message refused at reading'))).toBe(true);
  });

  test('a 1 MB sender, a message with no sender and an unreadable reaction are shown too; statuses and fields we do not handle are not', async () => {
    const patient = newPatient();
    const refusedAlerts = async () =>
      (await openAlerts()).filter((alert) => alert.kind === 'inbound_item_refused');
    const before = await refusedAlerts();
    await deliver(
      messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [{ profile: { name: 'Inès' } }],
        messages: [text('3'.repeat(1024 * 1024), newWamid(), 'Bonjour')],
      }),
    );
    await deliver(
      messagesWebhook(clinic.number.phoneNumberId, {
        messages: [{ id: newWamid(), timestamp: unixNow(), type: 'text', text: { body: 'Qui suis-je ?' } }],
      }),
    );
    await deliver(
      messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [{ profile: { name: 'Inès' }, wa_id: patient }],
        messages: [{ ...text(patient, newWamid(), ''), type: 'reaction', reaction: { emoji: '👍' } }],
      }),
    );
    const raised = (await refusedAlerts()).filter((alert) => !before.some((b) => b.id === alert.id));
    const details = raised.map((alert) => String(alert.detail));
    expect(details).toHaveLength(3);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /message 1 of 1: malformed message: from: unusable identifier: is longer than 512/,
        ),
        expect.stringMatching(/message\/reaction 1 of 1: malformed reaction: message_id/),
        expect.stringMatching(/message\/text 1 of 1: message names no sender/),
      ]),
    );
    expect(details.join('\n')).not.toMatch(/Inès|Qui suis-je|3333333333/);

    // A receipt for someone we cannot name, or a field we do not handle, is no patient's message.
    const quiet = (await openAlerts()).length;
    await deliver(
      messagesWebhook(clinic.number.phoneNumberId, {
        statuses: [{ id: newWamid(), status: 'read', timestamp: unixNow(), recipient_id: `336${NUL}` }],
      }),
    );
    await deliver(
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129340398',
            changes: [
              {
                field: 'calls',
                value: { metadata: { phone_number_id: clinic.number.phoneNumberId }, calls: [] },
              },
            ],
          },
        ],
      }),
    );
    expect((await openAlerts()).length).toBe(quiet);
  });

  test('an administrator marks an alert resolved; an agent cannot, nor can another clinic', async () => {
    const refused = newWamid();
    await deliver(
      messagesWebhook(clinic.number.phoneNumberId, {
        messages: [{ ...text(`33600${NUL}`, refused, 'Bonjour'), type: `text${NUL}` }],
      }),
    );
    const journaled = await journalOf(refused);
    const alert = (await openAlerts()).find((a) => String(a.detail).includes(`delivery ${journaled.id},`));
    expect(alert).toMatchObject({ kind: 'inbound_item_refused' });
    const path = `/alerts/${String(alert?.id)}/resolve`;

    const agent = await signIn(
      env,
      (await addStaff(env, clinic, { name: 'Agent Vert', role: 'agent' })).email,
    );
    expect((await agent.call('POST', path)).status).toBe(403);
    const other = await env.addClinic('Cabinet d’en face');
    const fromOther = await env.api(other.apiKey, `/api/v1${path}`, { method: 'POST' });
    expect(fromOther.status).toBe(404);
    expect(fromOther.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(
      (await env.api(clinic.apiKey, '/api/v1/alerts/not-an-id/resolve', { method: 'POST' })).status,
    ).toBe(400);
    expect(await openAlerts()).toContainEqual(expect.objectContaining({ id: alert?.id }));

    const admin = await signIn(
      env,
      (await addStaff(env, clinic, { name: 'Admin Bleu', role: 'admin' })).email,
    );
    const resolved = await admin.call('POST', path);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: alert?.id, retryable: false, resolved_at: expect.any(String) });
    expect(await openAlerts()).not.toContainEqual(expect.objectContaining({ id: alert?.id }));
    expect((await admin.call('POST', path)).status).toBe(404);
    // Resolved, not forgotten: the alert stays on record, and the delivery's row in the journal.
    const [row] = await env.handle.db
      .select()
      .from(alerts)
      .where(eq(alerts.id, String(alert?.id)));
    expect(row?.resolvedAt).not.toBeNull();
    expect((await journalOf(refused)).processedAt).not.toBeNull();
  });

  test('a delivery that could not be stored and also had a refused message shows one alert, then the other once retried', async () => {
    const patient = newPatient();
    const unstorable = `${newWamid()}.${UNSTORABLE}`;
    const refused = newWamid();
    await deliver(
      messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [{ profile: { name: 'Rose' }, wa_id: patient }],
        messages: [
          text(patient, unstorable, `Bonjour ${UNSTORABLE}`),
          text(`${patient}${NUL}`, refused, 'x'),
        ],
      }),
    );
    const journaled = await journalOf(unstorable);
    const aboutIt = async () =>
      (await openAlerts()).filter((a) => String(a.detail).includes(`delivery ${journaled.id},`));
    const [notStored, ...others] = await aboutIt();
    expect(others).toEqual([]);
    expect(notStored).toMatchObject({ kind: 'inbound_not_stored', retryable: true });
    expect(String(notStored?.detail)).toMatch(/check_violation.*message 2 of 2: malformed message: from/);

    // The cause fixed and the delivery retried, the message is stored; the refused one is still shown.
    await env.handle.db.execute(sql`delete from test_refused_markers where marker = ${UNSTORABLE}`);
    const retried = await env.api(clinic.apiKey, `/api/v1/alerts/${String(notStored?.id)}/retry`, {
      method: 'POST',
    });
    expect(retried.status).toBe(202);
    await eventually(() => storedMessage(unstorable), 5000);
    const after = await eventually(async () => {
      const open = await aboutIt();
      return open.length > 0 ? open : undefined;
    }, 5000);
    expect(after).toEqual([expect.objectContaining({ kind: 'inbound_item_refused', retryable: false })]);
    await env.handle.db.execute(sql`insert into test_refused_markers (marker) values (${UNSTORABLE})`);
  });

  test('a patient message whose id is unusable is stored under an id of Careline’s, with a note, and answered unquoted', async () => {
    const phone = `+${newPatient()}`;
    // The patient wrote before (through the simulator, which opens its service window)...
    const first = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      name: 'Lucien',
      text: 'Bonjour',
    });
    await eventually(() => storedMessage(first.wamid), 5000);
    // ...then a message whose id WhatsApp sent unusable: the words must still reach the inbox.
    const words = "J'ai une douleur dans la poitrine qui serre";
    const body = patientText(clinic.number.phoneNumberId, phone.slice(1), `wamid.${NUL}broken`, words);
    const alertsBefore = (await openAlerts()).length;
    await deliver(body);
    const [stored] = (await storedMessagesSaying(env, words)).filter((m) =>
      m.externalId?.startsWith('careline.stand-in.'),
    );
    expect(stored).toBeDefined();
    expect(stored?.content).toMatchObject({ omitted: ['message_id'] });
    const conversation = await getJson(env, clinic, `/conversations/${String(stored?.conversationId)}`);
    expect(conversation.urgent, 'the safety net read the words').toBe(true);
    expect((await openAlerts()).length, 'nothing left for an operator to do').toBe(alertsBefore);

    // The same message delivered again (in another batch) is stored once.
    const again = JSON.parse(body) as Json;
    await deliver(
      JSON.stringify({ ...again, entry: [...(again.entry as Json[]), { id: '1', changes: [] }] }),
    );
    const copies = await storedMessagesSaying(env, words);
    expect(copies).toHaveLength(1);

    // An agent's reply quoting it goes out, without a quote WhatsApp would refuse.
    const reply = await env.api(
      clinic.apiKey,
      `/api/v1/conversations/${String(stored?.conversationId)}/messages`,
      { method: 'POST', body: { type: 'text', text: 'Appelez le 15.', replyToMessageId: stored?.id } },
    );
    expect(reply.status).toBe(202);
    const replyId = String(((await reply.json()) as Json).id);
    const sent = await eventually(async () => {
      const [row] = await env.handle.db.select().from(messages).where(eq(messages.id, replyId));
      return row?.externalId ? row : undefined;
    }, 5000);
    const request = env.simulator.simulator
      .sends(clinic.number.phoneNumberId)
      .find((send) => send.wamid === sent.externalId)?.request;
    expect(request).toMatchObject({ type: 'text', text: { body: 'Appelez le 15.' } });
    expect(request).not.toHaveProperty('context');
  });
});
