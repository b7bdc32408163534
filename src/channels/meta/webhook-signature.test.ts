import { describe, expect, it } from 'vitest';
import { signMetaPayload, verifyMetaSignature } from './webhook-signature.ts';

const SECRET = 'careline-test-app-secret';

// Non-ASCII escaped as `\u00e9`, the way Meta serialises it. The expected digest was computed outside
// this code: printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'careline-test-app-secret'
const BODY = String.raw`{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"text":"Caf\u00e9"}}]}]}`;
const DIGEST = 'cce84dcbe365d151972baefcf966215019758ce9a7e36c55ae0b4450e4141909';
const HEADER = `sha256=${DIGEST}`;

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('verifyMetaSignature', () => {
  it('accepts the known vector', () => {
    expect(verifyMetaSignature(bytes(BODY), HEADER, SECRET)).toBe(true);
  });

  it('accepts the digest in uppercase hex', () => {
    expect(verifyMetaSignature(bytes(BODY), `sha256=${DIGEST.toUpperCase()}`, SECRET)).toBe(true);
  });

  it('rejects a body signed with another secret', () => {
    expect(verifyMetaSignature(bytes(BODY), HEADER, 'another-app-secret')).toBe(false);
  });

  it('rejects a tampered body', () => {
    expect(verifyMetaSignature(bytes(BODY.replace('"id":"1"', '"id":"2"')), HEADER, SECRET)).toBe(false);
  });

  it('rejects the same JSON re-serialised (it must check the bytes as received)', () => {
    const reserialised = JSON.stringify(JSON.parse(BODY));
    expect(reserialised).not.toBe(BODY);
    expect(verifyMetaSignature(bytes(reserialised), HEADER, SECRET)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['prefix only', 'sha256='],
    ['without prefix', DIGEST],
    ['SHA-1 header format', `sha1=${DIGEST.slice(0, 40)}`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
    ['one hex digit short', `sha256=${DIGEST.slice(1)}`],
    ['one hex digit too many', `${HEADER}0`],
    ['with trailing garbage', `${HEADER}, sha256=${DIGEST}`],
  ])('rejects a %s header without throwing', (_label, header) => {
    expect(verifyMetaSignature(bytes(BODY), header, SECRET)).toBe(false);
  });
});

describe('signMetaPayload', () => {
  it('produces the header Meta would send', () => {
    expect(signMetaPayload(BODY, SECRET)).toBe(HEADER);
    expect(signMetaPayload(bytes(BODY), SECRET)).toBe(HEADER);
  });

  it('round-trips through verifyMetaSignature', () => {
    const body = bytes('{"object":"whatsapp_business_account","entry":[]}');
    expect(verifyMetaSignature(body, signMetaPayload(body, SECRET), SECRET)).toBe(true);
  });
});
