import { z } from 'zod';
import type { DeliveryStatus, InboundEvent, StatusEvent, UserRef } from '../inbound-event.ts';
import { toItemError } from './item-error.ts';
import { describeIssues, otherEvent } from './other-event.ts';
import { userRefOf } from './wa-identity.ts';
import {
  itemErrorSchema,
  lenientArray,
  optBoolean,
  optId,
  optStrictId,
  optText,
  optUnixTime,
  type PhoneNumberScope,
  unixTime,
  wireId,
} from './webhook-envelope.schema.ts';

const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['sent', 'delivered', 'read', 'played', 'failed'];

/**
 * One `value.statuses[]` item: what happened to a message we sent. Statuses we do not track (Meta also
 * sends `deleted`) become `other` events, so they can never move a message backwards.
 */
export function parseStatus(raw: unknown, scope: PhoneNumberScope): InboundEvent {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) {
    return otherEvent(scope.accountId, 'status', `malformed status: ${describeIssues(parsed.error)}`);
  }
  const item = parsed.data;
  const status = DELIVERY_STATUSES.find((known) => known === item.status);
  if (status === undefined) {
    return otherEvent(scope.accountId, `status/${item.status}`, 'status not tracked', item.id);
  }
  const isGroup = item.recipient_type === 'group';
  const recipient = isGroup ? groupRecipient(item.recipient_id) : recipientOf(item, scope);
  if (recipient === null) {
    return otherEvent(scope.accountId, `status/${status}`, 'status names no recipient', item.id);
  }
  const errors = item.errors.map(toItemError);
  const event: StatusEvent = {
    kind: 'status',
    channel: 'whatsapp',
    accountId: scope.accountId,
    externalId: item.id,
    recipient,
    status,
    timestamp: item.timestamp,
    errorCode: errors[0]?.code ?? null,
    errors,
    conversation: item.conversation && {
      id: item.conversation.id,
      originType: item.conversation.origin?.type ?? null,
      expiresAt: item.conversation.expiration_timestamp,
    },
    pricing: item.pricing && {
      billable: item.pricing.billable,
      model: item.pricing.pricing_model,
      category: item.pricing.category,
      type: item.pricing.type,
    },
    bizOpaqueCallbackData: item.biz_opaque_callback_data,
  };
  if (isGroup) {
    event.group = {
      participantId: item.recipient_participant_id,
      participantBsuid: item.recipient_participant_user_id,
    };
  }
  return event;
}

const statusSchema = z.object({
  id: wireId,
  status: wireId,
  timestamp: unixTime,
  recipient_id: optStrictId,
  recipient_user_id: optStrictId,
  recipient_type: optText,
  recipient_participant_id: optId,
  recipient_participant_user_id: optId,
  // Our correlation tag coming back: an id, never read altered.
  biz_opaque_callback_data: optId,
  conversation: z
    .object({
      id: optId,
      // Sent as a string or a number depending on the payload version.
      expiration_timestamp: optUnixTime,
      origin: z.object({ type: optText }).nullable().catch(null),
    })
    .nullable()
    .catch(null),
  pricing: z
    .object({ billable: optBoolean, pricing_model: optText, category: optText, type: optText })
    .nullable()
    .catch(null),
  errors: lenientArray(itemErrorSchema),
});

function recipientOf(item: z.output<typeof statusSchema>, scope: PhoneNumberScope): UserRef | null {
  return userRefOf(item.recipient_id, item.recipient_user_id, scope.contacts);
}

/** A group id is not a person: no phone, no BSUID, even when it happens to be all digits. */
function groupRecipient(groupId: string | null): UserRef | null {
  return groupId === null ? null : { id: groupId, phone: null, bsuid: null };
}
