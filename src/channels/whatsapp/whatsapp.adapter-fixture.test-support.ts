import { readdirSync, readFileSync } from 'node:fs';
import type { AdapterFixture } from '../adapter-fixture.test-support.ts';
import { metaFixtureParts } from '../meta/meta-fixture-parts.test-support.ts';
import type { WhatsAppSecrets, WhatsAppSettings } from './whatsapp-adapter.ts';

/*
 * The WhatsApp adapter's part of the conformance suite. Meta signs every delivery with
 * `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body, keyed with the app secret>` and subscribes a
 * webhook with a `hub.challenge` handshake; a delivery names its numbers in
 * `entry[].changes[].value.metadata.phone_number_id`. The samples are the project's own conformance
 * payloads of patients' messages (test/conformance/fixtures/whatsapp/inbound/), read where they live, all
 * for the one number below.
 */

const PHONE_NUMBER_ID = '109876543210987';
const INBOUND = new URL('../../../test/conformance/fixtures/whatsapp/inbound/', import.meta.url);

function inboundSamples(): Record<string, unknown> {
  const names = readdirSync(INBOUND)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))
    .sort();
  return Object.fromEntries(
    names.map((name) => [
      name.slice(0, -'.json'.length),
      JSON.parse(readFileSync(new URL(name, INBOUND), 'utf8')),
    ]),
  );
}

export const whatsappFixture: AdapterFixture<WhatsAppSettings, WhatsAppSecrets> = {
  channel: 'whatsapp',
  account: {
    id: '3d6f8a1c-5b2e-4c7d-9e0f-1a2b3c4d5e6f',
    externalId: PHONE_NUMBER_ID,
    settings: { wabaId: '102290129340398' },
    secrets: {
      accessToken: 'EAAG-access-token-0123456789',
      appSecret: 'whatsapp-app-secret',
      verifyToken: 'whatsapp-verify-token',
    },
  },
  ...metaFixtureParts,
  samples: inboundSamples(),
};

export const adapterFixtures = [whatsappFixture];
