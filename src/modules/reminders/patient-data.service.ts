import { and, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { anyOf, deletedRows } from '../../platform/db/row-deletion.ts';
import { reminders } from './reminder.schema.ts';

/** For the privacy module's erasure: reminders of the patient's appointments or tied to their messages. */
export function deletePatientReminders(
  tx: DbOrTx,
  orgId: string,
  appointmentIds: string[],
  messageIds: string[],
): Promise<number> {
  return deletedRows(
    tx,
    reminders,
    and(
      eq(reminders.orgId, orgId),
      or(anyOf(reminders.appointmentId, appointmentIds), anyOf(reminders.messageId, messageIds)),
    ),
  );
}
