import type { SetupOutcome } from '../channel-adapter.ts';
import { callTelegram, type TelegramHttp } from './telegram-bot-api-client.ts';

/**
 * The updates Careline reads. Telegram keeps the last list given and defaults to "everything but
 * reactions and a few others", so the list is always sent: `message_reaction` must be asked for by name.
 */
export const TELEGRAM_ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'callback_query',
  'message_reaction',
  'my_chat_member',
] as const;

/**
 * Tells Telegram where to deliver the bot's updates (`setWebhook`), with the secret token it will send
 * back in `X-Telegram-Bot-Api-Secret-Token`. Pending updates are kept: patients who wrote while the
 * webhook was being moved are still delivered. Telegram answers `{ok:true, result:true}`; a refusal's
 * description is returned as the title (the token never in it).
 */
export async function registerTelegramWebhook(
  http: TelegramHttp,
  secrets: { botToken: string; secretToken: string },
  webhookUrl: string,
): Promise<SetupOutcome> {
  const body = JSON.stringify({
    url: webhookUrl,
    secret_token: secrets.secretToken,
    allowed_updates: TELEGRAM_ALLOWED_UPDATES,
    drop_pending_updates: false,
  });
  const answer = await callTelegram(http, secrets.botToken, 'setWebhook', { kind: 'json', json: body });
  if (answer.ok) return { ok: true };
  // The error policy speaks of messages; here Telegram refused the webhook (a bad URL, a wrong token).
  const title = answer.failure.title.replace(/^Telegram refused the message/, 'Telegram refused the webhook');
  const { detail } = answer.failure;
  return { ok: false, title: detail ? `${title}: ${detail}` : title };
}
