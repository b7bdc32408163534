import type { DbOrTx } from '../../platform/db/db.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import { remindersOfAppointment } from './reminder.repository.ts';
import type { Reminder } from './reminder.schema.ts';

export interface AppointmentReminder {
  reminder: Reminder;
  /** The channel of the message that carried it; null when none went out. */
  channel: ChannelType | null;
}

/**
 * Where an appointment's reminders stand: planned, sent (and on which channel), or skipped, held or
 * failed with the reason; earliest due first.
 */
export async function appointmentReminders(
  db: DbOrTx,
  orgId: string,
  appointmentId: string,
): Promise<AppointmentReminder[]> {
  const rows = await remindersOfAppointment(db, orgId, appointmentId);
  const accounts = rows.some((r) => r.channelAccountId) ? await listChannelAccountsOfOrg(db, orgId) : [];
  return rows.map(({ reminder, channelAccountId }) => ({
    reminder,
    channel: accounts.find((a) => a.id === channelAccountId)?.type ?? null,
  }));
}
