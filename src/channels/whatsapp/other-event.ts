import type { OtherEvent } from '../inbound-event.ts';
import { providerName } from '../provider-name.ts';

/** A WhatsApp item we recognise but do not handle, or cannot read: reported, never thrown. */
export function otherEvent(
  accountId: string | null,
  rawType: string | null,
  reason: string,
  externalId: string | null = null,
): OtherEvent {
  const name = rawType === null ? null : providerName(rawType);
  return { kind: 'other', channel: 'whatsapp', accountId, rawType: name, reason, externalId };
}

/**
 * Something a patient sent (a message, a reaction, an edit or deletion of one) that cannot be stored
 * as it is: unlike a field we do not handle, it is not ours to drop quietly, so an operator hears of it.
 */
export function refusedPatientItem(
  accountId: string | null,
  rawType: string | null,
  reason: string,
  externalId: string | null = null,
): OtherEvent {
  return { ...otherEvent(accountId, rawType, reason, externalId), fromPatient: true };
}

export { describeIssues } from '../schema-issues.ts';
