import { createHmac } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';
import type { AdapterFixture } from '../adapter-fixture.test-support.ts';
import type { LineSecrets, LineSettings } from './line-adapter.ts';
import { LINE_SIGNATURE_HEADER } from './verify-line-signature.ts';

/*
 * The LINE adapter's part of the conformance suite. Every delivery carries `X-Line-Signature`, the base64
 * HMAC-SHA256 of the raw body keyed by the channel secret (Messaging API, "Verify webhook signature"):
 * a signature over the body. Bodies name their bot as `destination`, the account's id.
 */

const BOT = 'U0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const patient = 'U4af4980629a1b2c3d4e5f6a7b8c9d0e1';
const source = { type: 'user', userId: patient } as const;

const text = {
  destination: BOT,
  events: [
    {
      type: 'message',
      mode: 'active',
      timestamp: 1735729200000,
      source,
      webhookEventId: '01JGQZ8W3D8H7J6K5M4N3P2Q1R',
      deliveryContext: { isRedelivery: false },
      replyToken: '38ef843bde154d9b91c21320ffd17a0f',
      message: {
        id: '535114857623273580',
        type: 'text',
        quoteToken: 'q3Plxr4AgKd...',
        text: '明日の予約を変更できますか？',
      },
    },
  ],
} satisfies webhook.CallbackRequest;

const image = {
  destination: BOT,
  events: [
    {
      type: 'message',
      mode: 'active',
      timestamp: 1735729260000,
      source,
      webhookEventId: '01JGQZ9X4E9J8K7L6M5N4P3Q2S',
      deliveryContext: { isRedelivery: false },
      replyToken: '7840b71058e24a5d91c5e4a8d4e3b2a1',
      message: {
        id: '535114857623273581',
        type: 'image',
        quoteToken: 'yHAz4Ua2wx7...',
        contentProvider: { type: 'line' },
      },
    },
  ],
} satisfies webhook.CallbackRequest;

const buttonTap = {
  destination: BOT,
  events: [
    {
      type: 'postback',
      mode: 'active',
      timestamp: 1735729320000,
      source,
      webhookEventId: '01JGQZAY5FAK9L8M7N6P5Q4R3T',
      deliveryContext: { isRedelivery: false },
      replyToken: 'b60d432864f44d079f6d8efe86cf404b',
      postback: { data: 'appt:confirm:981' },
    },
  ],
} satisfies webhook.CallbackRequest;

export const lineFixture: AdapterFixture<LineSettings, LineSecrets> = {
  channel: 'line',
  account: {
    id: '5d2c9a4e-7b1f-4c3d-8e6a-0f9b8c7d6e5f',
    externalId: BOT,
    settings: {},
    secrets: {
      channelSecret: '8a7f9c0e4b2d6f1a3c5e7b9d0f2a4c6e',
      channelAccessToken: 'eyJhbGciOiJIUzI1NiJ9.CarelineLineFixtureToken+/abc=',
    },
  },
  signsBody: true,
  sign: (rawBody, secrets) => ({
    [LINE_SIGNATURE_HEADER]: createHmac('sha256', secrets.channelSecret).update(rawBody).digest('base64'),
  }),
  samples: { text, image, 'button tap': buttonTap },
};

export const adapterFixtures = [lineFixture];
