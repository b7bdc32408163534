import { z } from 'zod';
import type { SetupOutcome } from '../channel-adapter.ts';
import { callViber, type ViberHttp } from './viber-api-client.ts';

const accountInfoSchema = z.looseObject({
  id: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[^\p{Cc}\p{Cs}]+$/u, 'is not a Viber account id'),
  name: z.string().max(200).optional().catch(undefined),
  uri: z.string().max(200).optional().catch(undefined),
});

export type ViberAccountInfo =
  | { ok: true; id: string; name: string | null; uri: string | null }
  | { ok: false; title: string };

/**
 * `get_account_info` with the auth token: proves the token works, and names the bot account (`id`,
 * e.g. `pa:75346594275468546724`), which is the Careline account's id.
 */
export async function fetchViberAccountInfo(http: ViberHttp, token: string): Promise<ViberAccountInfo> {
  const answer = await callViber(http, token, 'get_account_info', {});
  if (!answer.ok) return { ok: false, title: answer.failure.title };
  const info = accountInfoSchema.safeParse(answer.body);
  if (!info.success) return { ok: false, title: 'Viber answered get_account_info without an account id' };
  return { ok: true, id: info.data.id, name: info.data.name ?? null, uri: info.data.uri ?? null };
}

/** The callbacks Careline asks for (`webhook` comes whatever the list). */
export const VIBER_EVENT_TYPES = [
  'delivered',
  'seen',
  'failed',
  'subscribed',
  'unsubscribed',
  'conversation_started',
] as const;

/**
 * `set_webhook`: Viber first POSTs an `event: "webhook"` check to the URL, signed, and sets the webhook
 * only when that check is answered 200 — so the account must already be reachable there.
 */
export async function setViberWebhook(http: ViberHttp, token: string, url: string): Promise<SetupOutcome> {
  const answer = await callViber(http, token, 'set_webhook', {
    url,
    event_types: VIBER_EVENT_TYPES,
    send_name: true,
    send_photo: false,
  });
  return answer.ok ? { ok: true } : { ok: false, title: `setting the webhook URL: ${answer.failure.title}` };
}
