import type { LimitViolation, MediaRef, OutboundMessage } from '../outbound-message.ts';
import { checkMessengerMessage } from './check-messenger-message.ts';
import { instagramReactionOf } from './instagram-reaction.ts';
import type { MetaMessagingChannel } from './meta-messaging-channel.ts';

/**
 * A Send API call, ready to go: `json` is the body of `POST /{version}/me/messages`; `upload` is the same
 * call as multipart with the file's bytes in `filedata` (the Careline media `mediaId` must be loaded
 * first; every other field is JSON text in its form field); `refused` says why it cannot be sent.
 */
export type MessengerRequest =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'upload'; mediaId: string; fields: Record<string, unknown> }
  | { kind: 'refused'; violations: LimitViolation[] };

export interface MessengerRequestOptions {
  channel: MetaMessagingChannel;
  /** The provider id of the message this one quotes (`reply_to.mid`), if any. */
  replyToExternalId: string | null;
  /** A person's reply after the 24-hour window, within the tag's 7 days: `MESSAGE_TAG` + `HUMAN_AGENT`. */
  humanAgentTag: boolean;
}

const ATTACHMENT_TYPE = { image: 'image', video: 'video', audio: 'audio', document: 'file' } as const;

/**
 * An outbound message as a Messenger / Instagram Send API request to the person `recipientId` (their
 * PSID or IGSID). Messages the channel cannot carry are refused with the field named, never sent in part.
 */
export function buildMessengerRequest(
  message: OutboundMessage,
  recipientId: string,
  options: MessengerRequestOptions,
): MessengerRequest {
  const violations = checkMessengerMessage(message, options.channel);
  if (violations.length > 0) return { kind: 'refused', violations };
  const recipient = { id: recipientId };
  if (message.type === 'reaction') {
    // Checked above: the target is known and the emoji is one Instagram names.
    const reaction = instagramReactionOf(message.emoji);
    const messageId = message.targetExternalId;
    if (reaction === null || messageId === undefined) return refusedType(message.type);
    const payload =
      reaction.action === 'react'
        ? { message_id: messageId, reaction: reaction.reaction }
        : { message_id: messageId };
    return { kind: 'json', body: { recipient, sender_action: reaction.action, payload } };
  }
  const envelope: Record<string, unknown> = {
    recipient,
    ...(options.humanAgentTag
      ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }
      : { messaging_type: 'RESPONSE' }),
    // Quoting: the Send API reference lists `reply_to` beside `recipient` and `message` (verify).
    ...(options.replyToExternalId === null ? {} : { reply_to: { mid: options.replyToExternalId } }),
  };
  switch (message.type) {
    case 'text':
      return { kind: 'json', body: { ...envelope, message: { text: message.text } } };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
      return attachmentRequest(envelope, ATTACHMENT_TYPE[message.type], message.media);
    case 'buttons':
      return buttonTemplate(
        envelope,
        message.body,
        message.buttons.map((button) => ({ type: 'postback', title: button.title, payload: button.id })),
      );
    case 'ctaUrl':
      return buttonTemplate(envelope, message.body, [
        { type: 'web_url', title: message.displayText, url: message.url },
      ]);
    case 'list': {
      const rows = message.sections.flatMap((section) => section.rows);
      const quickReplies = rows.map((row) => ({ content_type: 'text', title: row.title, payload: row.id }));
      return {
        kind: 'json',
        body: { ...envelope, message: { text: message.body, quick_replies: quickReplies } },
      };
    }
    default:
      return refusedType(message.type);
  }
}

function attachmentRequest(
  envelope: Record<string, unknown>,
  type: string,
  media: MediaRef,
): MessengerRequest {
  if ('url' in media) {
    // is_reusable: Meta keeps the file and answers an attachment_id, so a resend does not fetch it again.
    const attachment = { type, payload: { url: media.url, is_reusable: true } };
    return { kind: 'json', body: { ...envelope, message: { attachment } } };
  }
  if (media.providerMediaId !== undefined) {
    const attachment = { type, payload: { attachment_id: media.providerMediaId } };
    return { kind: 'json', body: { ...envelope, message: { attachment } } };
  }
  const attachment = { type, payload: { is_reusable: true } };
  return { kind: 'upload', mediaId: media.mediaId, fields: { ...envelope, message: { attachment } } };
}

function buttonTemplate(
  envelope: Record<string, unknown>,
  text: string,
  buttons: Record<string, string>[],
): MessengerRequest {
  const attachment = { type: 'template', payload: { template_type: 'button', text, buttons } };
  return { kind: 'json', body: { ...envelope, message: { attachment } } };
}

/** Unreachable after the capability check; kept so a new outbound type is refused, not half-sent. */
function refusedType(type: string): MessengerRequest {
  return {
    kind: 'refused',
    violations: [{ field: 'type', limit: `cannot send a ${type} message`, actual: type }],
  };
}
