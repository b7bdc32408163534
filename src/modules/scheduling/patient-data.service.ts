import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { anyOf, deletedRows } from '../../platform/db/row-deletion.ts';
import { repointRows } from '../../platform/db/row-repointing.ts';
import { appointments, appointmentTypes, locations, practitioners } from './scheduling.schema.ts';

/** One patient's appointments, for the privacy module's export and erasure. */

export async function patientAppointmentIds(tx: DbOrTx, orgId: string, contactId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.orgId, orgId), eq(appointments.contactId, contactId)));
  return rows.map((row) => row.id);
}

/** In time order, with who, where and what; the reason is still sealed with the patient's key. */
export function readPatientAppointments(tx: DbOrTx, orgId: string, contactId: string) {
  return tx
    .select({
      appointment: appointments,
      practitioner: practitioners.name,
      location: locations.name,
      type: appointmentTypes.name,
    })
    .from(appointments)
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .leftJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(and(eq(appointments.orgId, orgId), eq(appointments.contactId, contactId)))
    .orderBy(asc(appointments.start));
}

export function deleteAppointmentsByIds(
  tx: DbOrTx,
  orgId: string,
  appointmentIds: string[],
): Promise<number> {
  return deletedRows(
    tx,
    appointments,
    and(eq(appointments.orgId, orgId), anyOf(appointments.id, appointmentIds)),
  );
}

/** For the patient-merge module: moves appointments (their reminders with them) to another record. */
export function moveAppointments(
  tx: DbOrTx,
  orgId: string,
  appointmentIds: readonly string[],
  toContactId: string,
): Promise<string[]> {
  return repointRows(tx, appointments, orgId, appointments.id, appointmentIds, toContactId);
}
