import type { AdapterFixture } from '../adapter-fixture.test-support.ts';
import { signMetaPayload } from './webhook-signature.ts';

type MetaSecrets = { appSecret: string; verifyToken: string };

/**
 * What Meta does alike for WhatsApp, Messenger and Instagram, for their adapters' conformance fixtures:
 * `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body, keyed with the app secret>`, and the
 * `hub.challenge` handshake that subscribes a webhook (Webhooks, "Verification Requests").
 */
export const metaFixtureParts = {
  signsBody: true,
  sign: (rawBody: Buffer, secrets: MetaSecrets) => ({
    'x-hub-signature-256': signMetaPayload(rawBody, secrets.appSecret),
  }),
  handshake: (secrets: MetaSecrets) => ({
    query: {
      'hub.mode': 'subscribe',
      'hub.verify_token': secrets.verifyToken,
      'hub.challenge': '1158201444',
    },
    answer: '1158201444',
  }),
} satisfies Pick<AdapterFixture<unknown, MetaSecrets>, 'signsBody' | 'sign' | 'handshake'>;
