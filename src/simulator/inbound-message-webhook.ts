import type { ParsedPatientMessage } from './patient-message.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import { unixSeconds, webhookEnvelope } from './webhook-envelope.ts';

/** The media a patient's message carries, once the simulator stored it. */
export interface InboundMedia {
  id: string;
  mimeType: string;
  /** Base64, as in webhooks. */
  sha256: string;
}

export interface InboundMessage {
  wamid: string;
  at: Date;
  /** The patient's wa_id (digits); absent for a phoneless (username-only) user. */
  waId?: string;
  /** Business-scoped user id, e.g. `US.13491208655302741918`. */
  bsuid?: string;
  name: string;
  message: ParsedPatientMessage;
  media?: InboundMedia;
}

/**
 * Meta's inbound message webhook (§1.5), one message per webhook, in the shapes of the conformance
 * fixtures. A phoneless user has no `wa_id`/`from`, only `user_id` and `from_user_id`.
 */
export function inboundMessageWebhook(number: SimulatedNumber, inbound: InboundMessage) {
  return webhookEnvelope(number, inboundMessageValue(number, inbound));
}

/** The `value` of the webhook alone, for batching several into one POST. */
export function inboundMessageValue(number: SimulatedNumber, inbound: InboundMessage) {
  return { contacts: [contactOf(inbound)], messages: [messageObject(number, inbound)] };
}

function contactOf(inbound: InboundMessage) {
  return {
    profile: { name: inbound.name },
    ...(inbound.waId === undefined ? {} : { wa_id: inbound.waId }),
    ...(inbound.bsuid === undefined ? {} : { user_id: inbound.bsuid }),
  };
}

function messageObject(number: SimulatedNumber, inbound: InboundMessage) {
  const { message } = inbound;
  const context = contextOf(number, message);
  return {
    ...(context ? { context } : {}),
    ...(message.type === 'text' && message.referral ? { referral: message.referral } : {}),
    ...(inbound.waId === undefined ? {} : { from: inbound.waId }),
    ...(inbound.bsuid === undefined ? {} : { from_user_id: inbound.bsuid }),
    id: inbound.wamid,
    timestamp: unixSeconds(inbound.at),
    ...content(inbound),
  };
}

function contextOf(number: SimulatedNumber, message: ParsedPatientMessage) {
  const replyTo = 'replyTo' in message ? message.replyTo : undefined;
  if (replyTo === undefined && message.forwarded === undefined) return undefined;
  return {
    ...(replyTo === undefined ? {} : { from: number.displayPhoneNumber.replace(/^\+/, ''), id: replyTo }),
    ...(message.forwarded === undefined ? {} : { [message.forwarded]: true }),
  };
}

function content(inbound: InboundMessage) {
  const { message, media } = inbound;
  switch (message.type) {
    case 'text':
      return { text: { body: message.text }, type: 'text' };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const file = {
        ...(message.caption === undefined || message.type === 'audio' || message.type === 'sticker'
          ? {}
          : { caption: message.caption }),
        ...(message.type === 'document' ? { filename: message.filename ?? 'document.pdf' } : {}),
        mime_type: media?.mimeType ?? '',
        sha256: media?.sha256 ?? '',
        id: media?.id ?? '',
        ...(message.type === 'audio' ? { voice: message.voice === true } : {}),
        ...(message.type === 'sticker' ? { animated: message.animated === true } : {}),
      };
      return { type: message.type, [message.type]: file };
    }
    case 'location':
      return {
        location: {
          latitude: message.latitude,
          longitude: message.longitude,
          ...(message.name === undefined ? {} : { name: message.name }),
          ...(message.address === undefined ? {} : { address: message.address }),
          ...(message.url === undefined ? {} : { url: message.url }),
        },
        type: 'location',
      };
    case 'contacts':
      return { type: 'contacts', contacts: message.contacts };
    case 'button_reply':
      return {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: message.id, title: message.title } },
      };
    case 'list_reply':
      return {
        type: 'interactive',
        interactive: {
          type: 'list_reply',
          list_reply: {
            id: message.id,
            title: message.title,
            ...(message.description === undefined ? {} : { description: message.description }),
          },
        },
      };
    case 'button':
      return { type: 'button', button: { payload: message.payload, text: message.text } };
    case 'reaction':
      return { type: 'reaction', reaction: { message_id: message.messageId, emoji: message.emoji } };
    case 'edit':
      return {
        type: 'edit',
        edit: {
          original_message_id: message.originalMessageId,
          message: { type: 'text', text: { body: message.text } },
        },
      };
    case 'revoke':
      return { type: 'revoke', revoke: { original_message_id: message.originalMessageId } };
    case 'unsupported':
      return {
        errors: [
          {
            code: 131051,
            title: 'Message type unknown',
            message: 'Message type unknown',
            error_data: { details: 'Message type is currently not supported.' },
          },
        ],
        type: 'unsupported',
        ...(message.unsupportedType === undefined ? {} : { unsupported: { type: message.unsupportedType } }),
      };
    case 'system': {
      const newWaId = message.newPhone.replace(/^\+/, '');
      return {
        system: {
          body: `User ${inbound.name} changed from ${inbound.waId ?? inbound.bsuid} to ${newWaId}`,
          wa_id: newWaId,
          type: 'user_changed_number',
        },
        type: 'system',
      };
    }
  }
}
