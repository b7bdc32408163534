import { describe, expect, it } from 'vitest';
import { answerHandshake } from '../meta/meta-webhook.ts';
import { signMetaPayload } from '../meta/webhook-signature.ts';
import { createMessengerWebhook } from './messenger-webhook.ts';

const SECRETS = { appSecret: 'messenger-app-secret', verifyToken: 'careline-verify-token' };
const BODY = Buffer.from('{"object":"page","entry":[{"id":"104567890123456","time":1,"messaging":[]}]}');
const webhook = createMessengerWebhook('messenger');

describe('Messenger webhook signature', () => {
  it('accepts the body Meta signed with the app secret', () => {
    const headers = { 'x-hub-signature-256': signMetaPayload(BODY, SECRETS.appSecret) };
    expect(webhook.verify({ headers, rawBody: BODY }, SECRETS)).toEqual({ ok: true });
  });

  it('finds the header whatever its case', () => {
    const headers = { 'X-Hub-Signature-256': signMetaPayload(BODY, SECRETS.appSecret) };
    expect(webhook.verify({ headers, rawBody: BODY }, SECRETS)).toEqual({ ok: true });
  });

  it.each([
    ['no header', {}],
    ['another secret', { 'x-hub-signature-256': signMetaPayload(BODY, 'other') }],
    ['the legacy SHA-1 header only', { 'x-hub-signature': 'sha1=0000000000000000000000000000000000000000' }],
    ['garbage', { 'x-hub-signature-256': 'sha256=zz' }],
  ])('refuses %s', (_label, headers) => {
    expect(webhook.verify({ headers, rawBody: BODY }, SECRETS)).toMatchObject({ ok: false });
  });

  it('refuses a tampered body', () => {
    const headers = { 'x-hub-signature-256': signMetaPayload(BODY, SECRETS.appSecret) };
    const tampered = Buffer.from(BODY.toString().replace('104567890123456', '104567890123457'));
    expect(webhook.verify({ headers, rawBody: tampered }, SECRETS)).toMatchObject({ ok: false });
  });

  it('refuses everything when no app secret is configured', () => {
    const headers = { 'x-hub-signature-256': signMetaPayload(BODY, '') };
    expect(webhook.verify({ headers, rawBody: BODY }, { ...SECRETS, appSecret: '' })).toMatchObject({
      ok: false,
    });
  });

  it('routes by body and parses for its channel', () => {
    expect(webhook.routing).toBe('body');
    expect(webhook.accountKeys(JSON.parse(BODY.toString()))).toEqual(['104567890123456']);
    expect(webhook.parse(JSON.parse(BODY.toString()))).toEqual([]);
  });
});

describe('Messenger subscription handshake', () => {
  const query = {
    'hub.mode': 'subscribe',
    'hub.verify_token': SECRETS.verifyToken,
    'hub.challenge': '1158201444',
  };

  it('answers the challenge to our verify token', () => {
    expect(webhook.handshake?.(query, SECRETS)).toBe('1158201444');
  });

  it.each([
    ['another token', { ...query, 'hub.verify_token': 'guess' }],
    ['a token prefix', { ...query, 'hub.verify_token': SECRETS.verifyToken.slice(0, 5) }],
    ['no token', { ...query, 'hub.verify_token': undefined }],
    ['another mode', { ...query, 'hub.mode': 'unsubscribe' }],
    ['no challenge', { ...query, 'hub.challenge': undefined }],
    ['a challenge that is markup', { ...query, 'hub.challenge': '<script>alert(1)</script>' }],
  ])('refuses %s', (_label, hostile) => {
    expect(answerHandshake(hostile, SECRETS.verifyToken)).toBeNull();
  });

  it('refuses every token when none is configured', () => {
    expect(answerHandshake({ ...query, 'hub.verify_token': '' }, '')).toBeNull();
  });
});
