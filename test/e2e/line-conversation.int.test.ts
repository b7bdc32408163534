import { createHmac } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type LineApiStandIn,
  startLineApiStandIn,
} from '../../src/channels/line/line-api-stand-in.test-support.ts';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { connectChannel } from '../support/connect-channel.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import {
  call,
  conversationOfMessage,
  getJson,
  type Json,
  messagesStoredAs,
  type PageJson,
} from './inbox-support.ts';

const BOT = 'U0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.E2eLineChannelAccessToken+/abc=';
const SECRET = '8a7f9c0e4b2d6f1a3c5e7b9d0f2a4c6e';

/**
 * A clinic's LINE channel end to end: Careline's webhook route (the signature checked on the raw body),
 * the ingest job, the inbox and the outbox, against a stand-in of the Messaging API over real HTTP. The
 * agent's first answer uses the patient's reply token (free), the next one is a push.
 */
describe.each(TEST_ENGINES)('a LINE conversation end to end (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let account: ChannelAccount;
  let api: LineApiStandIn;
  let sequence = 0;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique Sakura');
    api = await startLineApiStandIn({
      token: TOKEN,
      content: {
        '535114857623279999': {
          bytes: Buffer.from('\xff\xd8\xff\xe0JPEG', 'latin1'),
          mimeType: 'image/jpeg',
        },
      },
    });
    account = await connectChannel(env, clinic, {
      type: 'line',
      name: 'LINE Sakura',
      externalId: BOT,
      settings: { apiUrl: api.url },
      secrets: { channelSecret: SECRET, channelAccessToken: TOKEN },
    });
  });
  afterAll(async () => {
    await api?.close();
    await env?.close();
  });

  function event(userId: string, content: Partial<webhook.MessageEvent>): webhook.CallbackRequest {
    sequence += 1;
    return {
      destination: BOT,
      events: [
        {
          type: 'message',
          mode: 'active',
          timestamp: env.clock.now().getTime(),
          source: { type: 'user', userId },
          webhookEventId: `01JGQZ8W3D8H7J6K5M4N3P${String(sequence).padStart(4, '0')}`,
          deliveryContext: { isRedelivery: false },
          replyToken: `reply-token-${sequence}`,
          ...content,
        } as webhook.MessageEvent,
      ],
    };
  }

  function text(userId: string, id: string, words: string): webhook.CallbackRequest {
    return event(userId, { message: { id, type: 'text', quoteToken: `q${id}`, text: words } });
  }

  async function deliver(body: webhook.CallbackRequest, secret = SECRET, accountId = account.id) {
    const raw = JSON.stringify(body);
    return fetch(`${env.url}/webhooks/line/${accountId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-line-signature': createHmac('sha256', secret).update(raw).digest('base64'),
      },
      body: raw,
    });
  }

  function conversationOf(userId: string, messageId: string): Promise<Json> {
    return conversationOfMessage(env, clinic, `${userId}:${messageId}`);
  }

  test('a patient writes: one patient on LINE, the message in the inbox; a redelivery stores nothing new', async () => {
    const userId = 'U4af4980629a1b2c3d4e5f6a7b8c9d001';
    const body = text(userId, '535114857623270001', '明日の予約を変更できますか？');
    const response = await deliver(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, stored: 1 });
    const conversation = await conversationOf(userId, '535114857623270001');
    expect(conversation.status).toBe('open');
    const contact = await getJson(env, clinic, `/contacts/${String(conversation.contact_id)}`);
    expect(contact).toMatchObject({ identities: [{ channel: 'line' }] });
    const timeline = await getJson<PageJson>(
      env,
      clinic,
      `/conversations/${String(conversation.id)}/messages`,
    );
    expect(timeline.data.find((m) => m.direction === 'inbound')).toMatchObject({
      type: 'text',
      text: '明日の予約を変更できますか？',
    });

    expect((await deliver(body)).status).toBe(200);
    await env.settle();
    expect(await messagesStoredAs(env, `${userId}:535114857623270001`)).toBe(1);
  });

  test('the agent’s first reply uses the reply token, the second is pushed', async () => {
    const userId = 'U4af4980629a1b2c3d4e5f6a7b8c9d002';
    const body = text(userId, '535114857623270002', '検査結果は届きましたか？');
    const replyToken = (body.events[0] as { replyToken: string }).replyToken;
    await deliver(body);
    const conversation = await conversationOf(userId, '535114857623270002');
    const path = `/conversations/${String(conversation.id)}/messages`;
    const first = await call(env, clinic, 'POST', path, { type: 'text', text: 'はい、届いています。' });
    expect(first.status).toBe(202);
    const replied = await eventually(async () => api.calls.find((c) => c.path === '/v2/bot/message/reply'));
    expect(replied.body).toEqual({ replyToken, messages: [{ type: 'text', text: 'はい、届いています。' }] });

    const second = await call(env, clinic, 'POST', path, { type: 'text', text: '午後にお電話します。' });
    expect(second.status).toBe(202);
    const pushed = await eventually(async () =>
      api.calls.find((c) => c.path === '/v2/bot/message/push' && c.body?.to === userId),
    );
    expect(pushed.body).toEqual({ to: userId, messages: [{ type: 'text', text: '午後にお電話します。' }] });
    expect(pushed.retryKey).toBe(second.body.id);
    expect(pushed.authorization).toBe(`Bearer ${TOKEN}`);

    const stored = await eventually(async () => {
      const timeline = await getJson<PageJson>(env, clinic, path);
      const sent = timeline.data.filter((m) => m.direction === 'outbound' && m.status === 'accepted');
      return sent.length === 2 ? sent : undefined;
    });
    for (const message of stored) expect(String(message.external_id)).toMatch(new RegExp(`^${userId}:\\d+$`));
  });

  test('a photo the patient sent is fetched from the content API', async () => {
    const userId = 'U4af4980629a1b2c3d4e5f6a7b8c9d003';
    await deliver(
      event(userId, {
        message: {
          id: '535114857623279999',
          type: 'image',
          quoteToken: 'q',
          contentProvider: { type: 'line' },
        },
      }),
    );
    await conversationOf(userId, '535114857623279999');
    const fetched = await eventually(async () =>
      api.calls.find((c) => c.path === '/v2/bot/message/535114857623279999/content'),
    );
    expect(fetched).toMatchObject({ method: 'GET', authorization: `Bearer ${TOKEN}` });
  });

  test('a forged signature, another channel’s secret or no signature is refused with 401; nothing is stored', async () => {
    const userId = 'U4af4980629a1b2c3d4e5f6a7b8c9d004';
    const body = text(userId, '535114857623270004', 'forged');
    expect((await deliver(body, 'f'.repeat(32))).status).toBe(401);
    const unsigned = await fetch(`${env.url}/webhooks/line/${account.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(unsigned.status).toBe(401);
    expect((await deliver(body, SECRET, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await env.settle();
    expect(await messagesStoredAs(env, `${userId}:535114857623270004`)).toBe(0);
  });
});
