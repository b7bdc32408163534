import type { z } from 'zod';
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

/**
 * Where and why a payload failed its schema. Zod's messages name types, never values, so the text is
 * safe to log without leaking message content.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
