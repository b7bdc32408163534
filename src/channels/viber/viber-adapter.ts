import { z } from 'zod';
import type { AdapterCallOptions } from '../adapter-call-options.ts';
import type { SendOutcome } from '../channel.ts';
import type { ChannelAdapter, MediaDownload } from '../channel-adapter.ts';
import type { InboundEvent } from '../inbound-event.ts';
import { downloadAttachment } from '../messenger/download-attachment.ts';
import { isLocalGraph } from '../messenger/media-url-guard.ts';
import type { LimitViolation } from '../outbound-message.ts';
import { buildViberMessage, checkViberLimits } from './build-viber-message.ts';
import { parseViberWebhook } from './parse-viber-webhook.ts';
import { readViberJson } from './read-viber-json.ts';
import { verifyViberSignature } from './verify-viber-signature.ts';
import { setViberWebhook } from './viber-account-info.ts';
import { callViber, VIBER_API_URL, type ViberHttp } from './viber-api-client.ts';
import {
  VIBER_CAPABILITIES,
  VIBER_LIMITS,
  VIBER_SESSION_WINDOW,
  viberWindowOf,
} from './viber-capabilities.ts';

// Not strict: an account's settings also hold Careline's own (its default team).
export const viberSettingsSchema = z.object({
  /** The REST Bot API (or the simulator); Viber's own when absent. */
  apiUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /**
   * Whether the operator enabled bot-initiated messages (billable, to subscribed patients, outside the
   * 24-hour session the patient's message opens). Off by default: then nothing goes outside the session.
   */
  botInitiated: z.boolean().optional(),
  /** The name shown as the sender of every message (Viber requires one, at most 28 characters). */
  senderName: z.string().min(1).max(VIBER_LIMITS.senderNameLength).optional(),
  /** The one welcome answered to a patient who opens the chat (`conversation_started`); none when absent. */
  welcomeMessage: z.string().min(1).max(VIBER_LIMITS.textLength).optional(),
});
export type ViberSettings = z.infer<typeof viberSettingsSchema>;

export const viberSecretsSchema = z.strictObject({
  /**
   * The bot's auth token (Viber Admin Panel, or the partner who created the bot): sent in
   * `X-Viber-Auth-Token`, and the key of every callback's signature. Never in a URL or an outcome.
   */
  authToken: z
    .string()
    .regex(/^[A-Za-z0-9._-]{16,256}$/, 'an auth token is 16 to 256 letters, digits and . _ -'),
});
export type ViberSecrets = z.infer<typeof viberSecretsSchema>;

/** Who a message goes to: a Viber user id (base64 characters, `01234567890A=`). */
const RECIPIENT = /^[A-Za-z0-9+/=_-]{1,128}$/;

/** Shown as the sender when the account names none. */
const DEFAULT_SENDER_NAME = 'Careline';

/**
 * The Viber REST Bot API channel: callbacks checked by their `X-Viber-Content-Signature` and read as
 * channel-neutral events (a `message_token` keeps its 64 bits as digits), messages sent with
 * `send_message`. Accounts are found by the webhook's path (`/webhooks/viber/{channelAccountId}`):
 * Viber names no account in its callbacks.
 *
 * Viber only delivers to subscribed patients; a 24-hour session opens with the patient's message, and
 * only an account whose operator switched `botInitiated` on may write outside it (viberWindowOf).
 */
export function createViberAdapter(
  options: AdapterCallOptions = {},
): ChannelAdapter<ViberSettings, ViberSecrets> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const httpFor = (settings: ViberSettings): ViberHttp => ({
    fetch: options.fetch ?? globalThis.fetch,
    apiUrl: settings.apiUrl ?? VIBER_API_URL,
    timeoutMs,
  });

  return {
    channel: 'viber',
    accountSchemas: { settings: viberSettingsSchema, secrets: viberSecretsSchema },
    capabilities: VIBER_CAPABILITIES,
    window: VIBER_SESSION_WINDOW,
    windowOf: viberWindowOf,
    webhook: {
      routing: 'path',
      verify: (request, secrets) => verifyViberSignature(request, secrets.authToken),
      accountKeys: () => [],
      readJson: readViberJson,
      parse: parseViberWebhook,
      answer: (events, account) => welcomeOf(events, account.settings),
    },
    outbound: {
      check: (message): LimitViolation[] => checkViberLimits(message),
      async send(account, recipient, message) {
        const to = recipient.externalId;
        if (to === null || !RECIPIENT.test(to)) return refused('the patient has no Viber user id');
        const built = buildViberMessage(message);
        if (!built.ok) return violated(built.violations);
        const answer = await callViber(httpFor(account.settings), account.secrets.authToken, 'send_message', {
          receiver: to,
          sender: { name: account.settings.senderName ?? DEFAULT_SENDER_NAME },
          ...built.body,
        });
        if (!answer.ok) return answer.failure;
        const token = answer.body.message_token;
        // The token is what delivered / seen / failed callbacks name; kept as the digits Viber sent.
        if (typeof token === 'string' || (typeof token === 'number' && Number.isSafeInteger(token)))
          return { ok: true, externalId: String(token) };
        return {
          ok: false,
          disposition: 'unknown',
          code: 0,
          title: 'Viber took the message without a message_token',
          detail: null,
        };
      },
      downloadMedia(account, media) {
        if (media.url === null) return Promise.resolve(refusedDownload('Viber gave no URL for this file'));
        const apiUrl = account.settings.apiUrl ?? VIBER_API_URL;
        // No token goes with it: Viber's media URLs are public, and must not point inside our network.
        return downloadAttachment(media.url, {
          fetch: options.fetch ?? globalThis.fetch,
          timeoutMs,
          localGraph: isLocalGraph(apiUrl),
        });
      },
    },
    registerWebhook: (account, webhookUrl) =>
      setViberWebhook(httpFor(account.settings), account.secrets.authToken, webhookUrl),
  };
}

/**
 * The answer to a `conversation_started` callback: the clinic's welcome, when it configured one. Viber
 * shows a message answered here once, to a patient who is not subscribed yet (no send_message reaches
 * them until they write).
 */
function welcomeOf(events: readonly InboundEvent[], settings: unknown): Record<string, unknown> | null {
  const started = events.some(
    (event) => event.kind === 'lifecycle' && event.event === 'conversation_started',
  );
  if (!started) return null;
  const parsed = viberSettingsSchema.safeParse(settings);
  if (!parsed.success || parsed.data.welcomeMessage === undefined) return null;
  return {
    sender: { name: parsed.data.senderName ?? DEFAULT_SENDER_NAME },
    type: 'text',
    text: parsed.data.welcomeMessage,
  };
}

function refused(title: string): SendOutcome {
  return { ok: false, disposition: 'fail', code: null, title, detail: null };
}

function refusedDownload(title: string): MediaDownload {
  return { ok: false, disposition: 'fail', title };
}

function violated(violations: LimitViolation[]): SendOutcome {
  const detail = violations.map((violation) => `${violation.field}: ${violation.limit}`).join('; ');
  return { ok: false, disposition: 'fail', code: null, title: 'Viber cannot carry this message', detail };
}
