import type { SendOutcome } from '../channel.ts';
import type { AdapterAccount, ChannelAdapter, MediaDownload } from '../channel-adapter.ts';
import {
  buildWhatsAppSendRequest,
  UnresolvedReferenceError,
  type WhatsAppRecipient,
} from './build-send-request.ts';
import { GraphMediaClient, MediaTransferError, type WhatsAppMediaKind } from './graph-media-client.ts';
import { postWhatsAppMessage, type WhatsAppGraphAccess } from './post-whatsapp-message.ts';
import { isStandInMessageId } from './stand-in-message-id.ts';
import { checkTemplateSend } from './template-check.ts';
import { fetchWhatsAppTemplates } from './template-list-client.ts';
import {
  DEFAULT_GRAPH_API_VERSION,
  DEFAULT_GRAPH_URL,
  type WhatsAppSecrets,
  type WhatsAppSettings,
  whatsappSecretsSchema,
  whatsappSettingsSchema,
} from './whatsapp-account.schema.ts';
import { WHATSAPP_CAPABILITIES, WHATSAPP_WINDOW } from './whatsapp-capabilities.ts';
import { checkWhatsAppLimits } from './whatsapp-limits.ts';
import { WHATSAPP_MEDIA_TYPES } from './whatsapp-media-types.ts';
import { whatsappWebhook } from './whatsapp-webhook.ts';

export type { WhatsAppSecrets, WhatsAppSettings } from './whatsapp-account.schema.ts';

export interface WhatsAppAdapterOptions {
  /** Graph's base URL and version for accounts that name none (WHATSAPP_GRAPH_URL, WHATSAPP_API_VERSION). */
  graphUrl?: string;
  apiVersion?: string;
  /** How long a send, an upload or a media lookup may take; 15 s by default. */
  timeoutMs?: number;
}

type Account = AdapterAccount<WhatsAppSettings, WhatsAppSecrets>;

/**
 * The WhatsApp Cloud API behind the channel port: messages and read receipts as
 * `POST {graph}/{version}/{phone-number-id}/messages`, files uploaded to Graph before the message that
 * names them, patients' files looked up and downloaded as they stream in, the WABA's templates listed.
 */
export function createWhatsAppAdapter(
  options: WhatsAppAdapterOptions = {},
): ChannelAdapter<WhatsAppSettings, WhatsAppSecrets> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const uploads = new GraphMediaClient({ timeoutMs });
  // Downloads keep the client's own time limits (a lookup's, and a whole 100 MB body's).
  const downloads = new GraphMediaClient();
  const graphOf = (account: Account): WhatsAppGraphAccess => ({
    graphUrl: account.settings.graphUrl ?? options.graphUrl ?? DEFAULT_GRAPH_URL,
    apiVersion: account.settings.apiVersion ?? options.apiVersion ?? DEFAULT_GRAPH_API_VERSION,
    accessToken: account.secrets.accessToken,
    phoneNumberId: account.externalId,
  });

  return {
    channel: 'whatsapp',
    accountSchemas: { settings: whatsappSettingsSchema, secrets: whatsappSecretsSchema },
    capabilities: WHATSAPP_CAPABILITIES,
    window: WHATSAPP_WINDOW,
    webhook: whatsappWebhook,
    outbound: {
      check: checkWhatsAppLimits,

      checkTemplate(settings, message, template) {
        if (!template) {
          const where = settings.wabaId ? `WABA ${settings.wabaId}` : 'this channel (it has no WABA id)';
          return [
            {
              field: 'name',
              limit: `no template "${message.name}" in ${message.language} for ${where}; sync the templates`,
            },
          ];
        }
        const parameterFormat = template.parameterFormat === 'NAMED' ? 'NAMED' : 'POSITIONAL';
        return checkTemplateSend({ ...template, parameterFormat }, message);
      },

      async uploadMedia(account, file) {
        try {
          const { mediaId } = await uploads.uploadMedia(graphOf(account), {
            bytes: file.bytes,
            mimeType: file.mimeType,
            fileName: file.fileName ?? 'file',
          });
          return { ok: true, providerMediaId: mediaId };
        } catch (error) {
          if (error instanceof MediaTransferError)
            return { ok: false, disposition: error.disposition, title: error.message };
          throw error;
        }
      },

      async send(account, recipient, message, sendOptions): Promise<SendOutcome> {
        const to: WhatsAppRecipient | null = recipient.externalId
          ? { waId: recipient.externalId }
          : recipient.scopedId
            ? { bsuid: recipient.scopedId }
            : null;
        if (!to) return refused('The patient has no WhatsApp address', null);
        let body: Record<string, unknown>;
        try {
          body = buildWhatsAppSendRequest(message, to, {
            correlationId: sendOptions.correlationId,
            providerMediaIds: { ...sendOptions.providerMediaIds },
            replyToExternalId: sendOptions.replyToExternalId,
            ...(sendOptions.targetExternalId ? { targetExternalId: sendOptions.targetExternalId } : {}),
          });
        } catch (error) {
          if (!(error instanceof UnresolvedReferenceError)) throw error;
          return refused(error.message, error.field);
        }
        return postWhatsAppMessage(graphOf(account), body, timeoutMs);
      },

      markRead(account, _recipient, externalId) {
        // WhatsApp never issued this id; its refusal would only cost a request. There is nothing to mark.
        if (isStandInMessageId(externalId)) return Promise.resolve({ ok: true, externalId });
        return postWhatsAppMessage(
          graphOf(account),
          { messaging_product: 'whatsapp', status: 'read', message_id: externalId },
          timeoutMs,
        );
      },

      async downloadMedia(account, media, keep): Promise<MediaDownload> {
        if (media.id === null)
          return {
            ok: false,
            disposition: 'fail',
            title: 'WhatsApp media are fetched by id and this one has none',
          };
        const expected = isWhatsAppKind(media.kind) ? { kind: media.kind } : {};
        try {
          return await downloads.downloadMedia(graphOf(account), media.id, expected, async (download) => {
            if (keep) {
              await keep({ mimeType: download.mimeType, chunks: download.chunks });
              return { ok: true, kept: true } as const;
            }
            const parts: Uint8Array[] = [];
            for await (const chunk of download.chunks) parts.push(chunk);
            return {
              ok: true,
              bytes: Buffer.concat(parts),
              mimeType: download.mimeType,
              fileName: null,
            } as const;
          });
        } catch (error) {
          if (!(error instanceof MediaTransferError)) throw error;
          return { ok: false, disposition: error.disposition, title: error.message };
        }
      },
    },
    templates: {
      list: (account) => fetchWhatsAppTemplates({ ...graphOf(account), wabaId: account.settings.wabaId }),
    },
  };
}

function refused(title: string, detail: string | null): SendOutcome {
  return { ok: false, disposition: 'fail', code: null, title, detail };
}

function isWhatsAppKind(kind: string | undefined): kind is WhatsAppMediaKind {
  return kind !== undefined && Object.hasOwn(WHATSAPP_MEDIA_TYPES, kind);
}
