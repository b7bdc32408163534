import { afterEach, describe, expect, it } from 'vitest';
import { signMetaPayload } from '../channels/whatsapp/webhook-signature.ts';
import {
  changeValue,
  startSimulatorAndReceiver,
  statusesFor,
  TEST_NUMBER,
  textTo,
  wamidOf,
  webhookOf,
} from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

async function start(options?: Parameters<typeof startSimulatorAndReceiver>[0]): Promise<Harness> {
  harness = await startSimulatorAndReceiver(options);
  return harness;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('patient messages', () => {
  it('arrive signed, Meta-shaped, with non-ASCII escaped and string timestamps', async () => {
    const at = new Date('2026-03-02T09:30:00Z');
    const { simulator, receiver } = await start({ now: () => at });

    const result = await simulator.patientSends({
      from: '+33612345678',
      name: 'Marie Curie',
      text: 'Bonjour, ça va ?',
    });

    expect(result.httpStatus).toBe(200);
    expect(result.wamid).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    if (!webhook) throw new Error('no webhook');
    expect(webhook.signatureValid).toBe(true);
    expect(webhook.headers['content-type']).toBe('application/json');
    expect(webhook.rawBody).toContain('Bonjour, \\u00e7a va ?');
    expect(webhook.rawBody).not.toContain('ç');
    // A receiver that re-serialises before checking would fail, as it would against Meta.
    const reserialised = JSON.stringify(webhook.payload);
    expect(signMetaPayload(reserialised, TEST_NUMBER.appSecret)).not.toBe(
      webhook.headers['x-hub-signature-256'],
    );

    const envelope = webhookOf(webhook);
    expect(envelope.object).toBe('whatsapp_business_account');
    expect(envelope.entry[0]?.id).toBe(TEST_NUMBER.wabaId);
    expect(envelope.entry[0]?.changes[0]?.field).toBe('messages');
    expect(changeValue(webhook)).toEqual({
      messaging_product: 'whatsapp',
      metadata: {
        display_phone_number: TEST_NUMBER.displayPhoneNumber,
        phone_number_id: TEST_NUMBER.phoneNumberId,
      },
      contacts: [{ profile: { name: 'Marie Curie' }, wa_id: '33612345678' }],
      messages: [
        {
          from: '33612345678',
          id: result.wamid,
          timestamp: String(at.getTime() / 1000),
          text: { body: 'Bonjour, ça va ?' },
          type: 'text',
        },
      ],
    });
  });

  it('carry the BSUID next to the phone, or alone for a phoneless user', async () => {
    const { simulator, receiver } = await start();

    await simulator.patientSends({ from: '+33612345678', text: 'a', bsuid: 'US.13491208655302741918' });
    await simulator.patientSends({
      phoneless: true,
      bsuid: 'US.11815799212886844830',
      name: 'Anon',
      text: 'b',
    });

    const [withPhone, phoneless] = receiver.received.map(changeValue);
    expect(withPhone?.contacts?.[0]).toMatchObject({
      wa_id: '33612345678',
      user_id: 'US.13491208655302741918',
    });
    expect(withPhone?.messages?.[0]).toMatchObject({
      from: '33612345678',
      from_user_id: 'US.13491208655302741918',
    });
    expect(phoneless?.contacts?.[0]).toEqual({
      profile: { name: 'Anon' },
      user_id: 'US.11815799212886844830',
    });
    expect(phoneless?.messages?.[0]).not.toHaveProperty('from');
    expect(phoneless?.messages?.[0]).toMatchObject({ from_user_id: 'US.11815799212886844830' });
  });

  it('can be sent with a bad signature or twice', async () => {
    const { simulator, receiver } = await start({ webhookRetry: { maxAttempts: 1 } });

    await simulator.patientSends({ from: '+33612345678', text: 'forged', badSignature: true });
    const { wamid } = await simulator.patientSends({ from: '+33612345678', text: 'twice', duplicate: true });
    await simulator.idle();

    expect(receiver.received.map((webhook) => webhook.signatureValid)).toEqual([false, true, true]);
    const [, first, second] = receiver.received;
    expect(first?.rawBody).toBe(second?.rawBody);
    expect(first && changeValue(first).messages?.[0]?.id).toBe(wamid);
    expect(simulator.deliveries(TEST_NUMBER.phoneNumberId).map((delivery) => delivery.duplicate)).toEqual([
      false,
      false,
      true,
    ]);
  });
});

describe('webhook delivery', () => {
  it('retries until Careline answers 2xx and records every attempt', async () => {
    const { simulator, receiver } = await start();
    receiver.respondWith((attempt) => (attempt <= 2 ? 500 : 200));

    const result = await simulator.patientSends({ from: '+33612345678', text: 'retry me' });

    expect(result.httpStatus).toBe(200);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((webhook) => webhook.rawBody)).size).toBe(1);
    const [delivery] = simulator.deliveries(TEST_NUMBER.phoneNumberId);
    expect(delivery?.outcome).toBe('delivered');
    expect(delivery?.attempts.map((attempt) => attempt.httpStatus)).toEqual([500, 500, 200]);
  });

  it('gives up after the last attempt when Careline cannot be reached', async () => {
    const { simulator, server } = await start();
    simulator.registerNumber({ ...TEST_NUMBER, webhookUrl: 'http://127.0.0.1:9/unreachable' });

    const result = await simulator.patientSends({ from: '+33612345678', text: 'anyone?' });

    expect(result.httpStatus).toBeNull();
    const [delivery] = simulator.deliveries(TEST_NUMBER.phoneNumberId);
    expect(delivery?.outcome).toBe('gave_up');
    expect(delivery?.attempts).toHaveLength(4);
    expect(delivery?.attempts.every((attempt) => attempt.httpStatus === null && attempt.error)).toBe(true);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('send lifecycle', () => {
  it('accepts a text send and posts sent → delivered → read for its wamid', async () => {
    const { simulator, receiver, graph } = await start();

    const response = await graph({
      ...textTo('+33612345678', 'Votre rendez-vous est confirmé'),
      biz_opaque_callback_data: 'm-42',
    });

    expect(response.status).toBe(200);
    const wamid = wamidOf(response);
    expect(response.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+33612345678', wa_id: '33612345678' }],
      messages: [{ id: wamid }],
    });
    expect(wamid).toMatch(/^wamid\./);

    await simulator.idle();
    expect(receiver.received.every((webhook) => webhook.signatureValid)).toBe(true);
    const statuses = statusesFor(receiver.received, wamid);
    expect(statuses.map((status) => status.status)).toEqual(['sent', 'delivered', 'read']);
    const [sent, delivered] = statuses;
    expect(sent).toMatchObject({
      recipient_id: '33612345678',
      biz_opaque_callback_data: 'm-42',
      conversation: { origin: { type: 'service' } },
      pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
    });
    expect(sent?.timestamp).toMatch(/^\d+$/);
    expect(sent).toHaveProperty('conversation.expiration_timestamp');
    expect(delivered).not.toHaveProperty('conversation.expiration_timestamp');
    expect(simulator.message(wamid)?.status).toBe('read');
  });

  it('gives wamids that are unique', async () => {
    const { graph } = await start({ behaviour: { stopAfter: 'accepted' } });
    const ids = new Set<string>();
    for (let i = 0; i < 20; i += 1) ids.add(wamidOf(await graph(textTo('33612345678', `n${i}`))));
    expect(ids.size).toBe(20);
  });

  it('skips delivered when asked', async () => {
    const { simulator, receiver, graph } = await start();
    simulator.setBehaviour({ skipDelivered: true }, TEST_NUMBER.phoneNumberId);

    const wamid = wamidOf(await graph(textTo('33612345678', 'hello')));
    await simulator.idle();

    expect(statusesFor(receiver.received, wamid).map((status) => status.status)).toEqual(['sent', 'read']);
  });

  it('stops after a given status', async () => {
    const { simulator, receiver, graph } = await start({ behaviour: { stopAfter: 'delivered' } });

    const wamid = wamidOf(await graph(textTo('33612345678', 'never read')));
    await simulator.idle();

    expect(statusesFor(receiver.received, wamid).map((status) => status.status)).toEqual([
      'sent',
      'delivered',
    ]);
    expect(simulator.message(wamid)?.status).toBe('delivered');
  });

  it('fails with the error code asked for', async () => {
    const { simulator, receiver, graph } = await start();
    simulator.setBehaviour({
      fail: { code: 131026, title: 'Message undeliverable', details: 'The recipient is not on WhatsApp.' },
    });

    const response = await graph(textTo('33612345678', 'hello'));
    expect(response.status).toBe(200);
    const wamid = wamidOf(response);
    await simulator.idle();

    const statuses = statusesFor(receiver.received, wamid);
    expect(statuses.map((status) => status.status)).toEqual(['failed']);
    expect(statuses[0]?.errors).toEqual([
      {
        code: 131026,
        title: 'Message undeliverable',
        message: 'Message undeliverable',
        error_data: { details: 'The recipient is not on WhatsApp.' },
        href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
      },
    ]);
    expect(simulator.sends(TEST_NUMBER.phoneNumberId)[0]?.status).toBe('failed');
  });

  it('cancels scheduled statuses on close', async () => {
    const { simulator, receiver, graph } = await start({
      lifecycle: { sentAfterMs: 60_000, deliveredAfterMs: 60_000, readAfterMs: 60_000 },
    });
    await graph(textTo('33612345678', 'later'));

    await simulator.close();

    await simulator.idle();
    expect(receiver.received).toHaveLength(0);
  });
});

describe('mark as read', () => {
  it('answers success for a message the patient sent, and records it', async () => {
    const { simulator, graph } = await start();
    const { wamid } = await simulator.patientSends({ from: '+33612345678', text: 'Bonjour' });

    const response = await graph({ messaging_product: 'whatsapp', status: 'read', message_id: wamid });

    expect(response).toEqual({ status: 200, body: { success: true } });
    expect(simulator.inboundMessages(TEST_NUMBER.phoneNumberId)[0]?.readAt).toBeDefined();
  });

  it('refuses an unknown message id with code 100', async () => {
    const { graph } = await start();

    const response = await graph({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nope' });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, type: 'OAuthException' });
    expect(response.body.error.error_data.details).toContain('message_id');
  });
});
