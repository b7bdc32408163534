import { createHash } from 'node:crypto';
import { z } from 'zod';
import { systemClock } from '../../platform/time/clock.ts';
import type { AdapterCallOptions } from '../adapter-call-options.ts';
import type { SendOutcome } from '../channel.ts';
import type { ChannelAdapter } from '../channel-adapter.ts';
import type { LimitViolation } from '../outbound-message.ts';
import { buildLineMessages, checkLineLimits } from './build-line-messages.ts';
import { downloadLineContent } from './download-line-content.ts';
import { callLine, LINE_API_URL, LINE_DATA_API_URL, type LineHttp } from './line-api-client.ts';
import { setLineWebhookEndpoint } from './line-bot-info.ts';
import { LINE_CAPABILITIES, LINE_WINDOW } from './line-capabilities.ts';
import { INVALID_REPLY_TOKEN } from './line-error-policy.ts';
import { LineReplyTokens, REPLY_TOKEN_TTL_MS } from './line-reply-tokens.ts';
import { parseLineWebhook } from './parse-line-webhook.ts';
import { verifyLineSignature } from './verify-line-signature.ts';

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .optional();

// Not strict: an account's settings also hold Careline's own (its default team).
export const lineSettingsSchema = z.object({
  /** The Messaging API (or the simulator); LINE's own when absent. */
  apiUrl: httpUrl,
  /** Where patients' files are fetched; LINE's api-data host when absent, the apiUrl when only it is set. */
  dataApiUrl: httpUrl,
});
export type LineSettings = z.infer<typeof lineSettingsSchema>;

export const lineSecretsSchema = z.strictObject({
  /** The channel secret (LINE Developers console, Basic settings): the key of every webhook's signature. */
  channelSecret: z.string().regex(/^[A-Za-z0-9]{16,128}$/, 'a channel secret is 32 letters and digits'),
  /** A channel access token (long-lived, or v2.1): sent as a bearer token, never in a URL or an outcome. */
  channelAccessToken: z
    .string()
    .regex(/^[A-Za-z0-9+/=._-]{16,2048}$/, 'a channel access token is letters, digits and + / = . _ -'),
});
export type LineSecrets = z.infer<typeof lineSecretsSchema>;

export interface LineAdapterOptions extends AdapterCallOptions {
  /** How long after its event a reply token is tried (REPLY_TOKEN_TTL_MS by default). */
  replyTokenTtlMs?: number;
}

/** A LINE user id (`U` and 32 hex digits), or a group's (`C`) or room's (`R`). */
const RECIPIENT = /^[UCR][0-9a-f]{32}$/;

/**
 * The LINE Messaging API channel: webhook deliveries checked by their `X-Line-Signature` and read as
 * channel-neutral events, messages sent as reply or push calls. Accounts are found by the webhook's path
 * (`/webhooks/line/{channelAccountId}`); each delivery names its bot as `destination`, the account's id.
 *
 * Replies are free while the patient's reply token is fresh; after that, or when LINE says "Invalid reply
 * token", the message is pushed (counted against the plan's monthly quota) with an `X-Line-Retry-Key`
 * made from Careline's message id, so a push tried again is never delivered twice.
 */
export function createLineAdapter(
  options: LineAdapterOptions = {},
): ChannelAdapter<LineSettings, LineSecrets> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? (() => systemClock.now());
  const tokens = new LineReplyTokens(options.replyTokenTtlMs ?? REPLY_TOKEN_TTL_MS);
  const httpFor = (settings: LineSettings): LineHttp => ({
    fetch: options.fetch ?? globalThis.fetch,
    apiUrl: settings.apiUrl ?? LINE_API_URL,
    dataApiUrl: settings.dataApiUrl ?? settings.apiUrl ?? LINE_DATA_API_URL,
    timeoutMs,
  });

  return {
    channel: 'line',
    accountSchemas: { settings: lineSettingsSchema, secrets: lineSecretsSchema },
    capabilities: LINE_CAPABILITIES,
    window: LINE_WINDOW,
    webhook: {
      routing: 'path',
      verify: (request, secrets) => verifyLineSignature(request, secrets.channelSecret),
      accountKeys: () => [],
      parse(body) {
        const events = parseLineWebhook(body);
        tokens.remember(events, now().getTime());
        return events;
      },
    },
    outbound: {
      check: (message): LimitViolation[] => checkLineLimits(message),
      async send(account, recipient, message, sendOptions) {
        const to = recipient.externalId;
        if (to === null || !RECIPIENT.test(to)) return refused('the patient has no LINE user id');
        const built = buildLineMessages(message);
        if (!built.ok) return violated(built.violations);
        const http = httpFor(account.settings);
        const token = account.secrets.channelAccessToken;
        const replyToken = tokens.take(account.externalId, to, now().getTime());
        if (replyToken !== null) {
          const replied = await callLine(http, token, {
            method: 'POST',
            path: '/v2/bot/message/reply',
            json: { replyToken, messages: built.messages },
          });
          if (replied.ok) return sent(to, replied.body, sendOptions.correlationId);
          // Used, expired or unknown: the message was not sent, and a push reaches the patient still.
          if (replied.answer?.message !== INVALID_REPLY_TOKEN) return replied.failure;
        }
        const pushed = await callLine(http, token, {
          method: 'POST',
          path: '/v2/bot/message/push',
          json: { to, messages: built.messages },
          headers: { 'x-line-retry-key': retryKeyOf(sendOptions.correlationId) },
        });
        if (pushed.ok) return sent(to, pushed.body, sendOptions.correlationId);
        // 409: a push with this retry key was accepted before (the answer to it was lost): it went out.
        if (pushed.failure.code === 409)
          return { ok: true, externalId: standInId(sendOptions.correlationId) };
        return pushed.failure;
      },
      downloadMedia: (account, media) =>
        downloadLineContent(httpFor(account.settings), account.secrets.channelAccessToken, media),
    },
    registerWebhook: (account, webhookUrl) =>
      setLineWebhookEndpoint(httpFor(account.settings), account.secrets.channelAccessToken, webhookUrl),
  };
}

function refused(title: string): SendOutcome {
  return { ok: false, disposition: 'fail', code: null, title, detail: null };
}

function violated(violations: LimitViolation[]): SendOutcome {
  const detail = violations.map((violation) => `${violation.field}: ${violation.limit}`).join('; ');
  return { ok: false, disposition: 'fail', code: null, title: 'LINE cannot carry this message', detail };
}

const sentMessagesSchema = z.looseObject({
  sentMessages: z.array(z.looseObject({ id: z.string().regex(/^\d{1,32}$/) })).min(1),
});

/**
 * The id LINE gave the (first) message sent, stored as Careline stores every LINE message: qualified by
 * its chat (qualified-external-id.ts), here the patient's one-to-one chat, whose id is their user id.
 */
function sent(to: string, body: unknown, correlationId: string): SendOutcome {
  const answer = sentMessagesSchema.safeParse(body);
  const id = answer.success ? answer.data.sentMessages[0]?.id : undefined;
  return { ok: true, externalId: id === undefined ? standInId(correlationId) : `${to}:${id}` };
}

/** An id of ours for a message LINE took without telling its id: never numeric, so never LINE's. */
function standInId(correlationId: string): string {
  return `careline.line.${correlationId}`;
}

/**
 * `X-Line-Retry-Key` is a UUID: Careline's message id when it is one, else a UUID made from it, so every
 * try of one message carries the same key.
 */
export function retryKeyOf(correlationId: string): string {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (uuid.test(correlationId)) return correlationId.toLowerCase();
  const hex = createHash('sha256').update(correlationId).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
