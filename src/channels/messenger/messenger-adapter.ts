import { z } from 'zod';
import type { SendOutcome } from '../channel.ts';
import type {
  AdapterAccount,
  AdapterRecipient,
  AdapterSendOptions,
  ChannelAdapter,
  MediaDownload,
  MediaToFetch,
} from '../channel-adapter.ts';
import type { OutboundMessage } from '../outbound-message.ts';
import { buildMessengerRequest } from './build-messenger-request.ts';
import { checkMessengerMessage } from './check-messenger-message.ts';
import { downloadAttachment } from './download-attachment.ts';
import type { Fetch } from './graph-http.ts';
import { isLocalGraph } from './media-url-guard.ts';
import { MESSENGER_WINDOW, messengerCapabilities } from './messenger-capabilities.ts';
import {
  answerToOutcome,
  type GraphAccess,
  graphAccessOf,
  graphCall,
  noAnswer,
} from './messenger-graph-access.ts';
import { createMessengerWebhook } from './messenger-webhook.ts';
import { CHANNEL_NAME, type MetaMessagingChannel } from './meta-messaging-channel.ts';

// Not strict: an account's settings also hold Careline's own (its default team).
export const messengerSettingsSchema = z.object({
  /** Default `https://graph.facebook.com`; the simulator's URL in tests and demos. */
  graphUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** Default v25.0, as for WhatsApp. */
  apiVersion: z
    .string()
    .regex(/^v\d{1,3}\.\d{1,3}$/, 'like v25.0')
    .optional(),
});
export type MessengerSettings = z.infer<typeof messengerSettingsSchema>;

const secret = z.string().min(1).max(1000);
export const messengerSecretsSchema = z.strictObject({
  /** The Page access token (for Instagram: the token of the Page linked to the account). */
  pageAccessToken: secret,
  appSecret: secret,
  verifyToken: secret,
});
export type MessengerSecrets = z.infer<typeof messengerSecretsSchema>;

export interface MessengerAdapterOptions {
  channel: MetaMessagingChannel;
  fetch?: Fetch;
  timeoutMs?: number;
}

/**
 * Messenger or Instagram Direct behind the channel port: webhooks in, the Send API out
 * (`POST {graphUrl}/{apiVersion}/me/messages` with the Page token as a Bearer header). `me` is the Page
 * the token belongs to, which is what both channels need: an Instagram webhook names the Instagram
 * account, but its messages are sent through the linked Page.
 */
export function createMessengerAdapter(
  options: MessengerAdapterOptions,
): ChannelAdapter<MessengerSettings, MessengerSecrets> {
  const { channel } = options;
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const name = CHANNEL_NAME[channel];

  /** `idlessId`: what a sender action (mark seen, react) counts as sent, since Meta answers it no mid. */
  async function post(
    access: GraphAccess,
    body: string | FormData,
    idlessId: string | null,
  ): Promise<SendOutcome> {
    const exchange = await graphCall(fetchFn, access, 'POST', '/me/messages', body, timeoutMs);
    return answerToOutcome(exchange, access.token, name, idlessId);
  }

  return {
    channel,
    accountSchemas: { settings: messengerSettingsSchema, secrets: messengerSecretsSchema },
    capabilities: messengerCapabilities(channel),
    window: MESSENGER_WINDOW,
    webhook: createMessengerWebhook(channel),
    outbound: {
      check: (message: OutboundMessage) => checkMessengerMessage(message, channel),

      async send(
        account: AdapterAccount<MessengerSettings, MessengerSecrets>,
        recipient: AdapterRecipient,
        message: OutboundMessage,
        sendOptions: AdapterSendOptions,
      ): Promise<SendOutcome> {
        if (recipient.externalId === null) return noAnswer('fail', `The patient has no ${name} id`);
        const request = buildMessengerRequest(message, recipient.externalId, {
          channel,
          replyToExternalId: sendOptions.replyToExternalId,
          humanAgentTag: sendOptions.humanAgentTag === true,
        });
        const access = graphAccessOf(account);
        if (request.kind === 'refused') {
          const first = request.violations[0];
          return {
            ok: false,
            disposition: 'fail',
            code: null,
            title: `${name} cannot send this message: ${first?.field ?? 'type'}: ${first?.limit ?? 'refused'}`,
            detail: request.violations
              .map((violation) => `${violation.field}: ${violation.limit}`)
              .join('; '),
          };
        }
        const idlessId = message.type === 'reaction' ? (message.targetExternalId ?? null) : null;
        if (request.kind === 'json') return post(access, JSON.stringify(request.body), idlessId);
        let file: Awaited<ReturnType<AdapterSendOptions['loadMedia']>>;
        try {
          file = await sendOptions.loadMedia(request.mediaId);
        } catch {
          // Ours, not Meta's: nothing left; the outbox tries again (storage hiccups pass).
          return noAnswer('retry', `The file ${request.mediaId} could not be loaded`);
        }
        const form = new FormData();
        for (const [key, value] of Object.entries(request.fields)) {
          form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
        }
        form.append(
          'filedata',
          new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }),
          file.fileName ?? 'file',
        );
        return post(access, form, null);
      },

      async downloadMedia(
        account: AdapterAccount<MessengerSettings, MessengerSecrets>,
        media: MediaToFetch,
      ): Promise<MediaDownload> {
        if (media.url === null) {
          return {
            ok: false,
            disposition: 'fail',
            title: `${name} attachments are fetched by URL and this one has none`,
          };
        }
        return downloadAttachment(media.url, {
          fetch: fetchFn,
          timeoutMs,
          localGraph: isLocalGraph(graphAccessOf(account).graphUrl),
        });
      },

      markRead(
        account: AdapterAccount<MessengerSettings, MessengerSecrets>,
        recipient: AdapterRecipient | null,
        externalId: string,
      ): Promise<SendOutcome> {
        // Messenger marks the whole conversation seen, not one message: the id is only echoed back.
        // Without the patient's id there is nobody to mark it for: nothing to send.
        if (!recipient?.externalId) return Promise.resolve({ ok: true, externalId });
        const body = { recipient: { id: recipient.externalId }, sender_action: 'mark_seen' };
        return post(graphAccessOf(account), JSON.stringify(body), externalId);
      },
    },
  };
}
