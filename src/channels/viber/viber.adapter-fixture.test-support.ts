import type { AdapterFixture } from '../adapter-fixture.test-support.ts';
import { signViberBody, VIBER_SIGNATURE_HEADER } from './verify-viber-signature.ts';
import type { ViberSecrets, ViberSettings } from './viber-adapter.ts';

/*
 * The Viber adapter's part of the conformance suite. Every callback carries `X-Viber-Content-Signature`,
 * the hex HMAC-SHA256 of the raw body keyed by the auth token (REST Bot API, "Callbacks"): a signature
 * over the body. Callbacks name no account; the webhook's path does.
 */

const patient = {
  id: 'pttm25kSGUo1919sBORWyA==',
  name: 'Élodie Martin',
  language: 'fr',
  country: 'FR',
  api_version: 10,
};

const text = {
  event: 'message',
  timestamp: 1767261600000,
  chat_hostname: 'SN-CHAT-05_',
  message_token: '5741311803571721087',
  sender: patient,
  message: { type: 'text', text: 'Bonjour, puis-je déplacer mon rendez-vous ?' },
  silent: false,
};

const picture = {
  event: 'message',
  timestamp: 1767261660000,
  message_token: '5741311803571721088',
  sender: patient,
  message: {
    type: 'picture',
    text: 'Mon ordonnance',
    media: 'https://dl-media.viber.com/10/share/2/long/bots/generic/photo.jpg',
    thumbnail: 'https://dl-media.viber.com/10/share/2/long/bots/generic/thumb.jpg',
  },
};

const keyboardTap = {
  event: 'message',
  timestamp: 1767261720000,
  message_token: '5741311803571721089',
  sender: patient,
  message: {
    type: 'text',
    text: 'appt:confirm:981',
    tracking_data: 'careline:buttons:["appt:confirm:981","appt:cancel:981"]',
  },
};

const seen = {
  event: 'seen',
  timestamp: 1767261780000,
  message_token: '5741311803571721090',
  user_id: patient.id,
};

export const viberFixture: AdapterFixture<ViberSettings, ViberSecrets> = {
  channel: 'viber',
  account: {
    id: '7e1f3c2a-9b4d-4e6f-8a1c-2d3e4f5a6b7c',
    externalId: 'pa:5741311803571721000',
    settings: {},
    secrets: { authToken: '4453b6ac12345678-e02c5f12174805f9-daec5f1a6ce5e81a' },
  },
  signsBody: true,
  sign: (rawBody, secrets) => ({ [VIBER_SIGNATURE_HEADER]: signViberBody(rawBody, secrets.authToken) }),
  samples: { text, picture, 'keyboard tap': keyboardTap, seen },
};

export const adapterFixtures = [viberFixture];
