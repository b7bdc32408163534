import { findUnstorableText } from '../../platform/text/storable-text.ts';
import type { InboundEvent } from '../inbound-event.ts';
import { describeIssues, type EntryScope, otherEvent, refusedPatientItem } from './messenger-other-event.ts';
import { entrySchema, envelopeSchema, usableId, wireName } from './messenger-wire.schema.ts';
import { CHANNEL_NAME, type MetaMessagingChannel, WEBHOOK_OBJECT } from './meta-messaging-channel.ts';
import { parseMessagingItem } from './parse-messaging-item.ts';

/**
 * A Messenger (`object: "page"`) or Instagram (`object: "instagram"`) webhook body, already JSON-parsed
 * and untrusted, as channel-neutral events in payload order: per entry, its `messaging[]` items.
 *
 * It never throws: a body that is not this channel's envelope is one `other` event, and an item that
 * cannot be read is an `other` event saying why while its neighbours are still returned (Meta batches
 * events, and one odd item must neither lose the others nor make Meta retry the batch).
 */
export function parseMessengerWebhook(body: unknown, channel: MetaMessagingChannel): InboundEvent[] {
  const envelope = envelopeSchema.safeParse(body);
  const noScope: EntryScope = { channel, accountId: null, time: null };
  if (!envelope.success) {
    return [
      otherEvent(noScope, null, `not a ${CHANNEL_NAME[channel]} webhook: ${describeIssues(envelope.error)}`),
    ];
  }
  if (envelope.data.object !== WEBHOOK_OBJECT[channel]) {
    const object = wireName(envelope.data.object) ?? 'unknown';
    return [otherEvent(noScope, `object/${object}`, `not a ${CHANNEL_NAME[channel]} webhook object`)];
  }
  return envelope.data.entry
    .flatMap((entry) => parseEntry(entry, channel))
    .map((event) => refuseUnstorable(event, channel));
}

/**
 * The Page ids (Messenger) or Instagram account ids a body is for, in order of appearance, for routing
 * by body. It runs before the signature is checked (the account tells whose app secret to check with),
 * so it reads anything without throwing and trusts nothing else in the body.
 */
export function messengerAccountKeys(body: unknown, channel: MetaMessagingChannel): string[] {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success || envelope.data.object !== WEBHOOK_OBJECT[channel]) return [];
  const ids = new Set<string>();
  for (const raw of envelope.data.entry) {
    const id = entrySchema.safeParse(raw).data?.id;
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

function parseEntry(raw: unknown, channel: MetaMessagingChannel): InboundEvent[] {
  const entry = entrySchema.safeParse(raw);
  if (!entry.success) {
    const scope: EntryScope = { channel, accountId: null, time: null };
    return [otherEvent(scope, 'entry', `malformed entry: ${describeIssues(entry.error)}`)];
  }
  const scope: EntryScope = { channel, accountId: entry.data.id, time: entry.data.time };
  return [
    ...(entry.data.messaging ?? []).map((item) => parseMessagingItem(item, scope)),
    // Another app holds the conversation (handover protocol): seen, not ours to answer or store.
    ...(entry.data.standby ?? []).map(() =>
      otherEvent(scope, 'standby', 'another app holds the conversation'),
    ),
    ...(entry.data.changes ?? []).map((change) =>
      otherEvent(scope, changeType(change), 'not a messaging event'),
    ),
  ];
}

function changeType(change: unknown): string {
  const field = typeof change === 'object' && change !== null && 'field' in change ? change.field : null;
  return `changes/${wireName(field) ?? 'unknown'}`;
}

/** What a patient sends: refusing one of these is an operator's business. */
const PATIENT_KINDS: ReadonlySet<InboundEvent['kind']> = new Set([
  'message',
  'reaction',
  'message_edited',
  'message_deleted',
]);

/**
 * The last line behind the wire schemas, which already strip what PostgreSQL cannot store from free
 * text and refuse ids carrying it: an event that still holds such a character is refused, saying where.
 */
function refuseUnstorable(event: InboundEvent, channel: MetaMessagingChannel): InboundEvent {
  const where = findUnstorableText(event, event.kind);
  if (where === null) return event;
  const scope: EntryScope = { channel, accountId: usableId(event.accountId), time: null };
  const refuse = PATIENT_KINDS.has(event.kind) ? refusedPatientItem : otherEvent;
  return refuse(scope, event.kind, `unstorable characters in ${where}`);
}
