import { z } from 'zod';
import { MAX_EMOJI_LENGTH } from '../emoji.ts';
import type {
  Forwarded,
  InboundEvent,
  InboundMessageEvent,
  MessageDeletedEvent,
  MessageEditedEvent,
  ReactionEvent,
  Sender,
} from '../inbound-event.ts';
import { toItemError } from './item-error.ts';
import { describeIssues, otherEvent } from './other-event.ts';
import { parseMessageContent } from './parse-message-content.ts';
import { senderOf } from './wa-identity.ts';
import {
  itemErrorSchema,
  lenientArray,
  optBoolean,
  optId,
  optStrictId,
  optText,
  type PhoneNumberScope,
  unixTime,
  wireId,
} from './webhook-envelope.schema.ts';

/**
 * One `value.messages[]` item as an event: a message, or a reaction, edit or deletion of one. An item
 * without an id, a readable timestamp or an author cannot be stored or deduplicated, so it becomes an
 * `other` event that says why.
 */
export function parseMessage(raw: unknown, scope: PhoneNumberScope): InboundEvent {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    return otherEvent(scope.accountId, 'message', `malformed message: ${describeIssues(parsed.error)}`);
  }
  const message = parsed.data;
  const from = senderOf(message.from, message.from_user_id, message.from_parent_user_id, scope.contacts);
  if (from === null) {
    return otherEvent(scope.accountId, `message/${message.type}`, 'message names no sender', message.id);
  }
  const common: Common = { channel: 'whatsapp', accountId: scope.accountId, externalId: message.id, from };
  switch (message.type) {
    case 'reaction':
      return reactionEvent(message, common);
    case 'edit':
      return editedEvent(message, common);
    case 'revoke':
      return deletedEvent(message, common);
    default:
      return messageEvent(message, common);
  }
}

const contextSchema = z.object({
  id: optId,
  forwarded: optBoolean,
  frequently_forwarded: optBoolean,
  referred_product: z.object({ catalog_id: optId, product_retailer_id: optId }).nullable().catch(null),
});

const referralSchema = z.object({
  source_type: optText,
  source_id: optId,
  source_url: optText,
  headline: optText,
  ctwa_clid: optText,
});

const messageSchema = z.looseObject({
  id: wireId,
  from: optStrictId,
  from_user_id: optStrictId,
  from_parent_user_id: optStrictId,
  timestamp: unixTime,
  type: wireId,
  context: contextSchema.nullable().catch(null),
  referral: referralSchema.nullable().catch(null),
  errors: lenientArray(itemErrorSchema),
});

type WaMessage = z.output<typeof messageSchema>;

interface Common {
  channel: 'whatsapp';
  accountId: string;
  externalId: string;
  from: Sender;
}

function messageEvent(message: WaMessage, common: Common): InboundMessageEvent {
  const { context, referral } = message;
  const event: InboundMessageEvent = {
    kind: 'message',
    ...common,
    timestamp: message.timestamp,
    ...parseMessageContent(message, message.type),
    replyTo: context?.id ?? null,
    forwarded: forwardedOf(context),
    errors: message.errors.map(toItemError),
  };
  if (referral !== null) {
    event.referral = {
      sourceType: referral.source_type,
      sourceId: referral.source_id,
      sourceUrl: referral.source_url,
      headline: referral.headline,
      ctwaClid: referral.ctwa_clid,
    };
  }
  if (context?.referred_product) {
    event.referredProduct = {
      catalogId: context.referred_product.catalog_id,
      productRetailerId: context.referred_product.product_retailer_id,
    };
  }
  return event;
}

/** Both flags can be set; "frequently" is the stronger signal (forwarded through five or more chats). */
function forwardedOf(context: WaMessage['context']): Forwarded | null {
  if (context?.frequently_forwarded === true) return 'frequently_forwarded';
  if (context?.forwarded === true) return 'forwarded';
  return null;
}

const reactionSchema = z.object({
  message_id: wireId,
  emoji: optText.refine((emoji) => emoji === null || emoji.length <= MAX_EMOJI_LENGTH, 'not one emoji'),
});

function reactionEvent(message: WaMessage, common: Common): InboundEvent {
  const reaction = reactionSchema.safeParse(message.reaction);
  if (!reaction.success) {
    const reason = `malformed reaction: ${describeIssues(reaction.error)}`;
    return otherEvent(common.accountId, 'message/reaction', reason, common.externalId);
  }
  const event: ReactionEvent = {
    kind: 'reaction',
    ...common,
    timestamp: message.timestamp,
    targetId: reaction.data.message_id,
    // Removing a reaction is sent as an empty or missing emoji.
    emoji: reaction.data.emoji || null,
  };
  return event;
}

const editSchema = z.object({
  original_message_id: wireId,
  message: z.looseObject({ type: wireId }),
});

function editedEvent(message: WaMessage, common: Common): InboundEvent {
  const edit = editSchema.safeParse(message.edit);
  if (!edit.success) {
    return otherEvent(common.accountId, 'message/edit', 'edit names no original message', common.externalId);
  }
  const event: MessageEditedEvent = {
    kind: 'message_edited',
    ...common,
    timestamp: message.timestamp,
    originalId: edit.data.original_message_id,
    ...parseMessageContent(edit.data.message, edit.data.message.type),
  };
  return event;
}

const revokeSchema = z.object({ original_message_id: wireId });

function deletedEvent(message: WaMessage, common: Common): InboundEvent {
  const revoke = revokeSchema.safeParse(message.revoke);
  if (!revoke.success) {
    return otherEvent(
      common.accountId,
      'message/revoke',
      'revoke names no original message',
      common.externalId,
    );
  }
  const event: MessageDeletedEvent = {
    kind: 'message_deleted',
    ...common,
    timestamp: message.timestamp,
    originalId: revoke.data.original_message_id,
  };
  return event;
}
