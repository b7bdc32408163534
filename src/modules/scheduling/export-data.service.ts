import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ExportPage,
  type ExportQuery,
  exportPageOf,
  exportWindow,
  isoOrNull,
} from '../../platform/db/export-page.ts';
import type { Keyring } from '../keys/keyring.ts';
import { appointments } from './scheduling.schema.ts';

/**
 * Appointments for the exports module, by their start, oldest first. The reason is the patient's own
 * words about their health: opened with their key for callers with medical.read, left empty otherwise.
 */
export async function exportAppointmentsPage(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  query: ExportQuery,
): Promise<ExportPage> {
  const page = exportWindow(
    { orgId: appointments.orgId, at: appointments.start, tie: appointments.id },
    orgId,
    query,
  );
  const rows = await db
    .select()
    .from(appointments)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const opener = query.seesMedical
    ? await keyring.opener(
        db,
        orgId,
        rows.map((r) => r.reason),
      )
    : undefined;
  return exportPageOf(
    rows,
    query.limit,
    (r) => r.start,
    (r) => ({
      id: r.id,
      patient_id: r.contactId,
      practitioner_id: r.practitionerId,
      location_id: r.locationId,
      appointment_type_id: r.appointmentTypeId,
      status: r.status,
      start: r.start.toISOString(),
      end: r.end.toISOString(),
      reason: opener ? opener.open(r.reason, 'appointments.reason') : null,
      source: r.source,
      conversation_id: r.conversationId,
      confirmed_at: isoOrNull(r.confirmedAt),
      cancelled_at: isoOrNull(r.cancelledAt),
      cancelled_by: r.cancelledBy,
      rescheduled_from_id: r.rescheduledFromId,
      created_at: r.createdAt.toISOString(),
    }),
  );
}

export const APPOINTMENT_EXPORT_COLUMNS = [
  'id',
  'patient_id',
  'practitioner_id',
  'location_id',
  'appointment_type_id',
  'status',
  'start',
  'end',
  'reason',
  'source',
  'conversation_id',
  'confirmed_at',
  'cancelled_at',
  'cancelled_by',
  'rescheduled_from_id',
  'created_at',
] as const;
