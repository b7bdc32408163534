import type { ChannelAccount } from '../../modules/channel-accounts/channel-account.schema.ts';
import type { ContactIdentity } from '../../modules/contacts/contact.schema.ts';
import type { ChannelSender, OutboundMessage, SendOutcome } from '../channel.ts';
import { graphErrorDisposition } from './graph-error-policy.ts';
import { parseGraphResponse } from './parse-graph-response.ts';

export interface WhatsAppSenderOptions {
  defaultGraphUrl: string;
  defaultApiVersion: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Sends through the WhatsApp Cloud API: POST {graph}/{version}/{phone-number-id}/messages. */
export class WhatsAppSender implements ChannelSender {
  constructor(private readonly options: WhatsAppSenderOptions) {}

  async send(
    account: ChannelAccount,
    recipient: ContactIdentity,
    message: OutboundMessage,
  ): Promise<SendOutcome> {
    const graphUrl = account.settings.graphUrl ?? this.options.defaultGraphUrl;
    const version = account.settings.apiVersion ?? this.options.defaultApiVersion;
    const url = `${graphUrl}/${version}/${encodeURIComponent(account.externalId)}/messages`;
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      // A patient known only by a business-scoped user id is addressed with `recipient`.
      ...(recipient.externalId ? { to: recipient.externalId } : { recipient: recipient.bsuid }),
      type: 'text',
      text: { body: message.text, preview_url: false },
      ...(message.replyToExternalId ? { context: { message_id: message.replyToExternalId } } : {}),
      biz_opaque_callback_data: message.correlationId,
    };
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${account.secrets.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        disposition: 'retry',
        code: null,
        title: `Could not reach WhatsApp: ${reason}`,
        detail: null,
      };
    }
    const parsed = parseGraphResponse(response.status, await response.json().catch(() => null));
    if (parsed.ok && parsed.externalId) return { ok: true, externalId: parsed.externalId };
    if (parsed.ok) {
      return {
        ok: false,
        disposition: 'retry',
        code: null,
        title: 'WhatsApp answered without a message id',
        detail: null,
      };
    }
    return {
      ok: false,
      disposition: graphErrorDisposition(parsed),
      code: parsed.errorCode,
      title: parsed.message ?? `WhatsApp refused the message (HTTP ${parsed.httpStatus})`,
      detail: parsed.details,
    };
  }
}
