import { z } from 'zod';
import { systemClock } from '../../platform/time/clock.ts';
import type { AdapterCallOptions } from '../adapter-call-options.ts';
import type { SendOutcome } from '../channel.ts';
import type { ChannelAdapter } from '../channel-adapter.ts';
import type { LimitViolation } from '../outbound-message.ts';
import { buildSmsText, checkSmsLimits } from './build-sms-text.ts';
import { downloadSmsMedia } from './download-sms-media.ts';
import { parseSmsWebhook } from './parse-sms-webhook.ts';
import { SMS_CAPABILITIES, SMS_WINDOW } from './sms-capabilities.ts';
import { SmsChoices } from './sms-choices.ts';
import { callTwilio, TWILIO_API_URL, type TwilioHttp } from './twilio-api-client.ts';
import { verifyTwilioSignature } from './verify-twilio-signature.ts';

const E164 = /^\+[1-9]\d{6,14}$/;

// Not strict: an account's settings also hold Careline's own (its default team).
export const smsSettingsSchema = z.object({
  /** The number Careline texts from, E.164 (the account's id: Twilio's webhooks name it as `To`). */
  from: z.string().regex(E164, 'the From number is a phone number in E.164 form, e.g. +33612345678'),
  /** The Account SID (`AC` and 32 hex digits at Twilio): not a secret, it names the account in URLs. */
  accountSid: z.string().regex(/^[A-Za-z0-9]{2,64}$/, 'an account SID is letters and digits, e.g. AC…'),
  /** A Twilio-compatible API server (or the simulator); Twilio's own when absent. */
  apiUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
export type SmsSettings = z.infer<typeof smsSettingsSchema>;

export const smsSecretsSchema = z.strictObject({
  /** The auth token: the key of every webhook's signature and the password of every API call. */
  authToken: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'an auth token is 32 letters and digits'),
});
export type SmsSecrets = z.infer<typeof smsSecretsSchema>;

export interface SmsAdapterOptions extends AdapterCallOptions {
  /**
   * Careline's public URL: each message asks Twilio for status callbacks at the account's webhook URL
   * (`StatusCallback`); none are asked without it.
   */
  publicUrl?: () => string;
}

/** Twilio reads the webhook's answer as TwiML: an empty response sends nothing back. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * SMS through Twilio's Programmable Messaging API, or a provider that follows it: webhooks (form-encoded)
 * checked by their `X-Twilio-Signature` over Careline's public URL and the fields, read as patients'
 * messages and status callbacks; messages sent with `POST /2010-04-01/Accounts/{sid}/Messages.json`.
 * Accounts are found by the webhook's path (`/webhooks/sms/{channelAccountId}`); their id is the From
 * number. SMS has no window; buttons and lists go as numbered choices, and a reply naming one comes back
 * as the button it stands for.
 */
export function createSmsAdapter(options: SmsAdapterOptions = {}): ChannelAdapter<SmsSettings, SmsSecrets> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? (() => systemClock.now());
  const choices = new SmsChoices();
  const httpFor = (settings: SmsSettings): TwilioHttp => ({
    fetch: options.fetch ?? globalThis.fetch,
    apiUrl: settings.apiUrl ?? TWILIO_API_URL,
    timeoutMs,
  });

  return {
    channel: 'sms',
    accountSchemas: { settings: smsSettingsSchema, secrets: smsSecretsSchema },
    capabilities: SMS_CAPABILITIES,
    window: SMS_WINDOW,
    webhook: {
      routing: 'path',
      encoding: 'form',
      acknowledgement: { contentType: 'text/xml', body: EMPTY_TWIML },
      verify: (request, secrets) => verifyTwilioSignature(request, secrets.authToken),
      accountKeys: () => [],
      parse: (body) =>
        parseSmsWebhook(body, {
          now: now(),
          choiceOf: (account, from, text) => choices.match(account, from, text),
        }),
    },
    outbound: {
      check: (message): LimitViolation[] => checkSmsLimits(message),
      async send(account, recipient, message, sendOptions) {
        const to = recipient.externalId;
        if (to === null || !E164.test(to)) return refused('the patient has no phone number for SMS');
        const built = buildSmsText(message);
        if (!built.ok) return violated(built.violations);
        const statusCallback: Record<string, string> = options.publicUrl
          ? { StatusCallback: `${options.publicUrl().replace(/\/+$/, '')}/webhooks/sms/${account.id}` }
          : {};
        const created = await callTwilio(
          httpFor(account.settings),
          { accountSid: account.settings.accountSid, authToken: account.secrets.authToken },
          {
            method: 'POST',
            path: '/Messages.json',
            form: { To: to, From: account.settings.from, Body: built.body, ...statusCallback },
          },
        );
        if (!created.ok) return created.failure;
        choices.remember(account.externalId, to, message);
        const sid = z.looseObject({ sid: z.string().min(1).max(64) }).safeParse(created.body).data?.sid;
        // Twilio took it (2xx) without saying its SID: sent, under an id of ours.
        return { ok: true, externalId: sid ?? `careline.sms.${sendOptions.correlationId}` };
      },
      downloadMedia: (account, media) =>
        downloadSmsMedia(
          httpFor(account.settings),
          { accountSid: account.settings.accountSid, authToken: account.secrets.authToken },
          media,
        ),
    },
  };
}

function refused(title: string): SendOutcome {
  return { ok: false, disposition: 'fail', code: null, title, detail: null };
}

function violated(violations: LimitViolation[]): SendOutcome {
  const detail = violations.map((violation) => `${violation.field}: ${violation.limit}`).join('; ');
  return { ok: false, disposition: 'fail', code: null, title: 'an SMS cannot carry this message', detail };
}
