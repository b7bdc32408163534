import type { DbOrTx } from '../../platform/db/db.ts';
import { findOrgByRef } from '../orgs/org.repository.ts';
import { appointmentRows } from './appointment.repository.ts';
import { appointmentInvite } from './availability/appointment-invite.ts';
import { SchedulingNotFoundError } from './scheduling-errors.ts';

/**
 * The `.ics` file sent to a patient after booking, in their language (French unless it is English):
 * "Rendez-vous : Consultation avec Dr Martin", the times, the place with its address. Throws
 * `SchedulingNotFoundError` when the appointment is not the clinic's.
 */
export async function appointmentInviteFor(
  db: DbOrTx,
  orgId: string,
  appointmentId: string,
  language: string,
  now: Date = new Date(),
): Promise<string> {
  const [row] = await appointmentRows(db, orgId, { ids: [appointmentId] });
  if (!row) throw new SchedulingNotFoundError('Appointment');
  const org = await findOrgByRef(db, orgId);
  const { appointment, location, type, practitionerName } = row;
  const english = language.toLowerCase().startsWith('en');
  const what = type ? (english ? type.name.en : type.name.fr) : english ? 'Appointment' : 'Rendez-vous';
  const summary = english
    ? `Appointment: ${what} with ${practitionerName}`
    : `Rendez-vous : ${what} avec ${practitionerName}`;
  return appointmentInvite(
    {
      id: appointment.id,
      start: appointment.start.toISOString(),
      end: appointment.end.toISOString(),
      status: appointment.status,
      summary,
      location: { name: location.name, ...(location.address ? { address: location.address } : {}) },
      updatedAt: appointment.updatedAt.toISOString(),
    },
    {
      // Calendars want an organizer address; the clinic is named, and `.invalid` never receives mail.
      organizer: { name: org?.name ?? location.name, email: `${org?.slug ?? 'clinic'}@careline.invalid` },
      timeZone: location.timeZone,
      now: now.toISOString(),
    },
  );
}
