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
import { describeIssues, refusedPatientItem } from './other-event.ts';
import { parseMessageContent } from './parse-message-content.ts';
import { standInMessageId } from './stand-in-message-id.ts';
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
  usableId,
  wireId,
} from './webhook-envelope.schema.ts';

/**
 * One `value.messages[]` item as an event: a message, or a reaction, edit or deletion of one. An item
 * without a readable timestamp, type or author cannot be filed, so it becomes an `other` event that says
 * why (and that an operator must hear of it). A missing or unusable message id is not a reason to lose
 * the patient's words: an id of Careline's stands in for it, and the stored message says so.
 */
export function parseMessage(raw: unknown, scope: PhoneNumberScope): InboundEvent {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    const reason = `malformed message: ${describeIssues(parsed.error)}`;
    return refusedPatientItem(scope.accountId, 'message', reason, usableId(readId(raw)));
  }
  const message = parsed.data;
  const externalId = usableId(message.id) ?? standInMessageId(raw);
  const from = senderOf(message.from, message.from_user_id, message.from_parent_user_id, scope.contacts);
  if (from === null) {
    return refusedPatientItem(
      scope.accountId,
      `message/${message.type}`,
      'message names no sender',
      externalId,
    );
  }
  const common: Common = { channel: 'whatsapp', accountId: scope.accountId, externalId, from };
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
  /** Checked apart: an unusable one is replaced, not a reason to refuse the message. */
  id: z.unknown(),
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

function readId(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'id') : undefined;
}

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
    return refusedPatientItem(common.accountId, 'message/reaction', reason, common.externalId);
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
    const reason = 'edit names no original message';
    return refusedPatientItem(common.accountId, 'message/edit', reason, common.externalId);
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
    const reason = 'revoke names no original message';
    return refusedPatientItem(common.accountId, 'message/revoke', reason, common.externalId);
  }
  const event: MessageDeletedEvent = {
    kind: 'message_deleted',
    ...common,
    timestamp: message.timestamp,
    originalId: revoke.data.original_message_id,
  };
  return event;
}
