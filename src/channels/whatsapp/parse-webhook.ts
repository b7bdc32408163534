import { z } from 'zod';
import { findUnstorableText } from '../../platform/text/storable-text.ts';
import type { ChannelErrorEvent, InboundEvent } from '../inbound-event.ts';
import { toItemError } from './item-error.ts';
import { describeIssues, otherEvent, refusedPatientItem } from './other-event.ts';
import { asGroupMessage, GROUP_FIELDS, groupIdOfMessage, parseGroupChange } from './parse-group-fields.ts';
import { parseMessage } from './parse-message.ts';
import {
  ACCOUNT_FIELDS,
  type AccountScope,
  parseAccountChange,
  parseMessageEcho,
  parseTemplateChange,
  parseUserPreference,
  TEMPLATE_FIELDS,
} from './parse-other-fields.ts';
import { parseStatus } from './parse-status.ts';
import {
  changeSchema,
  contactsSchema,
  entrySchema,
  itemErrorSchema,
  type PhoneNumberScope,
  phoneNumberValueSchema,
  usableId,
  webhookEnvelopeSchema,
} from './webhook-envelope.schema.ts';

/** The body is not a WhatsApp Business Account webhook at all (wrong product, not JSON object). */
export class WebhookPayloadError extends Error {
  override name = 'WebhookPayloadError';
}

/**
 * A WhatsApp Cloud API webhook body (already JSON-parsed, untrusted) as channel-neutral events, in
 * payload order: per entry, per change, `messages[]`, then `statuses[]`, then `errors[]`.
 *
 * Only a body that is not a WhatsApp envelope throws. Inside it, an item that cannot be read becomes an
 * `other` event saying why, and its neighbours are still returned: Meta batches several messages into
 * one delivery, and one odd item must not lose the others (nor make Meta retry the batch for 7 days).
 */
export function parseWhatsAppWebhook(payload: unknown): InboundEvent[] {
  const envelope = webhookEnvelopeSchema.safeParse(payload);
  if (!envelope.success) {
    throw new WebhookPayloadError(`not a WhatsApp webhook: ${describeIssues(envelope.error)}`);
  }
  return envelope.data.entry.flatMap(parseEntry).map(refuseUnstorable);
}

/**
 * The last line behind the wire schemas, which strip or refuse what PostgreSQL cannot store field by
 * field: an event that still carries such a character is refused, saying where, rather than failing
 * the storing of its whole delivery.
 */
function refuseUnstorable(event: InboundEvent): InboundEvent {
  const where = findUnstorableText(event, event.kind);
  if (where === null) return event;
  const externalId = 'externalId' in event ? usableId(event.externalId) : null;
  const refuse = PATIENT_KINDS.has(event.kind) ? refusedPatientItem : otherEvent;
  return refuse(usableId(event.accountId), event.kind, `unstorable characters in ${where}`, externalId);
}

/** What a patient sends: refusing one of these is an operator's business (see `refusedPatientItem`). */
const PATIENT_KINDS: ReadonlySet<InboundEvent['kind']> = new Set([
  'message',
  'reaction',
  'message_edited',
  'message_deleted',
  'group_message',
]);

/**
 * The distinct `metadata.phone_number_id`s a body is addressed to, in order of appearance; [] when there
 * are none or the body is not an envelope. It runs before the signature is checked (the phone number
 * tells which clinic's app secret to check with), so it reads anything without throwing.
 */
export function phoneNumberIdsOf(payload: unknown): string[] {
  const envelope = webhookEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return [];
  const ids = new Set<string>();
  for (const rawEntry of envelope.data.entry) {
    const entry = entrySchema.safeParse(rawEntry);
    for (const rawChange of entry.data?.changes ?? []) {
      const id = phoneNumberIdOf(changeSchema.safeParse(rawChange).data?.value);
      if (id !== null) ids.add(id);
    }
  }
  return [...ids];
}

/** Fields whose `value` is scoped to one phone number and carries lists of items. */
const PHONE_NUMBER_FIELDS: ReadonlySet<string> = new Set([
  'messages',
  'smb_message_echoes',
  'user_preferences',
]);

type ItemParser = (raw: unknown, scope: PhoneNumberScope) => InboundEvent;

/** The lists of a phone-number value, in the order their events are emitted. */
const ITEM_LISTS: ReadonlyArray<readonly [string, ItemParser]> = [
  ['messages', parseMessageOrGroupMessage],
  ['message_echoes', parseMessageEcho],
  ['statuses', parseStatus],
  ['user_preferences', parseUserPreference],
  ['errors', parseValueError],
];

const itemListSchema = z.array(z.unknown());

function parseEntry(raw: unknown): InboundEvent[] {
  const entry = entrySchema.safeParse(raw);
  if (!entry.success) return [otherEvent(null, 'entry', `malformed entry: ${describeIssues(entry.error)}`)];
  const scope: AccountScope = { wabaId: entry.data.id, time: entry.data.time };
  return entry.data.changes.flatMap((change) => parseChange(change, scope));
}

function parseChange(raw: unknown, scope: AccountScope): InboundEvent[] {
  const change = changeSchema.safeParse(raw);
  if (!change.success)
    return [otherEvent(null, 'change', `malformed change: ${describeIssues(change.error)}`)];
  const { field, value } = change.data;
  if (PHONE_NUMBER_FIELDS.has(field)) return parsePhoneNumberValue(field, value);
  if (TEMPLATE_FIELDS.has(field)) return [parseTemplateChange(field, value, scope)];
  if (ACCOUNT_FIELDS.has(field)) return [parseAccountChange(field, value, scope)];
  if (GROUP_FIELDS.has(field)) return parseGroupChange(field, value);
  return [otherEvent(phoneNumberIdOf(value), field, 'webhook field not handled')];
}

function parsePhoneNumberValue(field: string, value: unknown): InboundEvent[] {
  const parsed = phoneNumberValueSchema.safeParse(value);
  if (!parsed.success) return [otherEvent(null, field, `malformed value: ${describeIssues(parsed.error)}`)];
  const scope: PhoneNumberScope = {
    accountId: parsed.data.metadata.phone_number_id,
    contacts: contactsSchema.parse(parsed.data.contacts),
  };
  return ITEM_LISTS.flatMap(([key, parseItem]) => {
    if (parsed.data[key] === undefined) return [];
    const list = itemListSchema.safeParse(parsed.data[key]);
    if (!list.success) {
      const refuse = key === 'messages' ? refusedPatientItem : otherEvent;
      return [refuse(scope.accountId, key, `${key} is not a list`)];
    }
    return list.data.map((item) => parseItem(item, scope));
  });
}

/** A participant's message in a group (it carries `group_id`) is kept apart from one-to-one messages. */
function parseMessageOrGroupMessage(raw: unknown, scope: PhoneNumberScope): InboundEvent {
  const event = parseMessage(raw, scope);
  const groupId = groupIdOfMessage(raw);
  return groupId === null ? event : asGroupMessage(groupId, event);
}

/** A `value.errors[]` item: Meta could not build the webhook it meant to send (e.g. 131000). */
function parseValueError(raw: unknown, scope: PhoneNumberScope): InboundEvent {
  const parsed = itemErrorSchema.safeParse(raw);
  if (!parsed.success) return otherEvent(scope.accountId, 'error', 'malformed error');
  const event: ChannelErrorEvent = {
    kind: 'error',
    channel: 'whatsapp',
    accountId: scope.accountId,
    ...toItemError(parsed.data),
  };
  return event;
}

function phoneNumberIdOf(value: unknown): string | null {
  return phoneNumberValueSchema.safeParse(value).data?.metadata.phone_number_id ?? null;
}
