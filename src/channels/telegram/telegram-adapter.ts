import { z } from 'zod';
import { systemClock } from '../../platform/time/clock.ts';
import type { SendOutcome } from '../channel.ts';
import type { AdapterSendOptions, ChannelAdapter } from '../channel-adapter.ts';
import type { LimitViolation, OutboundMessage } from '../outbound-message.ts';
import { answerButtonTap } from './answer-button-taps.ts';
import { buildTelegramRequest } from './build-telegram-request.ts';
import { checkTelegramLimits } from './check-telegram-limits.ts';
import { downloadTelegramMedia } from './download-telegram-media.ts';
import { parseTelegramUpdate } from './parse-telegram-update.ts';
import { registerTelegramWebhook } from './register-telegram-webhook.ts';
import { callTelegram, redact, TELEGRAM_API_URL, type TelegramHttp } from './telegram-bot-api-client.ts';
import { TELEGRAM_CAPABILITIES, TELEGRAM_WINDOW } from './telegram-capabilities.ts';
import { encodeTelegramBody } from './telegram-request-body.ts';
import { verifyTelegramSecret } from './verify-telegram-secret.ts';

// Not strict: an account's settings also hold Careline's own (its default team).
export const telegramSettingsSchema = z.object({
  /** A self-hosted Bot API server (or the simulator); Telegram's own when absent. */
  apiUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
export type TelegramSettings = z.infer<typeof telegramSettingsSchema>;

export const telegramSecretsSchema = z.strictObject({
  /** BotFather's token; it travels in the URL path, so it never goes into an outcome or a log. */
  botToken: z.string().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, 'a bot token looks like 123456:ABC-DEF…'),
  /** The `secret_token` given to setWebhook (1–256 of A–Z a–z 0–9 _ -), sent back in every delivery's header. */
  secretToken: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, '1 to 256 characters of A-Z, a-z, 0-9, _ and -'),
});
export type TelegramSecrets = z.infer<typeof telegramSecretsSchema>;

export interface TelegramAdapterOptions {
  fetch?: typeof fetch;
  /** How long one call may take; 15 s by default (a 50 MB upload on a slow line may need more). */
  timeoutMs?: number;
  /** The moment a button tap is parsed stands for its time (taps carry no date). */
  now?: () => Date;
  /**
   * Flood control asks to wait `retry_after` seconds. Up to this many, the send waits and tries once
   * more itself (the outbox cannot be told how long to wait); beyond, it returns `retry`.
   */
  maxInlineRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The Telegram Bot API channel: webhook deliveries checked by their secret token and read as
 * channel-neutral events, messages sent as Bot API calls. Accounts are found by the webhook's path
 * (`/webhooks/telegram/{channelAccountId}`): a Telegram update never names the bot it is for.
 */
export function createTelegramAdapter(
  options: TelegramAdapterOptions = {},
): ChannelAdapter<TelegramSettings, TelegramSecrets> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? (() => systemClock.now());
  const maxInlineWait = options.maxInlineRetryAfterSeconds ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const httpFor = (settings: TelegramSettings): TelegramHttp => ({
    fetch: options.fetch ?? globalThis.fetch,
    apiUrl: settings.apiUrl ?? TELEGRAM_API_URL,
    timeoutMs,
  });

  async function send(
    http: TelegramHttp,
    token: string,
    chatId: string,
    message: OutboundMessage,
    sendOptions: AdapterSendOptions,
  ): Promise<SendOutcome> {
    if (!CHAT_ID.test(chatId)) return refused('the recipient is not a Telegram chat id');
    let build: Awaited<ReturnType<typeof buildTelegramRequest>>;
    try {
      build = await buildTelegramRequest(chatId, message, sendOptions);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'error';
      return {
        ok: false,
        disposition: 'retry',
        code: null,
        title: `the media could not be loaded (${name})`,
        detail: null,
      };
    }
    if (!build.ok) return violated(build.violations);
    const { method, params } = build.call;
    const body = encodeTelegramBody(params);
    let answer = await callTelegram(http, token, method, body);
    if (!answer.ok && answer.retryAfter !== null && answer.retryAfter <= maxInlineWait) {
      // Flood control refused the call, so nothing was sent: waiting as asked and trying once more is safe.
      await sleep(answer.retryAfter * 1000);
      answer = await callTelegram(http, token, method, body);
    }
    if (!answer.ok) return answer.failure;
    const sent = sentMessageId(answer.result);
    // Stored as Careline stores every Telegram message: qualified by its chat (qualified-external-id.ts).
    return {
      ok: true,
      externalId: sent === null ? standInId(sendOptions.correlationId) : `${chatId}:${sent}`,
    };
  }

  return {
    channel: 'telegram',
    accountSchemas: { settings: telegramSettingsSchema, secrets: telegramSecretsSchema },
    capabilities: TELEGRAM_CAPABILITIES,
    window: TELEGRAM_WINDOW,
    webhook: {
      routing: 'path',
      verify: (request, secrets) => verifyTelegramSecret(request, secrets.secretToken),
      accountKeys: () => [],
      parse: (body) => parseTelegramUpdate(body, now),
      answer: answerButtonTap,
    },
    outbound: {
      check: (message): LimitViolation[] => checkTelegramLimits(message),
      async send(account, recipient, message, sendOptions) {
        const token = account.secrets.botToken;
        if (recipient.externalId === null) return refused('the patient has no Telegram chat id');
        const outcome = await send(
          httpFor(account.settings),
          token,
          recipient.externalId,
          message,
          sendOptions,
        );
        return outcome.ok
          ? outcome
          : {
              ...outcome,
              title: redact(outcome.title, token),
              detail: outcome.detail && redact(outcome.detail, token),
            };
      },
      async downloadMedia(account, media) {
        const token = account.secrets.botToken;
        const download = await downloadTelegramMedia(httpFor(account.settings), token, media);
        return download.ok ? download : { ...download, title: redact(download.title, token) };
      },
    },
    async registerWebhook(account, webhookUrl) {
      const outcome = await registerTelegramWebhook(httpFor(account.settings), account.secrets, webhookUrl);
      return outcome.ok ? outcome : { ok: false, title: redact(outcome.title, account.secrets.botToken) };
    },
  };
}

/** A chat's integer id (negative for groups), or a public `@username` (channels, bots). */
const CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][\w]{3,31})$/;

function refused(title: string): SendOutcome {
  return { ok: false, disposition: 'fail', code: null, title, detail: null };
}

function violated(violations: LimitViolation[]): SendOutcome {
  const detail = violations.map((violation) => `${violation.field}: ${violation.limit}`).join('; ');
  return { ok: false, disposition: 'fail', code: null, title: 'Telegram cannot carry this message', detail };
}

function sentMessageId(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || !('message_id' in result)) return null;
  const id = result.message_id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : null;
}

/**
 * setMessageReaction answers `true`, with no id: the reaction gets one of ours, never numeric, so it
 * can never be taken for a Telegram message id (nor collide with the message reacted to).
 */
function standInId(correlationId: string): string {
  return `careline.telegram.${correlationId}`;
}
