import { randomBytes } from 'node:crypto';

/** `whsec_` and 32 random bytes in base64, as the Standard Webhooks libraries read it. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export const WEBHOOK_SECRET_PURPOSE = 'webhook_subscriptions.secret';
