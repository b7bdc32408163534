import type { OtherEvent } from '../inbound-event.ts';
import type { MetaMessagingChannel } from './meta-messaging-channel.ts';

/** Where a messaging event happened: the channel, our Page or Instagram account, and the entry's time. */
export interface EntryScope {
  channel: MetaMessagingChannel;
  accountId: string | null;
  /** `entry.time`: when Meta sent the batch; the fallback for events that carry no time of their own. */
  time: string | null;
}

/** Something recognised but not handled, or unreadable: reported, never thrown. */
export function otherEvent(
  scope: EntryScope,
  rawType: string | null,
  reason: string,
  extra: { externalId?: string | null; timestamp?: string | null } = {},
): OtherEvent {
  return {
    kind: 'other',
    channel: scope.channel,
    accountId: scope.accountId,
    rawType,
    reason,
    externalId: extra.externalId ?? null,
    timestamp: extra.timestamp ?? null,
  };
}

/**
 * Something a patient sent (a message, a tap, a reaction) that cannot be read: not ours to drop quietly,
 * so an operator hears of it.
 */
export function refusedPatientItem(
  scope: EntryScope,
  rawType: string | null,
  reason: string,
  extra: { externalId?: string | null; timestamp?: string | null } = {},
): OtherEvent {
  return { ...otherEvent(scope, rawType, reason, extra), fromPatient: true };
}

export { describeIssues } from '../schema-issues.ts';
