import { z } from 'zod';
import type {
  GroupChange,
  GroupMessageEvent,
  GroupParticipantRef,
  GroupUpdateEvent,
  InboundEvent,
} from '../inbound-event.ts';
import { toItemError } from './item-error.ts';
import { describeIssues, otherEvent } from './other-event.ts';
import {
  itemErrorSchema,
  lenientArray,
  optId,
  optText,
  optUnixTime,
  phoneNumberValueSchema,
  usableId,
} from './webhook-envelope.schema.ts';

/**
 * The Groups API's webhook fields (developers.facebook.com/documentation/business-messaging/whatsapp/
 * groups/webhooks): each `value` carries `metadata` and `groups[]`, one item per change.
 */
export const GROUP_FIELDS: ReadonlySet<string> = new Set([
  'group_lifecycle_update',
  'group_participants_update',
  'group_settings_update',
  'group_status_update',
]);

const participantSchema = z.object({ wa_id: optId, input: optId });

const groupItemSchema = z.object({
  group_id: optId,
  type: optText,
  request_id: optId,
  subject: optText,
  description: optText,
  invite_link: optText,
  initiated_by: optText,
  timestamp: optUnixTime,
  wa_id: optId,
  added_participants: lenientArray(participantSchema).optional(),
  removed_participants: lenientArray(participantSchema).optional(),
  errors: lenientArray(itemErrorSchema).optional(),
});

const groupsValueSchema = phoneNumberValueSchema.extend({ groups: z.array(z.unknown()) });

/** One `group_*` change as events, one per `groups[]` item; an unreadable item becomes `other`. */
export function parseGroupChange(field: string, value: unknown): InboundEvent[] {
  const parsed = groupsValueSchema.safeParse(value);
  if (!parsed.success) return [otherEvent(null, field, `malformed value: ${describeIssues(parsed.error)}`)];
  const accountId = parsed.data.metadata.phone_number_id;
  return parsed.data.groups.map((raw) => {
    const item = groupItemSchema.safeParse(raw);
    if (!item.success)
      return otherEvent(accountId, field, `malformed group item: ${describeIssues(item.error)}`);
    const data = item.data;
    const errors = (data.errors ?? []).map(toItemError);
    const participants: GroupParticipantRef[] = [
      ...(data.added_participants ?? []),
      ...(data.removed_participants ?? []),
      ...(data.wa_id ? [{ wa_id: data.wa_id, input: null }] : []),
    ].map((p) => ({ waId: usableId(p.wa_id), input: usableId(p.input) }));
    const event: GroupUpdateEvent = {
      kind: 'group_update',
      channel: 'whatsapp',
      accountId,
      groupId: usableId(data.group_id),
      change: changeOf(field, data.type, errors.length > 0),
      rawType: data.type,
      requestId: usableId(data.request_id),
      subject: data.subject,
      description: data.description,
      inviteLink: data.invite_link,
      participants,
      initiatedBy: data.initiated_by,
      errors,
      timestamp: data.timestamp,
    };
    return event;
  });
}

function changeOf(field: string, type: string | null, failed: boolean): GroupChange {
  if (field === 'group_settings_update') return 'settings_changed';
  if (field === 'group_status_update') return 'status_changed';
  switch (type) {
    case 'group_create':
      return failed ? 'create_failed' : 'created';
    case 'group_delete':
      return failed ? 'delete_failed' : 'deleted';
    case 'group_participants_add':
      return 'participants_added';
    case 'group_participants_remove':
      return 'participants_removed';
    case 'group_join_request_created':
      return 'join_requested';
    default:
      return 'other';
  }
}

/**
 * A `messages` item with a `group_id` is a participant writing in a group: the message is read exactly
 * as a one-to-one message is (parseMessage, untouched), then wrapped so it never reaches a patient's
 * one-to-one conversation.
 */
export function groupIdOfMessage(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = Reflect.get(raw, 'group_id');
  return typeof id === 'string' ? usableId(id) : null;
}

export function asGroupMessage(groupId: string, event: InboundEvent): InboundEvent {
  if (event.kind !== 'message') return event;
  const wrapped: GroupMessageEvent = {
    kind: 'group_message',
    channel: event.channel,
    accountId: event.accountId,
    groupId,
    message: event,
  };
  return wrapped;
}
