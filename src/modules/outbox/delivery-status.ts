import { MESSAGE_STATUSES, type MessageStatus } from '../inbox/message-statuses.ts';

/** What providers report about a message we sent. */
export type ReportedStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

const PROGRESS: Partial<Record<MessageStatus, number>> = {
  queued: 0,
  sending: 0,
  accepted: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  played: 5,
};

/**
 * The status a message moves to when a provider reports `reported`, or null to ignore it.
 * Statuses only move forward (a late `delivered` never downgrades `read`); `failed` ends the
 * message unless the patient already has it; nothing moves a failed or inbound message.
 */
export function nextStatus(current: MessageStatus, reported: ReportedStatus): MessageStatus | null {
  const currentRank = PROGRESS[current];
  if (currentRank === undefined) return null;
  if (reported === 'failed') return currentRank < (PROGRESS.delivered ?? 3) ? 'failed' : null;
  const reportedRank = PROGRESS[reported] ?? -1;
  return reportedRank > currentRank ? reported : null;
}

/** The current statuses from which `reported` moves a message: the SQL guard for nextStatus. */
export function statusesThatMayBecome(reported: ReportedStatus): MessageStatus[] {
  return MESSAGE_STATUSES.filter((status) => nextStatus(status, reported) !== null);
}
