import { z } from 'zod';
import { mediaJson, toMediaJson } from '../media/media.routes.ts';
import type { MediaFile } from '../media/media.schema.ts';
import { CONVERSATION_STATUSES } from './conversation.schema.ts';
import type { ConversationSummary } from './inbox.service.ts';
import { MESSAGE_DIRECTIONS, MESSAGE_STATUSES, type Message } from './message.schema.ts';
import type { MessageReaction } from './reaction.schema.ts';

export const messageJson = z
  .object({
    id: z.uuid(),
    conversation_id: z.uuid(),
    direction: z.enum(MESSAGE_DIRECTIONS),
    type: z.string().describe('text, image, audio, voice, document, location, button_reply, ...'),
    text: z.string().nullable(),
    content: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('Channel-neutral details (media, location...)'),
    status: z.enum(MESSAGE_STATUSES),
    status_at: z.iso.datetime(),
    error: z
      .object({
        code: z.number().int().nullable(),
        title: z.string().nullable(),
        detail: z.string().nullable(),
      })
      .nullable()
      .describe('Why a message failed, as the provider said it'),
    failure_reason: z
      .string()
      .nullable()
      .describe('Why Careline refused or gave up: window_closed (use a template), template_invalid, ...'),
    reactions: z.array(
      z.object({ direction: z.enum(MESSAGE_DIRECTIONS), emoji: z.string(), reacted_at: z.iso.datetime() }),
    ),
    media: z.array(mediaJson).describe('Files of this message; download them at /api/v1/media/{id}'),
    edited_at: z.iso.datetime().nullable(),
    deleted_at: z.iso.datetime().nullable().describe('The patient deleted it: its text is erased'),
    external_id: z.string().nullable().describe('The channel’s id (WhatsApp wamid)'),
    reply_to_external_id: z.string().nullable(),
    occurred_at: z.iso.datetime(),
  })
  .meta({ id: 'Message' });

export const conversationJson = z
  .object({
    id: z.uuid(),
    contact_id: z.uuid(),
    channel_account_id: z.uuid(),
    status: z.enum(CONVERSATION_STATUSES),
    last_message_at: z.iso.datetime(),
    last_inbound_at: z.iso.datetime().nullable().describe('The WhatsApp 24-hour window runs from here'),
    created_at: z.iso.datetime(),
    last_message: messageJson.nullable(),
  })
  .meta({ id: 'Conversation' });

export function toMessageJson(
  m: Message,
  reactions: MessageReaction[] = [],
  media: MediaFile[] = [],
): z.infer<typeof messageJson> {
  const failed = m.errorCode !== null || m.errorTitle !== null;
  return {
    id: m.id,
    conversation_id: m.conversationId,
    direction: m.direction,
    type: m.type,
    text: m.text,
    content: m.content,
    status: m.status,
    status_at: m.statusAt.toISOString(),
    error: failed ? { code: m.errorCode, title: m.errorTitle, detail: m.errorDetail } : null,
    failure_reason: m.failureReason,
    reactions: reactions
      .filter((r) => r.messageId === m.id)
      .map((r) => ({ direction: r.direction, emoji: r.emoji, reacted_at: r.reactedAt.toISOString() })),
    media: media.filter((f) => f.messageId === m.id).map(toMediaJson),
    edited_at: m.editedAt?.toISOString() ?? null,
    deleted_at: m.deletedAt?.toISOString() ?? null,
    external_id: m.externalId,
    reply_to_external_id: m.replyToExternalId,
    occurred_at: m.occurredAt.toISOString(),
  };
}

export function toConversationJson(c: ConversationSummary): z.infer<typeof conversationJson> {
  return {
    id: c.id,
    contact_id: c.contactId,
    channel_account_id: c.channelAccountId,
    status: c.status,
    last_message_at: c.lastMessageAt.toISOString(),
    last_inbound_at: c.lastInboundAt?.toISOString() ?? null,
    created_at: c.createdAt.toISOString(),
    last_message: c.lastMessage ? toMessageJson(c.lastMessage) : null,
  };
}
