import { z } from 'zod';
import { carelineMediaIdsIn } from '../../channels/careline-media-ids.ts';
import type { WindowState } from '../../channels/window-state.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import { CONVERSATION_STATUSES } from './conversation.schema.ts';
import type { ConversationSummary, NamedRef } from './conversation-view.service.ts';
import { MESSAGE_DIRECTIONS, MESSAGE_STATUSES, type Message } from './message.schema.ts';
import { type MessageAttachment, mediaJson, toMediaJson } from './message-attachment.api.ts';
import { messageContentJson } from './message-content.api.ts';
import type { MessageReaction } from './reaction.schema.ts';

const namedJson = z.object({ id: z.uuid(), name: z.string().nullable() });

export const messageJson = z
  .object({
    id: z.uuid(),
    conversation_id: z.uuid(),
    channel_account_id: z
      .uuid()
      .describe(
        'The clinic’s channel account it came or went on (a patient’s timeline spans their channels)',
      ),
    direction: z
      .enum(MESSAGE_DIRECTIONS)
      .describe('`note`: an internal note of the care team, never sent to the patient'),
    type: z.string().describe('text, image, audio, voice, document, location, button_reply, ...'),
    text: z.string().nullable(),
    content: messageContentJson.nullable().describe('Channel-neutral details (location, contacts, reply…)'),
    status: z.enum(MESSAGE_STATUSES),
    status_at: z.iso.datetime(),
    error: z
      .object({
        code: z.number().int().nullable(),
        title: z.string().nullable(),
        detail: z.string().nullable(),
      })
      .nullable()
      .describe('Why a message failed, as the provider said it (or, refused by the window, the rule)'),
    failure_reason: z
      .string()
      .nullable()
      .describe(
        'Why Careline refused or gave up: window_closed (outside what the channel’s window allows: `error.title` names the rule), template_invalid, ...',
      ),
    reactions: z.array(
      z.object({ direction: z.enum(MESSAGE_DIRECTIONS), emoji: z.string(), reacted_at: z.iso.datetime() }),
    ),
    media: z.array(mediaJson).describe('Files of this message; download them at /api/v1/media/{id}'),
    edited_at: z.iso.datetime().nullable(),
    deleted_at: z.iso.datetime().nullable().describe('The patient deleted it: its text is erased'),
    retention_erased_at: z.iso
      .datetime()
      .nullable()
      .describe('The clinic’s retention policy erased its text and details (its files may remain)'),
    external_id: z.string().nullable().describe('The channel’s id (WhatsApp wamid)'),
    reply_to_external_id: z.string().nullable(),
    automated: z.boolean().describe('Written by an automation flow'),
    medical: z
      .boolean()
      .describe('A medical note (intake summary, or marked medical): only roles with medical.read get it'),
    author: namedJson
      .nullable()
      .describe(
        'The member of the care team who wrote it (notes, replies); null for the patient or an API key',
      ),
    occurred_at: z.iso.datetime(),
  })
  .meta({ id: 'Message' });

/** What a channel's window lets the clinic send now, and until when. */
export const windowJson = z
  .object({
    policy: z
      .enum(['none', 'templates', 'human_agent_tag', 'nothing'])
      .describe(
        'The channel’s rule once its window closes: none — no window (Telegram); templates — approved ' +
          'templates only (WhatsApp, 24 h); human_agent_tag — a person’s reply only, sent tagged ' +
          'HUMAN_AGENT, until `human_reply_until`, nothing automated (Messenger, Instagram: 24 h, then ' +
          '7 days after the patient’s last message); nothing — nothing until the patient writes',
      ),
    open: z.boolean().describe('Any message may be sent now, automated ones included'),
    closes_at: z.iso
      .datetime()
      .nullable()
      .describe('When the window closes (or closed); null without a window or before the patient wrote'),
    human_reply_until: z.iso
      .datetime()
      .nullable()
      .describe('human_agent_tag: until when a person’s reply can still be sent; null otherwise'),
    allows: z
      .enum(['anything', 'templates', 'person_reply', 'nothing'])
      .describe(
        'What can be sent now: anything; approved templates only; a reply written by a signed-in ' +
          'member of the care team only (not automation, not an API key); nothing until the patient writes',
      ),
  })
  .meta({
    id: 'ConversationWindow',
    description: 'What the channel’s window lets the clinic send now, and until when',
  });

export function toWindowJson(window: WindowState): z.infer<typeof windowJson> {
  return {
    policy: window.rule,
    open: window.open,
    closes_at: window.closesAt?.toISOString() ?? null,
    human_reply_until: window.humanReplyUntil?.toISOString() ?? null,
    allows: window.allows,
  };
}

export const conversationJson = z
  .object({
    id: z.uuid(),
    contact_id: z.uuid(),
    channel_account_id: z.uuid(),
    status: z.enum(CONVERSATION_STATUSES),
    last_message_at: z.iso.datetime(),
    last_inbound_at: z.iso
      .datetime()
      .nullable()
      .describe('The patient’s last message: the channel’s window (`window`) runs from here'),
    created_at: z.iso.datetime(),
    closed_at: z.iso.datetime().nullable(),
    channel: z.enum(CHANNEL_TYPES),
    contact: z.object({ id: z.uuid(), display_name: z.string().nullable(), phone: z.string().nullable() }),
    assignee: namedJson.nullable(),
    team: namedJson.nullable(),
    unread_count: z.number().int().describe('Patient messages nobody has read yet (reset by POST …/read)'),
    waiting_since: z.iso
      .datetime()
      .nullable()
      .describe('Since when the patient waits for an answer; null once the clinic replied'),
    urgent: z.boolean().describe('A red flag was raised in this conversation'),
    urgent_since: z.iso
      .datetime()
      .nullable()
      .describe(
        'Since when an alert waits for a person to acknowledge it (the conversation is pinned first)',
      ),
    red_flag: z
      .object({
        id: z.uuid(),
        category: z.string().describe('The most urgent sign found, e.g. chest_pain, suicidal_thoughts'),
        words: z.string().describe("The patient's own words that raised it"),
        raised_at: z.iso.datetime(),
        acknowledged_at: z.iso.datetime().nullable(),
        acknowledged_by: namedJson.nullable(),
      })
      .nullable()
      .describe('The latest red flag of an urgent conversation'),
    window: windowJson,
    last_message: messageJson
      .nullable()
      .describe('The latest message exchanged with the patient (internal notes excluded)'),
    automation: z
      .object({
        flow_key: z.string(),
        status: z.enum(['running', 'paused']),
        reason: z.string().nullable().describe('Why it is paused: agent_replied…'),
        started_at: z.iso.datetime(),
      })
      .nullable()
      .describe(
        'The flow talking with the patient (running), or waiting for the care team to hand back (paused)',
      ),
  })
  .meta({ id: 'Conversation' });

export function toMessageJson(
  m: Message,
  reactions: MessageReaction[] = [],
  media: MessageAttachment[] = [],
  authors: readonly NamedRef[] = [],
): z.infer<typeof messageJson> {
  const failed = m.errorCode !== null || m.errorTitle !== null;
  return {
    id: m.id,
    conversation_id: m.conversationId,
    channel_account_id: m.channelAccountId,
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
    media: filesOf(m, media).map(toMediaJson),
    edited_at: m.editedAt?.toISOString() ?? null,
    deleted_at: m.deletedAt?.toISOString() ?? null,
    retention_erased_at: m.retentionErasedAt?.toISOString() ?? null,
    external_id: m.externalId,
    reply_to_external_id: m.replyToExternalId,
    automated: m.sentByFlowSessionId !== null,
    medical: m.medical,
    author: m.authorUserId
      ? (authors.find((a) => a.id === m.authorUserId) ?? { id: m.authorUserId, name: null })
      : null,
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
    closed_at: c.closedAt?.toISOString() ?? null,
    channel: c.channel,
    contact: { id: c.contact.id, display_name: c.contact.displayName, phone: c.contact.phone },
    assignee: c.assignee,
    team: c.team,
    unread_count: c.unreadCount,
    waiting_since: c.waitingSince?.toISOString() ?? null,
    urgent: c.urgent,
    urgent_since: c.urgentSince?.toISOString() ?? null,
    red_flag: c.redFlag
      ? {
          id: c.redFlag.id,
          category: c.redFlag.category,
          words: c.redFlag.words,
          raised_at: c.redFlag.raisedAt.toISOString(),
          acknowledged_at: c.redFlag.acknowledgedAt?.toISOString() ?? null,
          acknowledged_by: c.redFlag.acknowledgedBy,
        }
      : null,
    window: toWindowJson(c.window),
    last_message: c.lastMessage ? toMessageJson(c.lastMessage, [], [], c.authors) : null,
    automation: c.automation
      ? {
          flow_key: c.automation.flowKey,
          status: c.automation.status,
          reason: c.automation.reason,
          started_at: c.automation.startedAt.toISOString(),
        }
      : null,
  };
}

/** A patient's files are linked to their message; an agent's upload is named by the message that sends it. */
function filesOf(m: Message, media: MessageAttachment[]): MessageAttachment[] {
  const sent = m.direction === 'outbound' ? carelineMediaIdsIn(m.content) : new Set<string>();
  return media.filter((f) => f.messageId === m.id || sent.has(f.id));
}
