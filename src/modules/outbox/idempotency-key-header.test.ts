import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey, requestFingerprint } from './idempotency-key-header.ts';

describe('the Idempotency-Key header', () => {
  it('reads the Structured Field string of the IETF draft and the bare form as the same key', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
    expect(parseIdempotencyKey('"a \\"quoted\\" \\\\ key"')).toBe('a "quoted" \\ key');
  });

  it('refuses an empty, unterminated, badly escaped, too long or non-ASCII key', () => {
    for (const value of ['', '""', '"open', '"a"b"', '"bad \\x escape"', '"ends in \\"', 'clé', 'tab\there'])
      expect(parseIdempotencyKey(value), value).toBeUndefined();
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey('k'.repeat(256))).toBeUndefined();
    expect(parseIdempotencyKey(`"${'k'.repeat(256)}"`)).toBeUndefined();
  });
});

describe('a request fingerprint', () => {
  it('ignores the order of keys and changes with any value', () => {
    const a = requestFingerprint({ conversationId: 'c1', body: { type: 'text', text: 'Bonjour' } });
    expect(requestFingerprint({ body: { text: 'Bonjour', type: 'text' }, conversationId: 'c1' })).toBe(a);
    expect(requestFingerprint({ conversationId: 'c1', body: { type: 'text', text: 'Bonsoir' } })).not.toBe(a);
    expect(requestFingerprint({ conversationId: 'c2', body: { type: 'text', text: 'Bonjour' } })).not.toBe(a);
    expect(requestFingerprint({ conversationId: 'c1', body: { type: 'text', text: ['Bonjour'] } })).not.toBe(
      a,
    );
  });
});
