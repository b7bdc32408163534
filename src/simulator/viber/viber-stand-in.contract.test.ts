import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterSendOptions } from '../../channels/channel-adapter.ts';
import { readViberJson } from '../../channels/viber/read-viber-json.ts';
import { fetchViberAccountInfo } from '../../channels/viber/viber-account-info.ts';
import { createViberAdapter } from '../../channels/viber/viber-adapter.ts';
import { type ReceivedDelivery, startRawWebhookReceiver } from '../raw-webhook-receiver.test-support.ts';
import { type RunningSimulator, startSimulatorServer } from '../simulator-server.ts';

/*
 * The Viber stand-in against Careline's Viber adapter over real HTTP on 127.0.0.1: set_webhook is
 * checked with a signed `webhook` callback first; the patient's callbacks arrive signed as Viber signs
 * them and parse with their 64-bit message_token whole; send_message answers Viber's statuses (0 ok,
 * 6 not subscribed…) with HTTP 200, and the adapter's error policy reads them.
 */

const TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec5f1a6ce5e81a';
const person = { key: '+381641234567', name: 'Milica Petrović' };

let sim: RunningSimulator;
let accountId: string;
let receiver: Awaited<ReturnType<typeof startRawWebhookReceiver>>;
const clock = new Date('2026-01-06T09:00:00.000Z');

const options: AdapterSendOptions = {
  correlationId: 'm-1',
  replyToExternalId: null,
  loadMedia: () => Promise.reject(new Error('no media')),
};

beforeAll(async () => {
  receiver = await startRawWebhookReceiver();
  sim = await startSimulatorServer({
    port: 0,
    now: () => clock,
    webhookRetry: { initialDelayMs: 10, maxAttempts: 2 },
  });
  accountId = sim.simulator.viber.registerAccount({ authToken: TOKEN, name: 'Clinique Balkan' }).accountId;
});

afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const secrets = { authToken: TOKEN };
const account = () => ({ id: 'acc-viber', externalId: accountId, settings: { apiUrl: sim.url }, secrets });
const adapter = createViberAdapter();

/** The last callback the receiver got, checked and read as Careline's route does. */
function lastCallback(of?: (delivery: ReceivedDelivery) => boolean) {
  const delivery = of ? receiver.received.findLast(of) : receiver.received.at(-1);
  if (!delivery) throw new Error('nothing delivered');
  expect(adapter.webhook.verify({ headers: delivery.headers, rawBody: delivery.rawBody }, secrets)).toEqual({
    ok: true,
  });
  return adapter.webhook.parse(readViberJson(delivery.rawBody.toString('utf8')));
}

async function callbackOf(event: string) {
  for (let i = 0; i < 100; i += 1) {
    const found = receiver.received.findLast((d) =>
      d.rawBody.toString('utf8').includes(`"event":"${event}"`),
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${event} callback`);
}

describe('Viber stand-in × createViberAdapter', () => {
  it('refuses a send before any webhook is set (status 10), names the account, and sets the webhook after its signed check', async () => {
    const early = await adapter.outbound.send(
      account(),
      { externalId: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      { type: 'text', text: 'x' },
      options,
    );
    expect(early).toMatchObject({ ok: false, disposition: 'fail', code: 10 });

    const http = { fetch, apiUrl: sim.url, timeoutMs: 5000 };
    expect(await fetchViberAccountInfo(http, TOKEN)).toMatchObject({
      ok: true,
      id: accountId,
      name: 'Clinique Balkan',
    });
    expect(await fetchViberAccountInfo(http, 'another-token-0123456789')).toEqual({
      ok: false,
      title: 'Viber refused the auth token',
    });
    expect(
      await adapter.registerWebhook?.(account(), 'http://127.0.0.1:9/webhooks/viber/acc-viber'),
    ).toMatchObject({
      ok: false,
      title: 'setting the webhook URL: Viber refused the webhook URL',
    });
    expect(await adapter.registerWebhook?.(account(), `${receiver.url}/webhooks/viber/acc-viber`)).toEqual({
      ok: true,
    });
    const [check] = lastCallback();
    expect(check).toMatchObject({
      kind: 'other',
      rawType: 'webhook',
      externalId: expect.stringMatching(/^\d{19}$/),
    });
  });

  it('will not let the bot write to a patient who only opened the chat (status 6, not subscribed)', async () => {
    const opened = await sim.simulator.viber.patientActs(
      accountId,
      { person: { key: '+381641110000' }, action: { type: 'conversation_started', context: 'qr' } },
      sim.url,
    );
    expect(opened.httpStatus).toBe(200);
    const [started] = lastCallback();
    expect(started).toMatchObject({
      kind: 'lifecycle',
      event: 'conversation_started',
      subscribed: false,
      context: 'qr',
    });
    const userId = sim.simulator.viber.userIdOf('+381641110000') ?? '';
    const refused = await adapter.outbound.send(
      account(),
      { externalId: userId },
      { type: 'text', text: 'Dobrodošli' },
      options,
    );
    expect(refused).toMatchObject({ ok: false, disposition: 'fail', code: 6, detail: 'notSubscribed' });
  });

  it('delivers the patient’s text signed with the token, its 64-bit token whole; a keyboard goes back, is delivered and tapped', async () => {
    const acted = await sim.simulator.viber.patientActs(
      accountId,
      { person, action: { type: 'text', text: 'Mogu li da pomerim termin?' } },
      sim.url,
    );
    expect(acted.httpStatus).toBe(200);
    expect(BigInt(acted.messageToken) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const userId = sim.simulator.viber.userIdOf(person.key) ?? '';
    const [message] = lastCallback();
    expect(message).toMatchObject({
      kind: 'message',
      externalId: acted.messageToken,
      from: { id: userId, name: person.name },
      type: 'text',
      text: 'Mogu li da pomerim termin?',
    });

    const sent = await adapter.outbound.send(
      account(),
      { externalId: userId },
      {
        type: 'buttons',
        body: 'Utorak u 10h?',
        buttons: [
          { id: 'appt:yes', title: 'Da' },
          { id: 'appt:no', title: 'Ne' },
        ],
      },
      options,
    );
    if (!sent.ok) throw new Error(sent.title);
    expect(sent.externalId).toMatch(/^\d{19}$/);
    const bot = sim.simulator.viber
      .conversation(accountId, person.key)
      .filter((entry) => entry.side === 'bot');
    expect(bot.at(-1)?.message).toMatchObject({
      type: 'text',
      keyboard: {
        Buttons: [{ ActionType: 'reply', ActionBody: 'appt:yes', Text: 'Da' }, { ActionBody: 'appt:no' }],
      },
    });
    const delivered = await callbackOf('delivered');
    const [status] = lastCallback((d) => d === delivered);
    expect(status).toMatchObject({
      kind: 'status',
      status: 'delivered',
      externalId: sent.externalId,
      recipient: { id: userId },
    });

    await sim.simulator.viber.patientActs(
      accountId,
      { person, action: { type: 'tap', actionBody: 'appt:yes' } },
      sim.url,
    );
    const [tap] = lastCallback();
    expect(tap).toMatchObject({ kind: 'message', type: 'button_reply', reply: { id: 'appt:yes' } });

    await sim.simulator.viber.patientActs(accountId, { person, action: { type: 'seen' } }, sim.url);
    const [seen] = lastCallback();
    expect(seen).toMatchObject({ kind: 'status', status: 'read', externalId: sent.externalId });
  });

  it('serves a patient’s picture at its public media URL, which the adapter downloads', async () => {
    const jpeg = Buffer.from('\xff\xd8\xff\xe0JPEG', 'latin1');
    await sim.simulator.viber.patientActs(
      accountId,
      { person, action: { type: 'picture', bytes: jpeg.toString('base64'), caption: 'Nalaz' } },
      sim.url,
    );
    const [picture] = lastCallback();
    if (picture?.kind !== 'message') throw new Error('not a message');
    expect(picture).toMatchObject({ type: 'image', text: 'Nalaz' });
    const [media] = picture.media;
    const download = await adapter.outbound.downloadMedia(account(), {
      id: null,
      url: media?.url ?? null,
      kind: 'image',
    });
    expect(download).toMatchObject({ ok: true, mimeType: 'image/jpeg' });
    if (download.ok && 'bytes' in download) expect(download.bytes.equals(jpeg)).toBe(true);
  });

  it('an unsubscribed patient is a lifecycle event, and writing to them is refused as not subscribed', async () => {
    await sim.simulator.viber.patientActs(accountId, { person, action: { type: 'unsubscribe' } }, sim.url);
    const userId = sim.simulator.viber.userIdOf(person.key) ?? '';
    const [gone] = lastCallback();
    expect(gone).toMatchObject({ kind: 'lifecycle', event: 'unsubscribe', user: { id: userId } });
    const refused = await adapter.outbound.send(
      account(),
      { externalId: userId },
      { type: 'text', text: 'x' },
      options,
    );
    expect(refused).toMatchObject({ ok: false, disposition: 'fail', code: 6 });
  });

  it('answers a send without a sender name with status 4 (missingData), a text over 7,000 characters with 3 (badData)', async () => {
    const userId = sim.simulator.viber.userIdOf(person.key) ?? '';
    const post = async (body: Record<string, unknown>) => {
      const response = await fetch(`${sim.url}/pa/send_message`, {
        method: 'POST',
        headers: { 'x-viber-auth-token': TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return response.json();
    };
    expect(await post({ receiver: userId, type: 'text', text: 'x' })).toEqual({
      status: 4,
      status_message: 'missingData',
    });
    expect(
      await post({ receiver: userId, type: 'text', text: 'x'.repeat(7001), sender: { name: 'C' } }),
    ).toEqual({
      status: 3,
      status_message: 'badData',
    });
  });
});
