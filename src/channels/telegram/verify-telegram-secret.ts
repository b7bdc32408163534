import { createHash, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest, WebhookVerdict } from '../channel-adapter.ts';
import { headerValue } from '../webhook-header.ts';

/** The header Telegram sets on every delivery to the `secret_token` given to `setWebhook`. */
export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * Checks a delivery's `X-Telegram-Bot-Api-Secret-Token` against the account's secret. It is a shared
 * secret, not a signature over the body (channels.md §5), so only the equality of the two strings counts,
 * compared in constant time: both are hashed first so that `timingSafeEqual` compares equal lengths and
 * the time taken says nothing about the secret's length either.
 *
 * An account without a secret refuses everything: without one, anyone who learns the webhook URL could
 * post updates as Telegram.
 */
export function verifyTelegramSecret(
  request: WebhookRequest,
  secretToken: string | undefined,
): WebhookVerdict {
  if (secretToken === undefined || secretToken.trim() === '') {
    return { ok: false, reason: 'no webhook secret token is configured for this Telegram account' };
  }
  const received = headerValue(request.headers, TELEGRAM_SECRET_HEADER);
  if (received === undefined || received === '') {
    return { ok: false, reason: 'the X-Telegram-Bot-Api-Secret-Token header is missing' };
  }
  return timingSafeEqual(digest(received), digest(secretToken))
    ? { ok: true }
    : { ok: false, reason: 'the X-Telegram-Bot-Api-Secret-Token header does not match the secret token' };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
