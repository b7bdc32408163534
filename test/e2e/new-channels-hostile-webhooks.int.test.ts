import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { twilioSignature } from '../../src/channels/sms/verify-twilio-signature.ts';
import { signViberBody } from '../../src/channels/viber/verify-viber-signature.ts';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { connectChannel } from '../support/connect-channel.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { storedMessagesSaying } from './inbox-support.ts';

const LINE_SECRET = '5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a';
const VIBER_TOKEN = '4453b6ac12345678-e02c5f12174805f9-0123456789abcdef';
const SMS_TOKEN = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const SMS_NUMBER = '+33757440000';

/** What a hostile sender puts where a provider's webhook body belongs. */
const HOSTILE: ReadonlyArray<[string, string]> = [
  ['NUL bytes', '{"events":[{"type":"message","message":{"type":"text","text":"a\u0000b"}}]}\u0000'],
  ['HTML', '<html><body><script>alert(1)</script></body></html>'],
  ['truncated JSON', '{"event":"message","sender":{"id":'],
  ['a JSON scalar', '12345678901234567890123'],
  ['deep nesting', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
  [
    'a 1 MB string',
    JSON.stringify({ event: 'message', message: { type: 'text', text: 'x'.repeat(1_000_000) } }),
  ],
];

/**
 * The webhooks of LINE, Viber and SMS under hostile bodies, signed with the right secret (a leaked key,
 * or a provider gone wrong) and unsigned: never a 5xx, unsigned ones refused, and the next genuine
 * message of each channel still stored — one poison delivery blocks nothing.
 */
describe.each(TEST_ENGINES)('hostile bodies on the LINE, Viber and SMS webhooks (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  const accounts: Record<'line' | 'viber' | 'sms', ChannelAccount | undefined> = {
    line: undefined,
    viber: undefined,
    sms: undefined,
  };

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Remparts');
    accounts.line = await connectChannel(env, clinic, {
      type: 'line',
      name: 'LINE',
      externalId: 'U0123456789abcdef0123456789abcdef',
      settings: { apiUrl: 'http://127.0.0.1:9' },
      secrets: { channelSecret: LINE_SECRET, channelAccessToken: 'HostileTestChannelAccessToken0123' },
    });
    accounts.viber = await connectChannel(env, clinic, {
      type: 'viber',
      name: 'Viber',
      externalId: 'pa:5741311803571700001',
      settings: { apiUrl: 'http://127.0.0.1:9' },
      secrets: { authToken: VIBER_TOKEN },
    });
    accounts.sms = await connectChannel(env, clinic, {
      type: 'sms',
      name: 'SMS',
      externalId: SMS_NUMBER,
      settings: {
        from: SMS_NUMBER,
        accountSid: 'AC0123456789abcdef0123456789abcdef',
        apiUrl: 'http://127.0.0.1:9',
      },
      secrets: { authToken: SMS_TOKEN },
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  function urlOf(type: 'line' | 'viber' | 'sms'): string {
    return `${env.url}/webhooks/${type}/${accounts[type]?.id}`;
  }

  /** The body posted as the channel posts it, with its signature when `signed`. */
  function post(type: 'line' | 'viber' | 'sms', body: string, signed: boolean): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': type === 'sms' ? 'application/x-www-form-urlencoded' : 'application/json',
    };
    if (signed && type === 'line')
      headers['x-line-signature'] = createHmac('sha256', LINE_SECRET).update(body).digest('base64');
    if (signed && type === 'viber') headers['x-viber-content-signature'] = signViberBody(body, VIBER_TOKEN);
    if (signed && type === 'sms')
      headers['x-twilio-signature'] = twilioSignature(
        SMS_TOKEN,
        urlOf('sms'),
        Object.fromEntries(new URLSearchParams(body)),
      );
    return fetch(urlOf(type), { method: 'POST', headers, body });
  }

  /** A genuine patient message of each channel, by the words it carries. */
  function genuine(type: 'line' | 'viber' | 'sms', text: string): string {
    if (type === 'line')
      return JSON.stringify({
        destination: accounts.line?.externalId,
        events: [
          {
            type: 'message',
            mode: 'active',
            timestamp: Date.now(),
            webhookEventId: `01HX${Date.now()}`,
            deliveryContext: { isRedelivery: false },
            source: { type: 'user', userId: 'U99999999999999999999999999999999' },
            message: { id: String(Date.now()), type: 'text', quoteToken: 'q', text },
          },
        ],
      });
    if (type === 'viber')
      return `{"event":"message","timestamp":${Date.now()},"message_token":5741311803571799999,"sender":{"id":"Hq0s1WkVx2==","name":"Ana"},"message":{"type":"text","text":${JSON.stringify(text)}}}`;
    return new URLSearchParams({
      MessageSid: `SM${'0'.repeat(30)}${text.length}`,
      AccountSid: 'AC0123456789abcdef0123456789abcdef',
      From: '+33612000099',
      To: SMS_NUMBER,
      Body: text,
      NumMedia: '0',
    }).toString();
  }

  for (const type of ['line', 'viber', 'sms'] as const) {
    test(`${type}: no 5xx for any hostile body, signed or not; unsigned refused; the next message stored`, async () => {
      for (const [what, body] of HOSTILE) {
        const unsigned = await post(type, body, false);
        expect(unsigned.status, `${type} unsigned ${what}`).toBeGreaterThanOrEqual(400);
        expect(unsigned.status, `${type} unsigned ${what}`).toBeLessThan(500);
        const signed = await post(type, body, true);
        expect(signed.status, `${type} signed ${what}`).toBeLessThan(500);
      }
      const text = `Bonjour après les colis piégés (${type})`;
      const ok = await post(type, genuine(type, text), true);
      expect(ok.status).toBe(200);
      await env.settle();
      expect(await storedMessagesSaying(env, text)).toHaveLength(1);
    });
  }
});
