import { and, asc, eq, gt, gte, inArray, lt, ne, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { contactLabels } from '../contacts/contact-labels.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  type Appointment,
  type AppointmentStatus,
  type AppointmentType,
  appointments,
  appointmentTypes,
  BLOCKING_APPOINTMENT_STATUSES,
  type Location,
  locations,
  practitioners,
} from './scheduling.schema.ts';

/** Books the row; the reason, the patient's own words, is sealed with the patient's key. */
export async function insertAppointment(
  tx: DbOrTx,
  keyring: Keyring,
  values: typeof appointments.$inferInsert,
): Promise<Appointment> {
  const sealer = await keyring.patient(tx, values.orgId, values.contactId);
  const reason = values.reason ?? null;
  const [appointment] = await tx
    .insert(appointments)
    .values({ ...values, reason: sealer.sealNullable(reason, 'appointments.reason') })
    .returning();
  if (!appointment) throw new Error('insert into appointments returned nothing');
  return { ...appointment, reason };
}

export async function findAppointment(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<Appointment | undefined> {
  const [appointment] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.orgId, orgId), eq(appointments.id, id)));
  return appointment;
}

/** The appointment that replaced this one when it was moved (by the patient or the staff), if any. */
export async function findReplacement(
  db: DbOrTx,
  orgId: string,
  replaced: Pick<Appointment, 'id' | 'contactId'>,
): Promise<Appointment | undefined> {
  // By contact first: the (org, contact, start) index finds the patient's few appointments at once.
  const [replacement] = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.orgId, orgId),
        eq(appointments.contactId, replaced.contactId),
        eq(appointments.rescheduledFromId, replaced.id),
      ),
    )
    .limit(1);
  return replacement;
}

/** Locks the appointment until the transaction ends: a move and a cancel of it take turns. */
export async function lockAppointment(
  tx: DbOrTx,
  orgId: string,
  id: string,
): Promise<Appointment | undefined> {
  const [appointment] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.orgId, orgId), eq(appointments.id, id)))
    .for('update');
  return appointment;
}

export async function updateAppointment(
  tx: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<Omit<Appointment, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>> & { updatedAt: Date },
): Promise<Appointment | undefined> {
  const [appointment] = await tx
    .update(appointments)
    .set(values)
    .where(and(eq(appointments.orgId, orgId), eq(appointments.id, id)))
    .returning();
  return appointment;
}

/** Time an appointment holds, with the buffers its type asks for around it. */
export interface HeldTime {
  practitionerId: string;
  start: Date;
  end: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

/** The time these practitioners' blocking appointments hold between `from` and `to`. */
export async function heldTimesOf(
  db: DbOrTx,
  orgId: string,
  practitionerIds: readonly string[],
  window: { from: Date; to: Date; excludeAppointmentId?: string },
): Promise<HeldTime[]> {
  if (practitionerIds.length === 0) return [];
  const rows = await db
    .select({
      practitionerId: appointments.practitionerId,
      start: appointments.start,
      end: appointments.end,
      bufferBeforeMinutes: appointmentTypes.bufferBeforeMinutes,
      bufferAfterMinutes: appointmentTypes.bufferAfterMinutes,
    })
    .from(appointments)
    .leftJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(
      and(
        eq(appointments.orgId, orgId),
        inArray(appointments.practitionerId, [...new Set(practitionerIds)]),
        inArray(appointments.status, [...BLOCKING_APPOINTMENT_STATUSES]),
        gt(appointments.end, window.from),
        lt(appointments.start, window.to),
        window.excludeAppointmentId === undefined
          ? undefined
          : ne(appointments.id, window.excludeAppointmentId),
      ),
    );
  return rows.map((r) => ({
    ...r,
    bufferBeforeMinutes: r.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: r.bufferAfterMinutes ?? 0,
  }));
}

export interface AppointmentFilter {
  ids?: readonly string[];
  practitionerId?: string;
  contactId?: string;
  statuses?: readonly AppointmentStatus[];
  /** Only appointments ending after this instant (with `startsBefore`: overlapping a stretch of time). */
  endsAfter?: Date;
  startsBefore?: Date;
  startsAtOrAfter?: Date;
  limit?: number;
}

/** An appointment with what is shown beside it: who, with whom, where, what. */
export interface AppointmentRow {
  appointment: Appointment;
  contactName: string | null;
  practitionerName: string;
  location: Location;
  type: AppointmentType | null;
}

/** The clinic's appointments matching the filter, earliest first. */
export async function appointmentRows(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  filter: AppointmentFilter,
): Promise<AppointmentRow[]> {
  if (filter.ids !== undefined && filter.ids.length === 0) return [];
  const conditions: Array<SQL | undefined> = [
    eq(appointments.orgId, orgId),
    filter.ids === undefined ? undefined : inArray(appointments.id, [...filter.ids]),
    filter.practitionerId === undefined ? undefined : eq(appointments.practitionerId, filter.practitionerId),
    filter.contactId === undefined ? undefined : eq(appointments.contactId, filter.contactId),
    filter.statuses === undefined ? undefined : inArray(appointments.status, [...filter.statuses]),
    filter.endsAfter === undefined ? undefined : gt(appointments.end, filter.endsAfter),
    filter.startsBefore === undefined ? undefined : lt(appointments.start, filter.startsBefore),
    filter.startsAtOrAfter === undefined ? undefined : gte(appointments.start, filter.startsAtOrAfter),
  ];
  const contact = contactLabels(db);
  const query = db
    .select({
      appointment: appointments,
      contactName: contact.displayName,
      practitionerName: practitioners.name,
      location: locations,
      type: appointmentTypes,
    })
    .from(appointments)
    .innerJoin(contact, and(eq(contact.id, appointments.contactId), eq(contact.orgId, orgId)))
    .innerJoin(
      practitioners,
      and(eq(practitioners.id, appointments.practitionerId), eq(practitioners.orgId, orgId)),
    )
    .innerJoin(locations, and(eq(locations.id, appointments.locationId), eq(locations.orgId, orgId)))
    .leftJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(and(...conditions))
    .orderBy(asc(appointments.start), asc(appointments.id));
  const rows = await (filter.limit === undefined ? query : query.limit(filter.limit));
  const opener = await keyring.opener(
    db,
    orgId,
    rows.flatMap((r) => [r.contactName, r.appointment.reason]),
  );
  return rows.map((row) => ({
    ...row,
    contactName: opener.open(row.contactName, 'contacts.display_name'),
    appointment: { ...row.appointment, reason: opener.open(row.appointment.reason, 'appointments.reason') },
  }));
}

// What the reminders read of appointments, lent so that their queries stay one statement each.

/**
 * A page of the clinic's booked appointments still to come, in id order after `afterId`: what a change
 * of the reminder rules plans again.
 */
export async function upcomingBookedAppointmentIds(
  db: DbOrTx,
  orgId: string,
  now: Date,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.orgId, orgId),
        eq(appointments.status, 'booked'),
        gt(appointments.start, now),
        afterId ? gt(appointments.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(appointments.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Share-locks these appointments until the transaction ends, skipping those being changed right now
 * (cancelled, moved): returns the ids it locked. A reminder of one of them can go; the others wait.
 */
export async function shareLockSteadyAppointments(tx: DbOrTx, ids: readonly string[]): Promise<string[]> {
  const steady = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(inArray(appointments.id, [...ids]))
    .for('share', { skipLocked: true });
  return steady.map((a) => a.id);
}

/**
 * Each appointment's patient and status, as a subquery another module joins to its own rows (a
 * reminder and its appointment) in one statement: PostgreSQL folds it into the join.
 */
export function appointmentsOfPatients(db: DbOrTx) {
  return db
    .select({
      id: appointments.id,
      orgId: appointments.orgId,
      contactId: appointments.contactId,
      status: appointments.status,
    })
    .from(appointments)
    .as('patient_appointment');
}

/**
 * The patients (record ids, as stored) with an appointment of the clinic starting in [from, to) in one
 * of `statuses`, optionally with one practitioner and of one type: a subquery a patient segment (a
 * dynamic group) matches its patients against in one statement.
 */
export function patientsWithAppointments(
  db: DbOrTx,
  orgId: string,
  filter: {
    from: Date;
    to: Date;
    statuses: readonly AppointmentStatus[];
    practitionerId?: string | undefined;
    appointmentTypeId?: string | undefined;
  },
) {
  return db
    .select({ contactId: appointments.contactId })
    .from(appointments)
    .where(
      and(
        eq(appointments.orgId, orgId),
        gte(appointments.start, filter.from),
        lt(appointments.start, filter.to),
        inArray(appointments.status, [...filter.statuses]),
        filter.practitionerId === undefined
          ? undefined
          : eq(appointments.practitionerId, filter.practitionerId),
        filter.appointmentTypeId === undefined
          ? undefined
          : eq(appointments.appointmentTypeId, filter.appointmentTypeId),
      ),
    );
}

/**
 * The clinic's appointments starting in [from, to) that took place or should have (neither cancelled
 * nor only proposed), with their practitioner's name: a subquery the reminders' report groups and
 * counts in one statement.
 */
export function heldAppointmentsBetween(db: DbOrTx, orgId: string, from: Date, to: Date) {
  return db
    .select({
      id: appointments.id,
      practitionerId: appointments.practitionerId,
      practitionerName: practitioners.name,
      status: appointments.status,
    })
    .from(appointments)
    .innerJoin(
      practitioners,
      and(eq(practitioners.id, appointments.practitionerId), eq(practitioners.orgId, orgId)),
    )
    .where(
      and(
        eq(appointments.orgId, orgId),
        gte(appointments.start, from),
        lt(appointments.start, to),
        ne(appointments.status, 'cancelled'),
        ne(appointments.status, 'proposed'),
      ),
    )
    .as('held_appointment');
}
