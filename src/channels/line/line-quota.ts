import { z } from 'zod';
import { lineSecretsSchema, lineSettingsSchema } from './line-adapter.ts';
import { callLine, LINE_API_URL, LINE_DATA_API_URL, type LineHttp } from './line-api-client.ts';

/** The share of the month's push messages past which an operator should be warned. */
export const QUOTA_WARNING_SHARE = 0.8;

// Field names of @line/bot-sdk's `messagingApi.MessageQuotaResponse` and `QuotaConsumptionResponse`.
const quotaSchema = z.looseObject({
  type: z.enum(['none', 'limited']),
  value: z.number().int().min(0).optional(),
});
const consumptionSchema = z.looseObject({ totalUsage: z.number().int().min(0) });

export type LineQuota =
  | {
      ok: true;
      /** The plan's push messages this month; null when the plan sets no limit. */
      limit: number | null;
      /** Push messages sent this month (replies are free and not counted). */
      used: number;
      /** At or past {@link QUOTA_WARNING_SHARE} of the limit. */
      warning: boolean;
    }
  | { ok: false; title: string };

/**
 * The channel's monthly push quota and what was used of it: `GET /v2/bot/message/quota` and
 * `GET /v2/bot/message/quota/consumption` (Messaging API reference).
 */
export async function fetchLineQuota(http: LineHttp, token: string): Promise<LineQuota> {
  const [quota, consumption] = await Promise.all([
    callLine(http, token, { method: 'GET', path: '/v2/bot/message/quota' }),
    callLine(http, token, { method: 'GET', path: '/v2/bot/message/quota/consumption' }),
  ]);
  if (!quota.ok) return { ok: false, title: `reading the quota: ${quota.failure.title}` };
  if (!consumption.ok) return { ok: false, title: `reading the consumption: ${consumption.failure.title}` };
  const limit = quotaSchema.safeParse(quota.body);
  const used = consumptionSchema.safeParse(consumption.body);
  if (!limit.success || !used.success)
    return { ok: false, title: 'LINE answered the quota in another shape' };
  const max = limit.data.type === 'limited' ? (limit.data.value ?? 0) : null;
  return {
    ok: true,
    limit: max,
    used: used.data.totalUsage,
    warning: max !== null && used.data.totalUsage >= QUOTA_WARNING_SHARE * max,
  };
}

/** Whether pushing `messages` more would go past the month's limit (never, without one). */
export function wouldExceedQuota(quota: Extract<LineQuota, { ok: true }>, messages: number): boolean {
  return quota.limit !== null && quota.used + messages > quota.limit;
}

/**
 * The quota of a LINE account as stored (its settings name the API, the simulator in tests; its
 * opened secrets hold the access token).
 */
export async function fetchLineQuotaOf(
  account: { settings: unknown; secrets: unknown },
  fetchFn: typeof fetch = globalThis.fetch,
): Promise<LineQuota> {
  const settings = lineSettingsSchema.safeParse(account.settings);
  const secrets = lineSecretsSchema.safeParse(account.secrets);
  if (!settings.success || !secrets.success) return { ok: false, title: 'not a LINE account' };
  const apiUrl = settings.data.apiUrl ?? LINE_API_URL;
  const http: LineHttp = {
    fetch: fetchFn,
    apiUrl,
    dataApiUrl: settings.data.dataApiUrl ?? settings.data.apiUrl ?? LINE_DATA_API_URL,
    timeoutMs: 10_000,
  };
  return fetchLineQuota(http, secrets.data.channelAccessToken);
}
