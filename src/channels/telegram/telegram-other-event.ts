import type { OtherEvent } from '../inbound-event.ts';

/** A Telegram update we recognise but do not handle, or cannot read: reported, never thrown. */
export function otherEvent(rawType: string | null, reason: string, updateId?: number): OtherEvent {
  const event: OtherEvent = { kind: 'other', channel: 'telegram', accountId: null, rawType, reason };
  return updateId === undefined ? event : { ...event, updateId };
}

/**
 * Something a patient sent (a message, an edit, a tap, a reaction) that cannot be read or stored: unlike
 * an update kind we do not handle, it is not ours to drop quietly, so an operator hears of it.
 */
export function refusedPatientItem(rawType: string, reason: string, updateId: number): OtherEvent {
  return { ...otherEvent(rawType, reason, updateId), fromPatient: true };
}

export { describeIssues } from '../schema-issues.ts';
