import { createHmac } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterAccount, AdapterSendOptions, MediaFile } from '../channel-adapter.ts';
import { createLineAdapter, type LineSecrets, type LineSettings, retryKeyOf } from './line-adapter.ts';
import { type LineApiStandIn, startLineApiStandIn } from './line-api-stand-in.test-support.ts';
import { fetchLineBotInfo } from './line-bot-info.ts';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.CarelineLineTestToken+/abc=';
const SECRET = '8a7f9c0e4b2d6f1a3c5e7b9d0f2a4c6e';
const BOT = 'U0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const PATIENT = 'U4af4980629a1b2c3d4e5f6a7b8c9d0e1';
const NOW = new Date('2025-01-06T09:00:00.000Z');
const MESSAGE_ID = '3f0c2a1e-8d4b-4c6a-9e2f-1b3d5c7e9f0a';

let api: LineApiStandIn;
let now: Date;

beforeEach(async () => {
  now = NOW;
  api = await startLineApiStandIn({
    token: TOKEN,
    content: { '535114857623273581': { bytes: Buffer.from('JPEG-bytes'), mimeType: 'image/jpeg' } },
  });
});
afterEach(() => api.close());

function account(): AdapterAccount<LineSettings, LineSecrets> {
  return {
    id: '5d2c9a4e-7b1f-4c3d-8e6a-0f9b8c7d6e5f',
    externalId: BOT,
    settings: { apiUrl: api.url },
    secrets: { channelSecret: SECRET, channelAccessToken: TOKEN },
  };
}

const options: AdapterSendOptions = {
  correlationId: MESSAGE_ID,
  replyToExternalId: null,
  loadMedia: (): Promise<MediaFile> => Promise.reject(new Error('no media in these tests')),
};

function textFrom(
  userId: string,
  at: Date,
  extra: Partial<webhook.MessageEvent> = {},
): webhook.CallbackRequest {
  return {
    destination: BOT,
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: at.getTime(),
        source: { type: 'user', userId },
        webhookEventId: '01JGQZ8W3D8H7J6K5M4N3P2Q1R',
        deliveryContext: { isRedelivery: false },
        replyToken: 'reply-token-1',
        message: { id: '535114857623273580', type: 'text', quoteToken: 'q', text: 'Bonjour' },
        ...extra,
      } as webhook.MessageEvent,
    ],
  };
}

function adapter() {
  return createLineAdapter({ now: () => now, timeoutMs: 5000 });
}

describe('the LINE adapter: webhook', () => {
  const line = createLineAdapter();
  const body = Buffer.from(JSON.stringify(textFrom(PATIENT, NOW)));
  const signature = createHmac('sha256', SECRET).update(body).digest('base64');

  it('accepts a body signed with the channel secret, and refuses a forged or missing signature', () => {
    const secrets = { channelSecret: SECRET, channelAccessToken: TOKEN };
    expect(
      line.webhook.verify({ headers: { 'x-line-signature': signature }, rawBody: body }, secrets),
    ).toEqual({
      ok: true,
    });
    const forged = createHmac('sha256', 'f'.repeat(32)).update(body).digest('base64');
    expect(line.webhook.verify({ headers: { 'x-line-signature': forged }, rawBody: body }, secrets).ok).toBe(
      false,
    );
    expect(line.webhook.verify({ headers: {}, rawBody: body }, secrets).ok).toBe(false);
    expect(
      line.webhook.verify(
        { headers: { 'x-line-signature': signature }, rawBody: Buffer.from(`${body} `) },
        secrets,
      ).ok,
    ).toBe(false);
  });

  it('reads the destination as the account and names no account for the path-routed route', () => {
    const [event] = line.webhook.parse(textFrom(PATIENT, NOW));
    expect(event).toMatchObject({ kind: 'message', accountId: BOT, from: { id: PATIENT }, text: 'Bonjour' });
    expect(line.webhook.accountKeys(textFrom(PATIENT, NOW))).toEqual([]);
  });
});

describe('the LINE adapter: sending', () => {
  it('replies with a fresh reply token (free), then pushes once the token is used', async () => {
    const line = adapter();
    line.webhook.parse(textFrom(PATIENT, new Date(NOW.getTime() - 5000)));
    const first = await line.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'text', text: 'Oui' },
      options,
    );
    const second = await line.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'text', text: 'Et…' },
      options,
    );
    expect(first).toEqual({ ok: true, externalId: `${PATIENT}:100000000000000001` });
    expect(second).toEqual({ ok: true, externalId: `${PATIENT}:100000000000000002` });
    expect(api.calls.map((call) => [call.path, call.body])).toEqual([
      ['/v2/bot/message/reply', { replyToken: 'reply-token-1', messages: [{ type: 'text', text: 'Oui' }] }],
      ['/v2/bot/message/push', { to: PATIENT, messages: [{ type: 'text', text: 'Et…' }] }],
    ]);
    expect(api.calls.every((call) => call.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(api.calls[1]?.retryKey).toBe(MESSAGE_ID);
  });

  it('pushes when LINE says "Invalid reply token"', async () => {
    const line = adapter();
    line.webhook.parse(textFrom(PATIENT, NOW));
    api.answerNext('/v2/bot/message/reply', { status: 400, body: { message: 'Invalid reply token' } });
    const outcome = await line.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'text', text: 'Oui' },
      options,
    );
    expect(outcome.ok).toBe(true);
    expect(api.calls.map((call) => call.path)).toEqual(['/v2/bot/message/reply', '/v2/bot/message/push']);
  });

  it.each([
    ['an expired token', textFrom(PATIENT, new Date(NOW.getTime() - 60_000))],
    ['a redelivered event', textFrom(PATIENT, NOW, { deliveryContext: { isRedelivery: true } })],
    ['an event in standby mode', textFrom(PATIENT, NOW, { mode: 'standby' })],
    [
      'a group’s token',
      textFrom(PATIENT, NOW, {
        source: { type: 'group', groupId: 'Ca56f94637cc4347f90a25382909b24b9', userId: PATIENT },
      }),
    ],
    ['another person’s token', textFrom('U99999999999999999999999999999999', NOW)],
  ])('pushes without trying %s', async (_label, body) => {
    const line = adapter();
    line.webhook.parse(body);
    await line.outbound.send(account(), { externalId: PATIENT }, { type: 'text', text: 'Oui' }, options);
    expect(api.calls.map((call) => call.path)).toEqual(['/v2/bot/message/push']);
  });

  it('does not take a token in again when the same delivery is read a second time', async () => {
    const line = adapter();
    line.webhook.parse(textFrom(PATIENT, NOW));
    await line.outbound.send(account(), { externalId: PATIENT }, { type: 'text', text: 'Oui' }, options);
    line.webhook.parse(textFrom(PATIENT, NOW));
    await line.outbound.send(account(), { externalId: PATIENT }, { type: 'text', text: 'Et…' }, options);
    expect(api.calls.map((call) => call.path)).toEqual(['/v2/bot/message/reply', '/v2/bot/message/push']);
  });

  it('sends buttons as a buttons template when they fit one, else as quick replies', async () => {
    const line = adapter();
    const buttons = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `slot:${i}`, title: `${9 + i} h` }));
    await line.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'buttons', body: 'Quelle heure ?', buttons: buttons(3) },
      options,
    );
    await line.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'buttons', body: 'Quelle heure ?', buttons: buttons(13) },
      options,
    );
    const [template, quick] = api.calls.map((call) => (call.body?.messages as unknown[] | undefined)?.[0]);
    expect(template).toMatchObject({
      type: 'template',
      altText: 'Quelle heure ?',
      template: {
        type: 'buttons',
        text: 'Quelle heure ?',
        actions: [
          { type: 'postback', label: '9 h', data: 'slot:0', displayText: '9 h' },
          { type: 'postback', label: '10 h', data: 'slot:1', displayText: '10 h' },
          { type: 'postback', label: '11 h', data: 'slot:2', displayText: '11 h' },
        ],
      },
    });
    expect(quick).toMatchObject({ type: 'text', text: 'Quelle heure ?' });
    expect((quick as { quickReply: { items: unknown[] } }).quickReply.items).toHaveLength(13);
    expect((quick as { quickReply: { items: unknown[] } }).quickReply.items[12]).toEqual({
      type: 'action',
      action: { type: 'postback', label: '21 h', data: 'slot:12', displayText: '21 h' },
    });
  });

  it('refuses what LINE cannot carry before any call', async () => {
    const line = adapter();
    const outcome = await line.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'text', text: 'x'.repeat(5001) },
      options,
    );
    expect(outcome).toMatchObject({
      ok: false,
      disposition: 'fail',
      title: 'LINE cannot carry this message',
    });
    const image = await line.outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'image', media: { mediaId: 'm1' } },
      options,
    );
    expect(image).toMatchObject({ ok: false, disposition: 'fail' });
    const nobody = await line.outbound.send(
      account(),
      { externalId: '42' },
      { type: 'text', text: 'x' },
      options,
    );
    expect(nobody).toMatchObject({ ok: false, title: 'the patient has no LINE user id' });
    expect(api.calls).toEqual([]);
  });

  it.each([
    [
      400,
      {
        message: 'The request body has 1 error(s)',
        details: [{ message: 'May not be empty', property: 'to' }],
      },
      { disposition: 'fail', detail: 'to: May not be empty' },
    ],
    [401, { message: 'Authentication failed.' }, { disposition: 'fail', reason: 'token_invalid' }],
    [403, { message: 'Access to this API is not available for your account' }, { disposition: 'fail' }],
    [
      429,
      { message: 'You have reached your monthly limit.' },
      { disposition: 'fail', title: expect.stringContaining('monthly') },
    ],
    [
      429,
      { message: 'The API rate limit has been exceeded. Try again later.' },
      { disposition: 'retry', reason: 'throttled_number' },
    ],
    [500, { message: 'Internal server error' }, { disposition: 'retry' }],
    [502, '<html>Bad gateway</html>', { disposition: 'retry' }],
    [500, '<html>oops</html>', { disposition: 'unknown' }],
  ] as const)('classifies a push refused with HTTP %i as LINE documents it', async (status, body, wanted) => {
    api.answerNext('/v2/bot/message/push', { status, body });
    const outcome = await adapter().outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'text', text: 'x' },
      options,
    );
    expect(outcome).toMatchObject({ ok: false, code: status, ...wanted });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it('takes a 409 (the retry key was accepted before) as sent', async () => {
    api.answerNext('/v2/bot/message/push', {
      status: 409,
      body: { message: 'The retry key is already accepted' },
      headers: { 'x-line-accepted-request-id': 'abc' },
    });
    const outcome = await adapter().outbound.send(
      account(),
      { externalId: PATIENT },
      { type: 'text', text: 'x' },
      options,
    );
    expect(outcome).toEqual({ ok: true, externalId: `careline.line.${MESSAGE_ID}` });
  });

  it('makes a UUID retry key of any message id, the same each time', () => {
    expect(retryKeyOf(MESSAGE_ID)).toBe(MESSAGE_ID);
    const made = retryKeyOf('outbox-17');
    expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retryKeyOf('outbox-17')).toBe(made);
  });
});

describe('the LINE adapter: patients’ files and the bot', () => {
  it('downloads a file from the content API with the bearer token', async () => {
    const download = await adapter().outbound.downloadMedia(account(), {
      id: '535114857623273581',
      url: null,
      kind: 'image',
    });
    expect(download).toEqual({
      ok: true,
      bytes: Buffer.from('JPEG-bytes'),
      mimeType: 'image/jpeg',
      fileName: null,
    });
    expect(api.calls[0]).toMatchObject({
      method: 'GET',
      path: '/v2/bot/message/535114857623273581/content',
      authorization: `Bearer ${TOKEN}`,
    });
  });

  it.each([
    [{ id: '535114857623273999', url: null, kind: 'image' }, 'fail', 'no longer holds'],
    [{ id: '535114857623273581', url: 'https://example.com/a.jpg', kind: 'image' }, 'fail', 'outside LINE'],
    [{ id: '1', url: null, kind: 'sticker' }, 'fail', 'sticker'],
  ] as const)('refuses %j', async (media, disposition, title) => {
    const download = await adapter().outbound.downloadMedia(account(), media);
    expect(download).toMatchObject({ ok: false, disposition, title: expect.stringContaining(title) });
  });

  it('asks again later for content LINE is still preparing (202) or on its errors', async () => {
    api.answerNext('/v2/bot/message/535114857623273581/content', { status: 202, body: '' });
    api.answerNext('/v2/bot/message/535114857623273581/content', { status: 500, body: '' });
    const media = { id: '535114857623273581', url: null, kind: 'video' };
    expect(await adapter().outbound.downloadMedia(account(), media)).toMatchObject({
      ok: false,
      disposition: 'retry',
    });
    expect(await adapter().outbound.downloadMedia(account(), media)).toMatchObject({
      ok: false,
      disposition: 'retry',
    });
  });

  it('reads the bot’s user id from /v2/bot/info, and says when the token is refused', async () => {
    const http = { fetch, apiUrl: api.url, dataApiUrl: api.url, timeoutMs: 5000 };
    expect(await fetchLineBotInfo(http, TOKEN)).toEqual({
      ok: true,
      userId: BOT,
      basicId: '@123abcde',
      displayName: 'Clinique',
    });
    expect(await fetchLineBotInfo(http, 'wrong-token-0123456789')).toMatchObject({
      ok: false,
      title: expect.stringContaining('access token'),
    });
  });

  it('sets the webhook endpoint with PUT', async () => {
    const line = adapter();
    expect(await line.registerWebhook?.(account(), 'https://careline.example/webhooks/line/x')).toEqual({
      ok: true,
    });
    expect(api.calls[0]).toMatchObject({
      method: 'PUT',
      path: '/v2/bot/channel/webhook/endpoint',
      body: { endpoint: 'https://careline.example/webhooks/line/x' },
    });
  });
});
