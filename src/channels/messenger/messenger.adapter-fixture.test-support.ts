import type { AdapterFixture } from '../adapter-fixture.test-support.ts';
import { metaFixtureParts } from '../meta/meta-fixture-parts.test-support.ts';
import type { MessengerSecrets, MessengerSettings } from './messenger-adapter.ts';
import { type MetaMessagingChannel, WEBHOOK_OBJECT } from './meta-messaging-channel.ts';

/*
 * The Messenger and Instagram adapters' part of the conformance suite. Meta signs every delivery with
 * `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body, keyed with the app secret>` and subscribes a
 * webhook with a `hub.challenge` handshake (Webhooks, "Verification Requests" and "Validating Payloads");
 * a delivery names its Page or Instagram account in `entry[].id`.
 */

const PAGE_ID = '104567890123456';
const INSTAGRAM_ID = '17841400000000001';
const PSID = '7345612398745612';
const IGSID = '6112233445566778';

/** One delivery for `account`: one entry holding these `messaging[]` items, each from `sender`. */
function delivery(
  channel: MetaMessagingChannel,
  account: string,
  sender: string,
  items: ReadonlyArray<Record<string, unknown>>,
) {
  return {
    object: WEBHOOK_OBJECT[channel],
    entry: [
      {
        id: account,
        time: 1733472000500,
        messaging: items.map((item, i) => ({
          sender: { id: sender },
          recipient: { id: account },
          timestamp: 1733472000123 + i * 1000,
          ...item,
        })),
      },
    ],
  };
}

function metaFixture(
  channel: MetaMessagingChannel,
  externalId: string,
  samples: Record<string, unknown>,
): AdapterFixture<MessengerSettings, MessengerSecrets> {
  return {
    channel,
    account: {
      id:
        channel === 'messenger'
          ? '5c0e8a4f-3b1d-4f6a-9e2c-7d8b1a0f4e3c'
          : '8e2d4b6a-1c3f-4a5e-8b7d-9f0e2c4a6b8d',
      externalId,
      settings: {},
      secrets: {
        pageAccessToken: `EAA${channel}-page-token`,
        appSecret: `${channel}-app-secret`,
        verifyToken: `${channel}-verify-token`,
      },
    },
    ...metaFixtureParts,
    samples,
  };
}

const messenger = (items: ReadonlyArray<Record<string, unknown>>) =>
  delivery('messenger', PAGE_ID, PSID, items);
const instagram = (items: ReadonlyArray<Record<string, unknown>>) =>
  delivery('instagram', INSTAGRAM_ID, IGSID, items);

export const messengerFixture = metaFixture('messenger', PAGE_ID, {
  'text quoting a message': messenger([
    {
      message: {
        mid: 'm_AbCdEf123-patient',
        text: 'Can I come at 10 instead?',
        reply_to: { mid: 'm_ClinicReminder456' },
      },
    },
  ]),
  'image, then a quick reply': messenger([
    {
      message: {
        mid: 'm_Image789',
        attachments: [
          { type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/1.jpg' } },
        ],
      },
    },
    { message: { mid: 'm_Quick790', text: 'Monday', quick_reply: { payload: 'day:mon' } } },
  ]),
  'postback tap': messenger([
    { postback: { mid: 'm_PostbackTap789', title: 'Confirm', payload: 'appt:42:confirm' } },
  ]),
});

export const instagramFixture = metaFixture('instagram', INSTAGRAM_ID, {
  text: instagram([
    { message: { mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3', text: 'Is the clinic open on Saturday?' } },
  ]),
  'image and a reaction': instagram([
    {
      message: {
        mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE4',
        attachments: [
          { type: 'image', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1' } },
        ],
      },
    },
    {
      reaction: {
        mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE4',
        action: 'react',
        reaction: 'love',
        emoji: '❤️',
      },
    },
  ]),
});

export const adapterFixtures = [messengerFixture, instagramFixture];
