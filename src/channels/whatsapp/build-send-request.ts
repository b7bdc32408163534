import type { OutboundMessage } from '../outbound-message.ts';
import { isStandInMessageId } from './stand-in-message-id.ts';

/** A patient on WhatsApp: by phone (`wa_id`, digits) or, for username users without one, by BSUID. */
export type WhatsAppRecipient = { waId: string } | { bsuid: string };

export interface WhatsAppSendOptions {
  /** Our message id. Meta echoes it on every status of this message (`biz_opaque_callback_data`). */
  correlationId: string;
  /** WhatsApp media ids of media uploaded before this send, keyed by the ref's `mediaId` (or `url`). */
  providerMediaIds?: Record<string, string>;
  /** The wamid of the quoted message. Without it the message goes out unquoted. */
  replyToExternalId?: string | null;
  /** The wamid a reaction targets, when the message names it by our id only. */
  targetExternalId?: string;
}

/**
 * A message names something WhatsApp does not know yet: media not uploaded, a reaction to a message
 * that has no wamid. The outbox resolves these first; reaching here means it did not.
 */
export class UnresolvedReferenceError extends Error {
  override name = 'UnresolvedReferenceError';
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

type Header = NonNullable<Extract<OutboundMessage, { type: 'buttons' }>['header']>;
type TemplateComponents = NonNullable<Extract<OutboundMessage, { type: 'template' }>['components']>;
type MediaLocation = { url: string } | { mediaId: string; providerMediaId?: string | undefined };

/**
 * The body of `POST /{version}/{phone-number-id}/messages` for one message (channels.md §1.7), in the
 * exact shape Meta documents. Throws `UnresolvedReferenceError` when a provider id it needs is unknown.
 */
export function buildWhatsAppSendRequest(
  message: OutboundMessage,
  to: WhatsAppRecipient,
  options: WhatsAppSendOptions,
): Record<string, unknown> {
  const [type, content] = typedContent(message, options);
  // A reaction already names its message; quoting another one on top would mean nothing. A message
  // stored under an id of ours is unknown to WhatsApp: the reply goes out unquoted rather than refused.
  const quote =
    message.type !== 'reaction' &&
    !isStandInMessageId(options.replyToExternalId) &&
    options.replyToExternalId;
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...('waId' in to ? { to: to.waId } : { recipient: to.bsuid }),
    type,
    [type]: content,
    ...(quote ? { context: { message_id: quote } } : {}),
    biz_opaque_callback_data: options.correlationId,
  };
}

function typedContent(message: OutboundMessage, options: WhatsAppSendOptions): [string, unknown] {
  const media = (field: string, location: MediaLocation) => mediaObject(field, location, options);
  switch (message.type) {
    case 'text':
      return ['text', { body: message.text, preview_url: message.previewUrl ?? false }];
    case 'image':
    case 'video':
      return [message.type, { ...media('media', message.media), ...optional('caption', message.caption) }];
    case 'document':
      return [
        'document',
        {
          ...media('media', message.media),
          ...optional('caption', message.caption),
          ...optional('filename', message.fileName),
        },
      ];
    case 'audio':
      return ['audio', { ...media('media', message.media), ...(message.voice ? { voice: true } : {}) }];
    case 'sticker':
      return ['sticker', media('media', message.media)];
    case 'location':
      return [
        'location',
        {
          latitude: message.latitude,
          longitude: message.longitude,
          ...optional('name', message.name),
          ...optional('address', message.address),
        },
      ];
    case 'contacts':
      return ['contacts', message.contacts.map(contactCard)];
    case 'reaction':
      return ['reaction', { message_id: reactionTarget(message, options), emoji: message.emoji }];
    case 'buttons':
      return [
        'interactive',
        {
          type: 'button',
          ...interactiveFrame(message, options),
          action: {
            buttons: message.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })),
          },
        },
      ];
    case 'list':
      return [
        'interactive',
        {
          type: 'list',
          ...interactiveFrame(message, options),
          action: {
            button: message.buttonLabel,
            sections: message.sections.map((section) => ({
              ...optional('title', section.title),
              rows: section.rows.map((row) => ({
                id: row.id,
                title: row.title,
                ...optional('description', row.description),
              })),
            })),
          },
        },
      ];
    case 'ctaUrl':
      return [
        'interactive',
        {
          type: 'cta_url',
          ...interactiveFrame(message, options),
          action: { name: 'cta_url', parameters: { display_text: message.displayText, url: message.url } },
        },
      ];
    case 'template': {
      const components = templateComponents(message.components ?? {}, options);
      return [
        'template',
        {
          name: message.name,
          language: { code: message.language, policy: 'deterministic' },
          ...(components.length > 0 ? { components } : {}),
        },
      ];
    }
  }
}

/** Uploaded media goes by id (faster, and Meta keeps it 30 days); other media by a link Meta fetches. */
function mediaObject(
  field: string,
  location: MediaLocation,
  options: WhatsAppSendOptions,
): { id: string } | { link: string } {
  if ('url' in location) {
    const id = options.providerMediaIds?.[location.url];
    return id ? { id } : { link: location.url };
  }
  const id = location.providerMediaId ?? options.providerMediaIds?.[location.mediaId];
  if (!id) {
    throw new UnresolvedReferenceError(field, `media ${location.mediaId} has not been uploaded to WhatsApp`);
  }
  return { id };
}

function reactionTarget(
  message: Extract<OutboundMessage, { type: 'reaction' }>,
  options: WhatsAppSendOptions,
): string {
  const wamid = options.targetExternalId ?? message.targetExternalId;
  if (!wamid || isStandInMessageId(wamid)) {
    throw new UnresolvedReferenceError(
      'targetMessageId',
      `message ${message.targetMessageId} has no WhatsApp id to react to`,
    );
  }
  return wamid;
}

function interactiveFrame(
  message: { body: string; header?: Header | undefined; footer?: string | undefined },
  options: WhatsAppSendOptions,
): Record<string, unknown> {
  return {
    ...(message.header ? { header: interactiveHeader(message.header, options) } : {}),
    body: { text: message.body },
    ...(message.footer !== undefined ? { footer: { text: message.footer } } : {}),
  };
}

function interactiveHeader(header: Header, options: WhatsAppSendOptions): Record<string, unknown> {
  if (header.type === 'text') return { type: 'text', text: header.text };
  return { type: header.type, [header.type]: mediaObject('header', header, options) };
}

function contactCard(card: Extract<OutboundMessage, { type: 'contacts' }>['contacts'][number]) {
  return {
    name: {
      formatted_name: card.name.formattedName,
      ...optional('first_name', card.name.firstName),
      ...optional('last_name', card.name.lastName),
    },
    ...(card.phones
      ? {
          phones: card.phones.map((p) => ({
            phone: p.phone,
            ...optional('type', p.type),
            ...optional('wa_id', p.waId),
          })),
        }
      : {}),
    ...(card.emails
      ? { emails: card.emails.map((e) => ({ email: e.email, ...optional('type', e.type) })) }
      : {}),
  };
}

/** Header, body and buttons, in the order Meta lists them; named values carry `parameter_name`. */
function templateComponents(
  components: TemplateComponents,
  options: WhatsAppSendOptions,
): Record<string, unknown>[] {
  const result: Record<string, unknown>[] = [];
  const { header, body, buttons = [] } = components;
  if (header?.type === 'text') {
    const parameter = {
      type: 'text',
      ...optional('parameter_name', header.parameterName),
      text: header.text,
    };
    result.push({ type: 'header', parameters: [parameter] });
  } else if (header) {
    const parameter = { type: header.type, [header.type]: mediaObject('components.header', header, options) };
    result.push({ type: 'header', parameters: [parameter] });
  }
  const bodyParameters = Array.isArray(body)
    ? body.map((text) => ({ type: 'text', text }))
    : Object.entries(body ?? {}).map(([name, text]) => ({ type: 'text', parameter_name: name, text }));
  if (bodyParameters.length > 0) result.push({ type: 'body', parameters: bodyParameters });
  for (const button of buttons) {
    result.push({
      type: 'button',
      sub_type: button.subType,
      index: String(button.index),
      parameters: [
        button.subType === 'quick_reply'
          ? { type: 'payload', payload: button.payload }
          : { type: 'text', text: button.text },
      ],
    });
  }
  return result;
}

/** `{ key: value }` when there is a value, else nothing: Meta wants absent fields left out, not null. */
function optional(key: string, value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { [key]: value };
}
