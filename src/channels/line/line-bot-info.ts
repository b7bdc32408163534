import { z } from 'zod';
import type { SetupOutcome } from '../channel-adapter.ts';
import { callLine, type LineHttp } from './line-api-client.ts';

// Field names of @line/bot-sdk's `messagingApi.BotInfoResponse`.
const botInfoSchema = z.looseObject({
  userId: z.string().regex(/^U[0-9a-f]{32}$/, 'is not a LINE user id'),
  basicId: z.string().max(100).optional().catch(undefined),
  displayName: z.string().max(200).optional().catch(undefined),
});

export type LineBotInfo =
  | { ok: true; userId: string; basicId: string | null; displayName: string | null }
  | { ok: false; title: string };

/**
 * `GET /v2/bot/info` with the channel access token: proves the token works, and names the bot. Its
 * `userId` is what every webhook of the channel names as its `destination`, so it is the account's id.
 */
export async function fetchLineBotInfo(http: LineHttp, token: string): Promise<LineBotInfo> {
  const answer = await callLine(http, token, { method: 'GET', path: '/v2/bot/info' });
  if (!answer.ok) return { ok: false, title: answer.failure.title };
  const info = botInfoSchema.safeParse(answer.body);
  if (!info.success) return { ok: false, title: 'LINE answered /v2/bot/info without a bot user id' };
  return {
    ok: true,
    userId: info.data.userId,
    basicId: info.data.basicId ?? null,
    displayName: info.data.displayName ?? null,
  };
}

/** `PUT /v2/bot/channel/webhook/endpoint`: LINE delivers the channel's webhooks to this URL from now on. */
export async function setLineWebhookEndpoint(
  http: LineHttp,
  token: string,
  endpoint: string,
): Promise<SetupOutcome> {
  const answer = await callLine(http, token, {
    method: 'PUT',
    path: '/v2/bot/channel/webhook/endpoint',
    json: { endpoint },
  });
  return answer.ok ? { ok: true } : { ok: false, title: `setting the webhook URL: ${answer.failure.title}` };
}
