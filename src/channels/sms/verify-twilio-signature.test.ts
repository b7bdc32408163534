import { describe, expect, test } from 'vitest';
import { encodeFormFields } from '../form-fields.ts';
import { twilioSignature, verifyTwilioSignature } from './verify-twilio-signature.ts';

// Twilio's documented example (Webhooks security; twilio-node's validateRequest samples).
const AUTH_TOKEN = '12345';
const URL_ = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675310',
  Digits: '1234',
  From: '+14158675310',
  To: '+18005551212',
};

describe('X-Twilio-Signature', () => {
  test('computes Twilio’s documented signatures', () => {
    expect(twilioSignature(AUTH_TOKEN, URL_, params)).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    const older = { ...params, Caller: '+14158675309', From: '+14158675309' };
    expect(twilioSignature(AUTH_TOKEN, URL_, older)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  const rawBody = Buffer.from(encodeFormFields(params));
  const signed = { 'x-twilio-signature': 'GvWf1cFY/Q7PnoempGyD5oXAezc=' };

  test('accepts the documented request, its fields in any order, the URL with its default port', () => {
    expect(verifyTwilioSignature({ headers: signed, rawBody, url: URL_ }, AUTH_TOKEN)).toEqual({ ok: true });
    const reordered = Buffer.from(encodeFormFields(Object.fromEntries(Object.entries(params).reverse())));
    expect(verifyTwilioSignature({ headers: signed, rawBody: reordered, url: URL_ }, AUTH_TOKEN).ok).toBe(
      true,
    );
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    expect(verifyTwilioSignature({ headers: signed, rawBody, url: withPort }, AUTH_TOKEN).ok).toBe(true);
  });

  test.each([
    ['another URL', { headers: signed, rawBody, url: 'https://mycompany.com/myapp.php?foo=1' }, AUTH_TOKEN],
    ['no URL known', { headers: signed, rawBody }, AUTH_TOKEN],
    ['another token', { headers: signed, rawBody, url: URL_ }, '54321'],
    ['a blank token', { headers: signed, rawBody, url: URL_ }, ' '],
    ['no header', { headers: {}, rawBody, url: URL_ }, AUTH_TOKEN],
    [
      'a field changed',
      { headers: signed, rawBody: Buffer.from(encodeFormFields({ ...params, Digits: '1235' })), url: URL_ },
      AUTH_TOKEN,
    ],
    [
      'a field added',
      { headers: signed, rawBody: Buffer.concat([rawBody, Buffer.from('&Body=x')]), url: URL_ },
      AUTH_TOKEN,
    ],
    [
      'a signature twice',
      { headers: { 'x-twilio-signature': signed['x-twilio-signature'].repeat(2) }, rawBody, url: URL_ },
      AUTH_TOKEN,
    ],
  ])('refuses %s, saying why', (_label, request, token) => {
    const verdict = verifyTwilioSignature(request, token);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).not.toBe('');
  });
});
