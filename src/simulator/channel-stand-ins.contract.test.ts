import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterSendOptions } from '../channels/channel-adapter.ts';
import type { InboundEvent, InboundMessageEvent } from '../channels/inbound-event.ts';
import { createMessengerAdapter } from '../channels/messenger/messenger-adapter.ts';
import type { OutboundMessage } from '../channels/outbound-message.ts';
import { createTelegramAdapter } from '../channels/telegram/telegram-adapter.ts';
import { type ReceivedDelivery, startRawWebhookReceiver } from './raw-webhook-receiver.test-support.ts';
import { type RunningSimulator, startSimulatorServer } from './simulator-server.ts';

/*
 * The contract between the stand-ins and Careline's adapters, over real HTTP on 127.0.0.1: what the
 * adapters send is accepted and recorded as the provider would, refusals are classified as the adapters
 * expect, and what the stand-ins deliver passes the adapters' verify and parses into the right events.
 */

type Received = ReceivedDelivery;

const BOT_TOKEN = '7000000001:AAH4ctTestTokenForTheStandIn_0123';
const TG_SECRET = 'tg-secret_123';
const PAGE = {
  id: '100000000000003',
  token: 'EAApage-token',
  appSecret: 'page-app-secret',
  verifyToken: 'vt-page',
};
const IG = {
  id: '17841400000000004',
  token: 'EAAig-token',
  appSecret: 'ig-app-secret',
  verifyToken: 'vt-ig',
};
const person = { key: '+33612345678', name: 'Marie Curie' };
const noMedia = async () => {
  throw new Error('no media in this test');
};
const options = (overrides: Partial<AdapterSendOptions> = {}): AdapterSendOptions => ({
  correlationId: 'msg-1',
  replyToExternalId: null,
  loadMedia: noMedia,
  ...overrides,
});

let sim: RunningSimulator;
let receiverUrl: string;
let received: ReceivedDelivery[];
let receiver: Awaited<ReturnType<typeof startRawWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startRawWebhookReceiver();
  receiverUrl = receiver.url;
  received = receiver.received;
  sim = await startSimulatorServer({
    port: 0,
    webhookRetry: { initialDelayMs: 10, maxAttempts: 3 },
    telegramLimits: { perChatBurst: 50, perChatPerSecond: 50 },
  });
  sim.simulator.telegram.registerBot({ token: BOT_TOKEN, name: 'Clinique', username: 'clinique_bot' });
  for (const [app, account] of [
    ['messenger', PAGE],
    ['instagram', IG],
  ] as const) {
    sim.simulator.messenger.registerAccount({
      app,
      accountId: account.id,
      name: `Clinique ${app}`,
      accessToken: account.token,
      appSecret: account.appSecret,
      verifyToken: account.verifyToken,
      webhookUrl: `${receiverUrl}/webhooks/${app}`,
    });
  }
});

afterAll(async () => {
  await sim.close();
  await receiver.close();
});

function lastDelivery(pathStart: string): Received {
  const found = received.filter((entry) => entry.path.startsWith(pathStart)).at(-1);
  if (!found) throw new Error(`nothing delivered to ${pathStart}`);
  return found;
}

function onlyMessage(events: InboundEvent[]): InboundMessageEvent {
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.kind !== 'message') throw new Error(`expected a message, got ${event?.kind}`);
  return event;
}

describe('Telegram stand-in × createTelegramAdapter', () => {
  const adapter = createTelegramAdapter({ maxInlineRetryAfterSeconds: 0 });
  const account = () => ({
    id: 'acc-tg',
    externalId: '7000000001',
    settings: { apiUrl: sim.url },
    secrets: { botToken: BOT_TOKEN, secretToken: TG_SECRET },
  });
  const chatId = () => String(sim.simulator.telegram.userOf(person.key)?.id);

  it('setWebhook is stored, and the patient’s messages arrive as Updates with the secret header that verify and parse', async () => {
    const answer = await fetch(`${sim.url}/bot${BOT_TOKEN}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${receiverUrl}/webhooks/telegram/acc-tg`, secret_token: TG_SECRET }),
    });
    expect(await answer.json()).toEqual({ ok: true, result: true, description: 'Webhook was set' });

    const result = await sim.simulator.telegram.patientActs('7000000001', {
      person,
      action: { type: 'text', text: 'Bonjour' },
    });
    expect(result.httpStatus).toBe(200);
    const delivery = lastDelivery('/webhooks/telegram/acc-tg');
    expect(delivery.headers['x-telegram-bot-api-secret-token']).toBe(TG_SECRET);
    const request = { headers: delivery.headers, rawBody: delivery.rawBody };
    expect(adapter.webhook.verify(request, account().secrets)).toEqual({ ok: true });
    expect(adapter.webhook.verify(request, { ...account().secrets, secretToken: 'other' }).ok).toBe(false);
    const event = onlyMessage(adapter.webhook.parse(JSON.parse(delivery.rawBody.toString('utf8'))));
    expect(event).toMatchObject({
      type: 'text',
      text: 'Bonjour',
      from: { id: chatId(), name: 'Marie Curie' },
    });
    // The new chat began with /start, then Bonjour: message ids increase within the chat.
    expect(sim.simulator.telegram.messages('7000000001', person.key).map((m) => m.message_id)).toEqual([
      1, 2,
    ]);
  });

  it('sends every outbound kind; the stand-in records each as a Message', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const loadMedia = async () => ({ bytes: png, mimeType: 'image/png', fileName: 'scan.png' });
    const messages: OutboundMessage[] = [
      { type: 'text', text: 'Votre rendez-vous est confirmé.' },
      { type: 'image', media: { mediaId: 'm1' }, caption: 'Plan' },
      { type: 'document', media: { url: 'https://example.org/consignes.pdf' }, fileName: 'consignes.pdf' },
      {
        type: 'location',
        latitude: 48.85,
        longitude: 2.35,
        name: 'Clinique du Parc',
        address: '1 rue du Parc',
      },
      {
        type: 'buttons',
        body: 'Venez-vous ?',
        buttons: [
          { id: 'yes', title: 'Oui' },
          { id: 'no', title: 'Non' },
        ],
      },
    ];
    for (const message of messages) {
      const outcome = await adapter.outbound.send(
        account(),
        { externalId: chatId() },
        message,
        options({ loadMedia }),
      );
      expect(outcome, message.type).toMatchObject({ ok: true });
    }
    const sent = sim.simulator.telegram.messages('7000000001', person.key).slice(-5);
    expect(sent[0]?.text).toBe('Votre rendez-vous est confirmé.');
    expect(sent[1]?.photo).toBeDefined();
    expect(sent[1]?.caption).toBe('Plan');
    expect(sent[2]?.document).toBeDefined();
    expect(sent[3]?.venue).toMatchObject({ title: 'Clinique du Parc' });
    expect(sent[4]?.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Oui', callback_data: 'yes' }], [{ text: 'Non', callback_data: 'no' }]],
    });
    const reaction = await adapter.outbound.send(
      account(),
      { externalId: chatId() },
      { type: 'reaction', targetMessageId: 'x', targetExternalId: '2', emoji: '👍' },
      options(),
    );
    expect(reaction.ok).toBe(true);
    expect(
      sim.simulator.telegram.conversation('7000000001', person.key).find((item) => item.id === '2')?.reaction,
    ).toBe('👍');
  });

  it('a button tap is a callback_query parsed as a button_reply; a photo and a location parse too', async () => {
    const withButtons = sim.simulator.telegram
      .messages('7000000001', person.key)
      .findLast((m) => m.reply_markup);
    await sim.simulator.telegram.patientActs('7000000001', {
      person,
      action: { type: 'tap', messageId: String(withButtons?.message_id), buttonId: 'yes' },
    });
    const tap = onlyMessage(
      adapter.webhook.parse(JSON.parse(lastDelivery('/webhooks/telegram').rawBody.toString('utf8'))),
    );
    expect(tap).toMatchObject({
      type: 'button_reply',
      reply: { id: 'yes', title: 'Oui' },
      replyTo: String(withButtons?.message_id),
    });

    await sim.simulator.telegram.patientActs('7000000001', {
      person,
      action: { type: 'photo', bytes: Buffer.from('jpeg-bytes').toString('base64'), caption: 'ma plaie' },
    });
    const photo = onlyMessage(
      adapter.webhook.parse(JSON.parse(lastDelivery('/webhooks/telegram').rawBody.toString('utf8'))),
    );
    expect(photo).toMatchObject({ type: 'image', text: 'ma plaie' });
    const download = await adapter.outbound.downloadMedia(account(), {
      id: photo.media[0]?.id ?? null,
      url: null,
    });
    expect(download).toMatchObject({ ok: true, mimeType: 'image/jpeg' });
    expect(download.ok && 'bytes' in download && download.bytes.toString()).toBe('jpeg-bytes');

    await sim.simulator.telegram.patientActs('7000000001', {
      person,
      action: { type: 'location', latitude: 45.76, longitude: 4.83 },
    });
    const place = onlyMessage(
      adapter.webhook.parse(JSON.parse(lastDelivery('/webhooks/telegram').rawBody.toString('utf8'))),
    );
    expect(place).toMatchObject({ type: 'location', location: { latitude: 45.76, longitude: 4.83 } });
  });

  it('flood control is a 429 the adapter retries; a blocked bot a 403 it fails; an unknown chat a 400', async () => {
    const floody = await startSimulatorServer({
      port: 0,
      telegramLimits: { perChatBurst: 1, perChatPerSecond: 1 },
    });
    try {
      floody.simulator.telegram.registerBot({ token: BOT_TOKEN });
      await floody.simulator.telegram.patientActs('7000000001', {
        person,
        start: false,
        action: { type: 'text', text: 'Salut' },
      });
      const floodyAccount = { ...account(), settings: { apiUrl: floody.url } };
      const to = { externalId: String(floody.simulator.telegram.userOf(person.key)?.id) };
      const first = await adapter.outbound.send(floodyAccount, to, { type: 'text', text: 'un' }, options());
      const second = await adapter.outbound.send(
        floodyAccount,
        to,
        { type: 'text', text: 'deux' },
        options(),
      );
      expect(first.ok).toBe(true);
      expect(second).toMatchObject({ ok: false, disposition: 'retry', code: 429, reason: 'throttled_pair' });
    } finally {
      await floody.close();
    }

    await sim.simulator.telegram.patientActs('7000000001', { person, action: { type: 'block' } });
    const blocked = await adapter.outbound.send(
      account(),
      { externalId: chatId() },
      { type: 'text', text: 'Allô ?' },
      options(),
    );
    expect(blocked).toMatchObject({
      ok: false,
      disposition: 'fail',
      code: 403,
      title: 'Telegram refused the message: Forbidden: bot was blocked by the user',
    });
    const lifecycle = adapter.webhook.parse(
      JSON.parse(lastDelivery('/webhooks/telegram').rawBody.toString('utf8')),
    );
    expect(lifecycle[0]).toMatchObject({ kind: 'lifecycle', event: 'unfollow' });
    await sim.simulator.telegram.patientActs('7000000001', { person, action: { type: 'unblock' } });

    const stranger = await adapter.outbound.send(
      account(),
      { externalId: '123456789' },
      { type: 'text', text: 'Hello' },
      options(),
    );
    expect(stranger).toMatchObject({ ok: false, disposition: 'fail', code: 400 });
    const wrongToken = await adapter.outbound.send(
      {
        ...account(),
        secrets: { ...account().secrets, botToken: '7000000001:AAH4ctWrongTokenForTheStandIn_999' },
      },
      { externalId: chatId() },
      { type: 'text', text: 'x' },
      options(),
    );
    expect(wrongToken).toMatchObject({ ok: false, disposition: 'fail', reason: 'token_invalid' });
  });
});

describe('Messenger / Instagram stand-in × createMessengerAdapter', () => {
  const messenger = createMessengerAdapter({ channel: 'messenger' });
  const instagram = createMessengerAdapter({ channel: 'instagram' });
  const pageAccount = () => ({
    id: 'acc-page',
    externalId: PAGE.id,
    settings: { graphUrl: sim.url, apiVersion: 'v25.0' },
    secrets: { pageAccessToken: PAGE.token, appSecret: PAGE.appSecret, verifyToken: PAGE.verifyToken },
  });
  const psid = () => String(sim.simulator.messenger.userOf(PAGE.id, person.key)?.id);
  const parseLast = (path: string, adapter = messenger) => {
    const delivery = lastDelivery(path);
    const secret = path.includes('instagram') ? IG.appSecret : PAGE.appSecret;
    expect(
      adapter.webhook.verify(
        { headers: delivery.headers, rawBody: delivery.rawBody },
        { pageAccessToken: '', appSecret: secret, verifyToken: '' },
      ),
    ).toEqual({ ok: true });
    const body: unknown = JSON.parse(delivery.rawBody.toString('utf8'));
    return { body, events: adapter.webhook.parse(body) };
  };

  it('a patient’s text is a signed page envelope that verifies, routes by entry id and parses', async () => {
    await sim.simulator.messenger.patientActs(
      PAGE.id,
      { person, action: { type: 'text', text: 'Bonjour la clinique' } },
      sim.url,
    );
    const { body, events } = parseLast('/webhooks/messenger');
    expect(messenger.webhook.accountKeys(body)).toEqual([PAGE.id]);
    expect(onlyMessage(events)).toMatchObject({
      channel: 'messenger',
      accountId: PAGE.id,
      type: 'text',
      text: 'Bonjour la clinique',
      from: { id: psid() },
    });
    const wrong = lastDelivery('/webhooks/messenger');
    expect(
      messenger.webhook.verify(
        { headers: wrong.headers, rawBody: wrong.rawBody },
        { pageAccessToken: '', appSecret: 'not-it', verifyToken: '' },
      ).ok,
    ).toBe(false);
  });

  it('sends text, attachments (URL and upload), buttons and a list; quick replies and postbacks come back as taps', async () => {
    const to = { externalId: psid() };
    const loadMedia = async () => ({
      bytes: Buffer.from('%PDF-1.4'),
      mimeType: 'application/pdf',
      fileName: 'ordonnance.pdf',
    });
    const messages: OutboundMessage[] = [
      { type: 'text', text: 'Bonjour Marie' },
      { type: 'image', media: { url: 'https://example.org/plan.jpg' } },
      { type: 'document', media: { mediaId: 'doc-1' }, fileName: 'ordonnance.pdf' },
      {
        type: 'buttons',
        body: 'Confirmez-vous ?',
        buttons: [
          { id: 'confirm', title: 'Oui' },
          { id: 'cancel', title: 'Non' },
        ],
      },
      {
        type: 'list',
        body: 'Quel créneau ?',
        buttonLabel: 'Choisir',
        sections: [
          {
            rows: [
              { id: 'slot-9', title: '9 h' },
              { id: 'slot-10', title: '10 h' },
            ],
          },
        ],
      },
    ];
    for (const message of messages) {
      const outcome = await messenger.outbound.send(pageAccount(), to, message, options({ loadMedia }));
      expect(outcome, message.type).toMatchObject({ ok: true });
    }
    const sends = sim.simulator.messenger.sends(PAGE.id);
    expect(sends.map((send) => send.view.kind)).toEqual(['text', 'image', 'document', 'text', 'text']);
    expect(sends[2]?.request).toMatchObject({ message: { attachment: { type: 'file' } } });

    const [buttons, list] = sends.slice(-2);
    await sim.simulator.messenger.patientActs(
      PAGE.id,
      { person, action: { type: 'tap', messageId: String(buttons?.mid), buttonId: 'confirm' } },
      sim.url,
    );
    expect(onlyMessage(parseLast('/webhooks/messenger').events)).toMatchObject({
      type: 'button_reply',
      rawType: 'postback',
      reply: { id: 'confirm', title: 'Oui' },
    });
    await sim.simulator.messenger.patientActs(
      PAGE.id,
      { person, action: { type: 'tap', messageId: String(list?.mid), buttonId: 'slot-10' } },
      sim.url,
    );
    expect(onlyMessage(parseLast('/webhooks/messenger').events)).toMatchObject({
      type: 'button_reply',
      rawType: 'message/quick_reply',
      reply: { id: 'slot-10', title: '10 h' },
    });
  });

  it('an attachment and a read receipt parse; the attachment downloads through the adapter', async () => {
    await sim.simulator.messenger.patientActs(
      PAGE.id,
      { person, action: { type: 'image', bytes: Buffer.from('photo').toString('base64') } },
      sim.url,
    );
    const image = onlyMessage(parseLast('/webhooks/messenger').events);
    expect(image).toMatchObject({ type: 'image' });
    const download = await messenger.outbound.downloadMedia(pageAccount(), {
      id: null,
      url: image.media[0]?.url ?? null,
    });
    expect(download.ok && 'bytes' in download && download.bytes.toString()).toBe('photo');

    await sim.simulator.messenger.patientActs(PAGE.id, { person, action: { type: 'read' } }, sim.url);
    const { events } = parseLast('/webhooks/messenger');
    expect(events[0]).toMatchObject({ kind: 'status', status: 'read' });
    expect(
      sim.simulator.messenger
        .conversation(PAGE.id, person.key)
        .filter((item) => item.side === 'clinic')
        .every((item) => item.seen),
    ).toBe(true);
  });

  it('delivery receipts follow a send', async () => {
    await sim.simulator.idle();
    const deliveries = sim.simulator.messenger
      .deliveries(PAGE.id)
      .filter((record) => record.event.kind === 'meta_messaging' && record.event.event === 'delivery');
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((record) => record.outcome === 'delivered')).toBe(true);
  });

  it('the profile answers first and last name', async () => {
    const response = await fetch(`${sim.url}/v25.0/${psid()}?fields=first_name,last_name`, {
      headers: { authorization: `Bearer ${PAGE.token}` },
    });
    expect(await response.json()).toEqual({ first_name: 'Marie', last_name: 'Curie', id: psid() });
  });

  it('outside the 24-hour window: fail, window_closed; HUMAN_AGENT passes within 7 days; 613 retries; a bad token fails', async () => {
    const to = { externalId: psid() };
    const late = await startSimulatorServer({
      port: 0,
      clock: { start: new Date('2026-11-02T08:00:00Z') },
      messengerSendsPerSecond: 1,
    });
    try {
      late.simulator.messenger.registerAccount({
        app: 'messenger',
        accountId: PAGE.id,
        name: 'P',
        accessToken: PAGE.token,
        appSecret: PAGE.appSecret,
        webhookUrl: `${receiverUrl}/webhooks/messenger`,
      });
      await late.simulator.messenger.patientActs(
        PAGE.id,
        { person, action: { type: 'text', text: 'Hi' } },
        late.url,
      );
      const lateTo = { externalId: String(late.simulator.messenger.userOf(PAGE.id, person.key)?.id) };
      const lateAccount = { ...pageAccount(), settings: { graphUrl: late.url } };
      expect(
        await messenger.outbound.send(lateAccount, lateTo, { type: 'text', text: 'un' }, options()),
      ).toMatchObject({ ok: true });
      expect(
        await messenger.outbound.send(lateAccount, lateTo, { type: 'text', text: 'deux' }, options()),
      ).toMatchObject({ ok: false, disposition: 'retry', code: 613 });
      late.simulator.advanceClock(25 * 60 * 60 * 1000);
      expect(
        await messenger.outbound.send(lateAccount, lateTo, { type: 'text', text: 'trois' }, options()),
      ).toMatchObject({ ok: false, disposition: 'fail', code: 10, reason: 'window_closed' });
      expect(
        await messenger.outbound.send(
          lateAccount,
          lateTo,
          { type: 'text', text: 'quatre' },
          options({ humanAgentTag: true }),
        ),
      ).toMatchObject({ ok: true });
      late.simulator.advanceClock(7 * 24 * 60 * 60 * 1000);
      expect(
        await messenger.outbound.send(
          lateAccount,
          lateTo,
          { type: 'text', text: 'cinq' },
          options({ humanAgentTag: true }),
        ),
      ).toMatchObject({ ok: false, reason: 'window_closed' });
    } finally {
      await late.close();
    }
    const badToken = await messenger.outbound.send(
      { ...pageAccount(), secrets: { ...pageAccount().secrets, pageAccessToken: 'EAAnope' } },
      to,
      { type: 'text', text: 'x' },
      options(),
    );
    expect(badToken).toMatchObject({ ok: false, disposition: 'fail', code: 190, reason: 'token_invalid' });
    const nobody = await messenger.outbound.send(
      pageAccount(),
      { externalId: '999' },
      { type: 'text', text: 'x' },
      options(),
    );
    expect(nobody).toMatchObject({ ok: false, disposition: 'fail', code: 100 });
  });

  it('Instagram: object instagram, entry id = the IG account, and the message parses', async () => {
    await sim.simulator.messenger.patientActs(
      IG.id,
      { person, action: { type: 'text', text: 'Coucou' } },
      sim.url,
    );
    const { body, events } = parseLast('/webhooks/instagram', instagram);
    expect(body).toMatchObject({ object: 'instagram', entry: [{ id: IG.id }] });
    expect(onlyMessage(events)).toMatchObject({ channel: 'instagram', accountId: IG.id, text: 'Coucou' });
    const igsid = String(sim.simulator.messenger.userOf(IG.id, person.key)?.id);
    expect(igsid).not.toBe(psid());
  });

  // Instagram answers an outside-window send with 10/2534022 (IGApiException), not Messenger's subcodes.
  it('Instagram outside the window is classified window_closed', async () => {
    const late = await startSimulatorServer({ port: 0, clock: { start: new Date('2026-11-02T08:00:00Z') } });
    try {
      late.simulator.messenger.registerAccount({
        app: 'instagram',
        accountId: IG.id,
        name: 'I',
        accessToken: IG.token,
        appSecret: IG.appSecret,
        webhookUrl: `${receiverUrl}/webhooks/instagram`,
      });
      await late.simulator.messenger.patientActs(
        IG.id,
        { person, action: { type: 'text', text: 'Hi' } },
        late.url,
      );
      late.simulator.advanceClock(25 * 60 * 60 * 1000);
      const to = { externalId: String(late.simulator.messenger.userOf(IG.id, person.key)?.id) };
      const account = {
        id: 'acc-ig',
        externalId: IG.id,
        settings: { graphUrl: late.url },
        secrets: { pageAccessToken: IG.token, appSecret: IG.appSecret, verifyToken: '' },
      };
      expect(
        await instagram.outbound.send(account, to, { type: 'text', text: 'x' }, options()),
      ).toMatchObject({ reason: 'window_closed' });
    } finally {
      await late.close();
    }
  });
});
