import { z } from 'zod';
import { CONVERSATION_STATUSES } from './conversation.schema.ts';
import type { ConversationSummary } from './inbox.service.ts';
import { MESSAGE_DIRECTIONS, MESSAGE_STATUSES, type Message } from './message.schema.ts';

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

export const newMessageBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string().trim().min(1, 'must not be empty').max(4096, 'WhatsApp allows at most 4096 characters'),
  }),
]);

export function toMessageJson(m: Message): z.infer<typeof messageJson> {
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
