import { describe, expect, it } from 'vitest';
import { verifyTelegramSecret } from './verify-telegram-secret.ts';

const SECRET = 'careline_webhook-SECRET_0123456789';
const request = (headers: Record<string, string | undefined>) => ({ headers, rawBody: Buffer.from('{}') });

describe('verifyTelegramSecret', () => {
  it('accepts the configured secret, whatever the header name’s case', () => {
    expect(verifyTelegramSecret(request({ 'x-telegram-bot-api-secret-token': SECRET }), SECRET)).toEqual({
      ok: true,
    });
    expect(verifyTelegramSecret(request({ 'X-Telegram-Bot-Api-Secret-Token': SECRET }), SECRET)).toEqual({
      ok: true,
    });
  });

  it.each([
    ['another secret', 'careline_webhook-SECRET_0123456780'],
    ['a prefix of it', SECRET.slice(0, -1)],
    ['it with more after', `${SECRET}x`],
    ['different case', SECRET.toLowerCase()],
  ])('refuses %s', (_, received) => {
    expect(verifyTelegramSecret(request({ 'x-telegram-bot-api-secret-token': received }), SECRET)).toEqual({
      ok: false,
      reason: 'the X-Telegram-Bot-Api-Secret-Token header does not match the secret token',
    });
  });

  it('refuses a delivery without the header, saying so', () => {
    expect(verifyTelegramSecret(request({}), SECRET)).toEqual({
      ok: false,
      reason: 'the X-Telegram-Bot-Api-Secret-Token header is missing',
    });
    expect(verifyTelegramSecret(request({ 'x-telegram-bot-api-secret-token': '' }), SECRET).ok).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('refuses everything when the account secret is %s, even a matching header', (_, secret) => {
    const verdict = verifyTelegramSecret(
      request({ 'x-telegram-bot-api-secret-token': secret ?? '' }),
      secret,
    );
    expect(verdict).toEqual({
      ok: false,
      reason: 'no webhook secret token is configured for this Telegram account',
    });
  });
});
