import type { AdapterFixture } from '../adapter-fixture.test-support.ts';
import { decodeFormFields } from '../form-fields.ts';
import type { SmsSecrets, SmsSettings } from './sms-adapter.ts';
import { TWILIO_SIGNATURE_HEADER, twilioSignature } from './verify-twilio-signature.ts';

/*
 * The SMS adapter's part of the conformance suite. Twilio posts its webhooks as forms, signed with
 * `X-Twilio-Signature`: the base64 HMAC-SHA1, keyed by the auth token, of the URL it was given followed
 * by the fields sorted by name. The samples are those fields; the suite's bytes are read as the form
 * they are, so a signature covers the body (and the URL).
 */

const ACCOUNT_SID = 'AC3f1e2d4c5b6a79808f7e6d5c4b3a2910';
const CLINIC = '+33757123456';
const PATIENT = '+33612345678';
const WEBHOOK_URL = 'https://careline.example.org/webhooks/sms/7c1e2a4b-9d3f-4e5a-8b6c-1d2e3f4a5b6c';

const inbound = {
  ToCountry: 'FR',
  ToState: '',
  SmsMessageSid: 'SM5f0a3b1c2d4e6f708192a3b4c5d6e7f8',
  NumMedia: '0',
  ToCity: '',
  FromZip: '',
  SmsSid: 'SM5f0a3b1c2d4e6f708192a3b4c5d6e7f8',
  FromState: '',
  SmsStatus: 'received',
  FromCity: '',
  Body: 'Bonjour, puis-je déplacer mon rendez-vous de jeudi ?',
  FromCountry: 'FR',
  To: CLINIC,
  ToZip: '',
  NumSegments: '1',
  MessageSid: 'SM5f0a3b1c2d4e6f708192a3b4c5d6e7f8',
  AccountSid: ACCOUNT_SID,
  From: PATIENT,
  ApiVersion: '2010-04-01',
};

const mms = {
  ...inbound,
  SmsMessageSid: 'MM7a8b9c0d1e2f30415263748596a7b8c9',
  SmsSid: 'MM7a8b9c0d1e2f30415263748596a7b8c9',
  MessageSid: 'MM7a8b9c0d1e2f30415263748596a7b8c9',
  Body: '',
  NumMedia: '1',
  MediaContentType0: 'image/jpeg',
  MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/MM7a8b9c0d1e2f30415263748596a7b8c9/Media/ME0a1b2c3d4e5f60718293a4b5c6d7e8f9`,
};

const delivered = {
  ApiVersion: '2010-04-01',
  MessageStatus: 'delivered',
  SmsSid: 'SM9e8d7c6b5a49382716f5e4d3c2b1a098',
  SmsStatus: 'delivered',
  To: PATIENT,
  From: CLINIC,
  MessageSid: 'SM9e8d7c6b5a49382716f5e4d3c2b1a098',
  AccountSid: ACCOUNT_SID,
};

export const smsFixture: AdapterFixture<SmsSettings, SmsSecrets> = {
  channel: 'sms',
  account: {
    id: '7c1e2a4b-9d3f-4e5a-8b6c-1d2e3f4a5b6c',
    externalId: CLINIC,
    settings: { from: CLINIC, accountSid: ACCOUNT_SID },
    secrets: { authToken: '9f8e7d6c5b4a39281706f5e4d3c2b1a0' },
  },
  signsBody: true,
  webhookUrl: WEBHOOK_URL,
  sign: (rawBody, secrets) => ({
    [TWILIO_SIGNATURE_HEADER]: twilioSignature(secrets.authToken, WEBHOOK_URL, decodeFormFields(rawBody)),
  }),
  samples: { text: inbound, mms, 'status delivered': delivered },
};

export const adapterFixtures = [smsFixture];
