import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher, FieldCipherError } from '../platform/crypto/field-cipher.ts';
import { openWebhookBody, sealWebhookBody } from './webhook-body-seal.ts';

const cipher = FieldCipher.forKey(randomBytes(32));
const key = { channelAccountId: '5f0c8d2e-0000-4000-8000-000000000001', bodySha256: 'a'.repeat(64) };
const body = '{"object":"whatsapp_business_account","entry":[{"text":"Bonjour, j\'ai mal"}]}';

describe('a journaled webhook body', () => {
  it('is stored encrypted and read back as it came', () => {
    const sealedBody = sealWebhookBody(cipher, key, Buffer.from(body));
    expect(sealedBody).not.toContain('Bonjour');
    expect(Buffer.from(sealedBody, 'base64').toString('utf8')).not.toContain('Bonjour');
    expect(openWebhookBody(cipher, { ...key, sealedBody, rawBody: null })).toBe(body);
  });

  it('does not decrypt on another delivery, nor under another key', () => {
    const sealedBody = sealWebhookBody(cipher, key, Buffer.from(body));
    const elsewhere = { ...key, bodySha256: 'b'.repeat(64), sealedBody, rawBody: null };
    expect(() => openWebhookBody(cipher, elsewhere)).toThrow(FieldCipherError);
    const otherKey = FieldCipher.forKey(randomBytes(32));
    expect(() => openWebhookBody(otherKey, { ...key, sealedBody, rawBody: null })).toThrow(FieldCipherError);
  });

  it('is read as is when an older version journaled it plain, and is null once forgotten', () => {
    expect(openWebhookBody(cipher, { ...key, sealedBody: null, rawBody: body })).toBe(body);
    expect(openWebhookBody(cipher, { ...key, sealedBody: null, rawBody: null })).toBeNull();
  });
});
