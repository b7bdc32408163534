import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterSendOptions } from '../../channels/channel-adapter.ts';
import { decodeFormFields } from '../../channels/form-fields.ts';
import { checkSmsAccount } from '../../channels/sms/sms-account-check.ts';
import { createSmsAdapter } from '../../channels/sms/sms-adapter.ts';
import { type ReceivedDelivery, startRawWebhookReceiver } from '../raw-webhook-receiver.test-support.ts';
import { type RunningSimulator, startSimulatorServer } from '../simulator-server.ts';
import { FILTERED_NUMBER, UNREACHABLE_NUMBER } from './sms-stand-in.ts';

/*
 * The SMS stand-in against Careline's SMS adapter over real HTTP on 127.0.0.1: the patient's texts and
 * MMS arrive as Twilio posts them (a form signed with X-Twilio-Signature over the webhook URL) and parse;
 * messages are created with basic auth, their status callbacks follow signed, Twilio's error codes come
 * back as Twilio writes them and are classified.
 */

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const CLINIC = '+33757000001';
const PATIENT = '+33612000001';

let sim: RunningSimulator;
let receiver: Awaited<ReturnType<typeof startRawWebhookReceiver>>;
let webhookUrl: string;
const clock = new Date('2025-01-06T09:00:00.000Z');

const options = (correlationId: string): AdapterSendOptions => ({
  correlationId,
  replyToExternalId: null,
  loadMedia: () => Promise.reject(new Error('no media')),
});

beforeAll(async () => {
  receiver = await startRawWebhookReceiver();
  webhookUrl = `${receiver.url}/webhooks/sms/acc-sms`;
  sim = await startSimulatorServer({
    port: 0,
    now: () => clock,
    webhookRetry: { initialDelayMs: 10, maxAttempts: 2 },
  });
  sim.simulator.sms.registerNumber({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: CLINIC,
    webhookUrl,
  });
});

afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const secrets = { authToken: AUTH_TOKEN };
const account = () => ({
  id: 'acc-sms',
  externalId: CLINIC,
  settings: { from: CLINIC, accountSid: ACCOUNT_SID, apiUrl: sim.url },
  secrets,
});
const adapter = createSmsAdapter({ now: () => clock, publicUrl: () => receiver.url });

function lastDelivery(): ReceivedDelivery {
  const delivery = receiver.received.at(-1);
  if (!delivery) throw new Error('nothing delivered');
  return delivery;
}

async function deliveredStatuses(sid: string, count: number): Promise<ReceivedDelivery[]> {
  for (let i = 0; i < 100; i += 1) {
    const found = receiver.received.filter(
      (delivery) => decodeFormFields(delivery.rawBody).MessageSid === sid,
    );
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} callbacks for ${sid}`);
}

describe('SMS stand-in × createSmsAdapter', () => {
  it('checks the account SID and auth token as Twilio does', async () => {
    const http = { fetch, apiUrl: sim.url, timeoutMs: 5000 };
    expect(await checkSmsAccount(http, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })).toMatchObject({
      ok: true,
    });
    const refused = await checkSmsAccount(http, { accountSid: ACCOUNT_SID, authToken: 'x'.repeat(32) });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? '' : refused.title).toContain('Authenticate');
  });

  it('posts the patient’s text as a signed form that verifies against the webhook URL and parses', async () => {
    const acted = await sim.simulator.sms.patientActs(
      CLINIC,
      { person: { phone: PATIENT }, action: { text: 'Bonjour, je serai en retard de 10 minutes' } },
      sim.url,
    );
    expect(acted.httpStatus).toBe(200);
    const delivery = lastDelivery();
    expect(delivery.path).toBe('/webhooks/sms/acc-sms');
    expect(delivery.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const request = { headers: delivery.headers, rawBody: delivery.rawBody, url: webhookUrl };
    expect(adapter.webhook.verify(request, secrets)).toEqual({ ok: true });
    expect(
      adapter.webhook.verify({ ...request, url: `${receiver.url}/webhooks/sms/other` }, secrets).ok,
    ).toBe(false);
    const [event] = adapter.webhook.parse(decodeFormFields(delivery.rawBody));
    expect(event).toMatchObject({
      kind: 'message',
      channel: 'sms',
      accountId: CLINIC,
      externalId: acted.messageSid,
      from: { id: PATIENT, phone: PATIENT },
      type: 'text',
      text: 'Bonjour, je serai en retard de 10 minutes',
    });
  });

  it('sends a text; the status callbacks queued, sent, delivered follow, signed for the callback URL', async () => {
    const outcome = await adapter.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'text', text: 'À demain 9h' },
      options('m-1'),
    );
    if (!outcome.ok) throw new Error(outcome.title);
    expect(outcome.externalId).toMatch(/^SM[0-9a-f]{32}$/);
    const callbacks = await deliveredStatuses(outcome.externalId, 3);
    const statuses = callbacks.map((delivery) => decodeFormFields(delivery.rawBody).MessageStatus);
    expect(statuses).toEqual(['queued', 'sent', 'delivered']);
    const last = callbacks[2] as ReceivedDelivery;
    expect(
      adapter.webhook.verify({ headers: last.headers, rawBody: last.rawBody, url: webhookUrl }, secrets),
    ).toEqual({ ok: true });
    const events = callbacks.flatMap((delivery) => adapter.webhook.parse(decodeFormFields(delivery.rawBody)));
    expect(events.map((event) => (event.kind === 'status' ? event.status : event.kind))).toEqual([
      'other',
      'sent',
      'delivered',
    ]);
    expect(sim.simulator.sms.conversation(CLINIC, PATIENT).at(-1)).toMatchObject({
      side: 'clinic',
      body: 'À demain 9h',
    });
  });

  it('buttons go as numbered choices, and the patient’s "2" comes back as the second button', async () => {
    const outcome = await adapter.outbound.send(
      account(),
      { externalId: PATIENT },
      {
        type: 'buttons',
        body: 'Votre rendez-vous demain 9h',
        buttons: [
          { id: 'c', title: 'Confirmer' },
          { id: 'x', title: 'Annuler' },
        ],
      },
      options('m-2'),
    );
    expect(outcome.ok).toBe(true);
    expect(sim.simulator.sms.conversation(CLINIC, PATIENT).at(-1)?.body).toBe(
      'Votre rendez-vous demain 9h\n\n1. Confirmer\n2. Annuler',
    );
    await sim.simulator.sms.patientActs(
      CLINIC,
      { person: { phone: PATIENT }, action: { text: '2' } },
      sim.url,
    );
    const [event] = adapter.webhook.parse(decodeFormFields(lastDelivery().rawBody));
    expect(event).toMatchObject({
      kind: 'message',
      type: 'button_reply',
      reply: { id: 'x', title: 'Annuler' },
    });
  });

  it('a carrier failure comes back as an undelivered or failed status with its code', async () => {
    for (const [to, code] of [
      [UNREACHABLE_NUMBER, 30003],
      [FILTERED_NUMBER, 30007],
    ] as const) {
      const outcome = await adapter.outbound.send(
        account(),
        { externalId: to },
        { type: 'text', text: 'Rappel' },
        options(`m-${code}`),
      );
      if (!outcome.ok) throw new Error(outcome.title);
      const callbacks = await deliveredStatuses(outcome.externalId, 3);
      const [event] = adapter.webhook.parse(decodeFormFields((callbacks[2] as ReceivedDelivery).rawBody));
      expect(event).toMatchObject({ kind: 'status', status: 'failed', errorCode: code });
    }
  });

  it('refuses as Twilio does: 21211 for a To that is no number, 21610 after STOP until START, 20003 for a wrong token', async () => {
    const bad = await adapter.outbound.send(
      account(),
      { externalId: '+1' },
      { type: 'text', text: 'x' },
      options('m-3'),
    );
    expect(bad).toMatchObject({ ok: false, disposition: 'fail' });
    const direct = await fetch(`${sim.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: '12345', From: CLINIC, Body: 'x' }).toString(),
    });
    expect(direct.status).toBe(400);
    expect(await direct.json()).toMatchObject({
      code: 21211,
      status: 400,
      more_info: 'https://www.twilio.com/docs/errors/21211',
    });

    const stop = await sim.simulator.sms.patientActs(
      CLINIC,
      { person: { phone: PATIENT }, action: { text: 'STOP' } },
      sim.url,
    );
    expect(stop.optOutType).toBe('STOP');
    expect(decodeFormFields(lastDelivery().rawBody).OptOutType).toBe('STOP');
    const refused = await adapter.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'text', text: 'Rappel' },
      options('m-4'),
    );
    expect(refused).toMatchObject({ ok: false, disposition: 'fail', code: 21610 });
    await sim.simulator.sms.patientActs(
      CLINIC,
      { person: { phone: PATIENT }, action: { text: 'START' } },
      sim.url,
    );
    expect(
      (
        await adapter.outbound.send(
          account(),
          { externalId: PATIENT },
          { type: 'text', text: 'Rappel' },
          options('m-5'),
        )
      ).ok,
    ).toBe(true);

    const wrong = { ...account(), secrets: { authToken: 'a'.repeat(32) } };
    expect(
      await adapter.outbound.send(
        wrong,
        { externalId: PATIENT },
        { type: 'text', text: 'x' },
        options('m-6'),
      ),
    ).toMatchObject({
      ok: false,
      reason: 'token_invalid',
    });
  });

  it('an MMS’s files are fetched with basic auth from the account’s media URLs, and only from there', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await sim.simulator.sms.patientActs(
      CLINIC,
      {
        person: { phone: PATIENT },
        action: {
          text: 'Voici mon ordonnance',
          media: [
            { bytes: png.toString('base64'), mimeType: 'image/png' },
            { bytes: Buffer.from('%PDF-1.4').toString('base64'), mimeType: 'application/pdf' },
          ],
        },
      },
      sim.url,
    );
    const [event] = adapter.webhook.parse(decodeFormFields(lastDelivery().rawBody));
    if (event?.kind !== 'message') throw new Error('not a message');
    expect(event.media.map((media) => media.kind)).toEqual(['image', 'document']);
    const first = event.media[0];
    const download = await adapter.outbound.downloadMedia(account(), {
      id: null,
      url: first?.url ?? null,
      kind: 'image',
    });
    expect(download).toMatchObject({ ok: true, mimeType: 'image/png' });
    expect(download.ok && 'bytes' in download ? download.bytes.equals(png) : false).toBe(true);
    const elsewhere = await adapter.outbound.downloadMedia(account(), {
      id: null,
      url: 'https://attacker.example/steal',
      kind: 'image',
    });
    expect(elsewhere).toMatchObject({ ok: false, disposition: 'fail' });
    const unauthenticated = await fetch(first?.url ?? '');
    expect(unauthenticated.status).toBe(401);
  });
});
