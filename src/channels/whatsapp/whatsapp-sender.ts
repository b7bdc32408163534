import type { ChannelAccount } from '../../modules/channel-accounts/channel-account.schema.ts';
import { plainSecretsOf, type SecretsOf } from '../../modules/channel-accounts/channel-secrets.ts';
import type { ContactIdentity } from '../../modules/contacts/contact.schema.ts';
import type {
  ChannelSender,
  LimitViolation,
  OutboundMessage,
  SendDisposition,
  SendFailureReason,
  SendOptions,
  SendOutcome,
  TemplateFinder,
  UploadOutcome,
} from '../channel.ts';
import { buildWhatsAppSendRequest, UnresolvedReferenceError } from './build-send-request.ts';
import { sendErrorDisposition } from './graph-error-policy.ts';
import { GraphMediaClient, MediaTransferError } from './graph-media-client.ts';
import { postGraphJson } from './graph-post.ts';
import { parseGraphResponse } from './parse-graph-response.ts';
import { isStandInMessageId } from './stand-in-message-id.ts';
import { checkTemplateSend } from './template-check.ts';
import { WHATSAPP_CAPABILITIES, WHATSAPP_WINDOW } from './whatsapp-capabilities.ts';
import { checkWhatsAppLimits } from './whatsapp-limits.ts';

export interface WhatsAppSenderOptions {
  defaultGraphUrl: string;
  defaultApiVersion: string;
  timeoutMs?: number;
  /** Opens the account's sealed secrets (ChannelSecretsVault.of); plain (pre-encryption) JSON only without it. */
  secretsOf?: SecretsOf;
}

/** Meta's codes that call for more than a retry (channels.md §1.9). */
const REASONS: Record<number, SendFailureReason> = {
  131047: 'window_closed',
  190: 'token_invalid',
  4: 'throttled_number',
  80007: 'throttled_number',
  130429: 'throttled_number',
  131056: 'throttled_pair',
};

/** The WhatsApp Cloud API behind the channel port: POST {graph}/{version}/{phone-number-id}/messages. */
export class WhatsAppSender implements ChannelSender {
  readonly capabilities = WHATSAPP_CAPABILITIES;
  readonly window = WHATSAPP_WINDOW;
  readonly windowHours = 24;
  private readonly media: GraphMediaClient;

  private readonly options: WhatsAppSenderOptions;

  constructor(options: WhatsAppSenderOptions) {
    this.options = options;
    this.media = new GraphMediaClient({ timeoutMs: options.timeoutMs ?? 15_000 });
  }

  async validate(
    account: ChannelAccount,
    message: OutboundMessage,
    findTemplate: TemplateFinder,
  ): Promise<LimitViolation[]> {
    const violations = checkWhatsAppLimits(message);
    if (message.type !== 'template') return violations;
    const template = await findTemplate(message.name, message.language);
    if (!template) {
      const where = account.settings.wabaId
        ? `WABA ${account.settings.wabaId}`
        : 'this channel (it has no WABA id)';
      return [
        ...violations,
        {
          field: 'name',
          limit: `no template "${message.name}" in ${message.language} for ${where}; sync the templates`,
        },
      ];
    }
    const parameterFormat = template.parameterFormat === 'NAMED' ? 'NAMED' : 'POSITIONAL';
    return [...violations, ...checkTemplateSend({ ...template, parameterFormat }, message)];
  }

  async uploadMedia(
    account: ChannelAccount,
    file: { bytes: Buffer; mimeType: string; fileName: string | null },
  ): Promise<UploadOutcome> {
    try {
      const { mediaId } = await this.media.uploadMedia(
        { ...(await this.graph(account)), phoneNumberId: account.externalId },
        { bytes: file.bytes, mimeType: file.mimeType, fileName: file.fileName ?? 'file' },
      );
      return { ok: true, providerMediaId: mediaId };
    } catch (error) {
      if (error instanceof MediaTransferError)
        return { ok: false, disposition: error.disposition, title: error.message };
      throw error;
    }
  }

  async send(
    account: ChannelAccount,
    recipient: ContactIdentity,
    message: OutboundMessage,
    options: SendOptions,
  ): Promise<SendOutcome> {
    const to = recipient.externalId
      ? { waId: recipient.externalId }
      : recipient.bsuid
        ? { bsuid: recipient.bsuid }
        : null;
    if (!to)
      return {
        ok: false,
        disposition: 'fail',
        code: null,
        title: 'The patient has no WhatsApp address',
        detail: null,
      };
    let body: Record<string, unknown>;
    try {
      body = buildWhatsAppSendRequest(message, to, {
        correlationId: options.correlationId,
        providerMediaIds: options.providerMediaIds,
        replyToExternalId: options.replyToExternalId,
        ...(options.targetExternalId ? { targetExternalId: options.targetExternalId } : {}),
      });
    } catch (error) {
      if (!(error instanceof UnresolvedReferenceError)) throw error;
      return { ok: false, disposition: 'fail', code: null, title: error.message, detail: error.field };
    }
    return this.post(account, body);
  }

  markRead(
    account: ChannelAccount,
    externalId: string,
    _recipient: ContactIdentity | null,
  ): Promise<SendOutcome> {
    // WhatsApp never issued this id; its refusal would only cost a request. There is nothing to mark.
    if (isStandInMessageId(externalId)) return Promise.resolve({ ok: true, externalId });
    return this.post(account, { messaging_product: 'whatsapp', status: 'read', message_id: externalId });
  }

  private async graph(account: ChannelAccount) {
    const secrets = await (this.options.secretsOf ?? plainSecretsOf)(account);
    return {
      graphUrl: account.settings.graphUrl ?? this.options.defaultGraphUrl,
      apiVersion: account.settings.apiVersion ?? this.options.defaultApiVersion,
      accessToken: secrets.accessToken,
    };
  }

  private async post(account: ChannelAccount, body: Record<string, unknown>): Promise<SendOutcome> {
    const { graphUrl, apiVersion, accessToken } = await this.graph(account);
    const exchange = await postGraphJson(
      `${graphUrl}/${apiVersion}/${encodeURIComponent(account.externalId)}/messages`,
      { authorization: `Bearer ${accessToken}` },
      body,
      this.options.timeoutMs ?? 15_000,
    );
    if (exchange.kind === 'not_sent')
      return noAnswer('retry', `Could not reach WhatsApp: ${exchange.reason}`);
    if (exchange.kind === 'unknown')
      return noAnswer(
        'unknown',
        `No answer from WhatsApp, which may have received the message: ${exchange.reason}`,
      );
    const parsed = parseGraphResponse(exchange.status, exchange.body);
    if (parsed.ok) {
      // Mark-as-read answers {success:true} without an id; a send always carries one.
      if (parsed.externalId) return { ok: true, externalId: parsed.externalId };
      if (body.status === 'read') return { ok: true, externalId: String(body.message_id) };
      return noAnswer('unknown', 'WhatsApp took the message but answered without its id');
    }
    const reason = parsed.errorCode === null ? undefined : REASONS[parsed.errorCode];
    return {
      ok: false,
      disposition: sendErrorDisposition(parsed),
      code: parsed.errorCode,
      title: parsed.message ?? `WhatsApp refused the message (HTTP ${parsed.httpStatus})`,
      detail: parsed.details,
      ...(reason ? { reason } : {}),
    };
  }
}

/** A call without a Graph answer to quote: no code, no details. */
function noAnswer(disposition: SendDisposition, title: string): SendOutcome {
  return { ok: false, disposition, code: null, title, detail: null };
}
