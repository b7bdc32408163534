import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ExportPage,
  type ExportQuery,
  exportPageOf,
  exportWindow,
  isoOrNull,
} from '../../platform/db/export-page.ts';
import { reminders } from './reminder.schema.ts';

/** Appointment reminders for the exports module, by the time they were due, oldest first. */
export async function exportRemindersPage(
  db: DbOrTx,
  orgId: string,
  query: ExportQuery,
): Promise<ExportPage> {
  const page = exportWindow({ orgId: reminders.orgId, at: reminders.dueAt, tie: reminders.id }, orgId, query);
  const rows = await db
    .select()
    .from(reminders)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit);
  return exportPageOf(
    rows,
    query.limit,
    (r) => r.dueAt,
    (r) => ({
      id: r.id,
      appointment_id: r.appointmentId,
      offset_minutes: r.offsetMinutes,
      due_at: r.dueAt.toISOString(),
      status: r.status,
      reason: r.reason,
      channel: r.channel,
      fallback_from: r.fallbackFrom,
      sent_at: isoOrNull(r.sentAt),
      response: r.response,
      responded_at: isoOrNull(r.respondedAt),
    }),
  );
}

export const REMINDER_EXPORT_COLUMNS = [
  'id',
  'appointment_id',
  'offset_minutes',
  'due_at',
  'status',
  'reason',
  'channel',
  'fallback_from',
  'sent_at',
  'response',
  'responded_at',
] as const;
