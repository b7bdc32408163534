import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../platform/db/db.ts';
import { contactExists } from '../contacts/contact.service.ts';
import { findConversation } from '../inbox/conversation.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  findAppointment,
  insertAppointment,
  lockAppointment,
  updateAppointment,
} from './appointment.repository.ts';
import type { AppointmentReminders } from './appointment-reminders.ts';
import { findAppointmentType } from './appointment-type.repository.ts';
import { availableSlots } from './availability/available-slots.ts';
import { clinicAvailability } from './clinic-availability.ts';
import { findLocation } from './location.repository.ts';
import { lockPractitioner } from './practitioner.repository.ts';
import { practitionersOffering } from './practitioners-offering.ts';
import type { Appointment, AppointmentType, Practitioner } from './scheduling.schema.ts';
import {
  AppointmentStatusConflictError,
  InvalidSchedulingInputError,
  SchedulingNotFoundError,
  SlotTakenError,
  SlotUnavailableError,
  UnknownReferenceError,
} from './scheduling-errors.ts';

export interface BookAppointmentInput {
  contactId: string;
  practitionerId: string;
  locationId: string;
  appointmentTypeId: string;
  /** ISO 8601 instant, one of the slots `findSlots` offers. */
  start: string;
  reason?: string | null;
  source: Appointment['source'];
  conversationId?: string | null;
  createdByUserId?: string | null;
  /** The appointment this one replaces: it is cancelled in the same transaction, its reminders removed. */
  rescheduleOf?: string;
  now: Date;
}

/**
 * Books a slot, or throws `SlotTakenError` when it is no longer free (`SlotUnavailableError` when it
 * never was one). No double booking, ever: in one transaction the practitioner's row is locked, so
 * bookings of one practitioner take turns, and only then is the slot checked against availability and
 * every blocking appointment (buffers included) before the insert and the reminders' planning. With
 * `rescheduleOf`, the old appointment is cancelled (by the patient when booked by chat, else by the
 * staff) in the same transaction, so the patient never holds both nor neither.
 *
 * Other refusals: `UnknownReferenceError` naming the input field (a contact, place, type or conversation
 * that is not the clinic's), `SchedulingNotFoundError` for `rescheduleOf`, and
 * `AppointmentStatusConflictError` when the appointment to move is no longer booked.
 */
export async function bookAppointment(
  db: DbOrTx,
  keyring: Keyring,
  reminders: AppointmentReminders,
  orgId: string,
  input: BookAppointmentInput,
): Promise<Appointment> {
  const start = instantOf(input.start);
  return db.transaction(async (tx) => {
    const practitioner = await lockPractitioner(tx, orgId, input.practitionerId);
    if (!practitioner)
      throw new UnknownReferenceError('practitionerId', 'is not a practitioner of this clinic');
    const type = await findAppointmentType(tx, orgId, input.appointmentTypeId);
    if (!type?.active) {
      throw new UnknownReferenceError(
        'appointmentTypeId',
        'is not an active appointment type of this clinic',
      );
    }
    if (!(await findLocation(tx, orgId, input.locationId))) {
      throw new UnknownReferenceError('locationId', 'is not a place of this clinic');
    }
    await checkContactAndConversation(tx, orgId, input);
    const replaced = input.rescheduleOf === undefined ? undefined : await lockReplaced(tx, orgId, input);

    await checkSlotIsFree(tx, orgId, { type, practitioner, input, start, replacedId: replaced?.id });

    if (replaced) {
      await updateAppointment(tx, orgId, replaced.id, {
        status: 'cancelled',
        cancelledAt: input.now,
        cancelledBy: input.source === 'chat' ? 'patient' : 'staff',
        updatedAt: input.now,
      });
      await reminders.cancelPending(tx, orgId, replaced.id);
    }
    const appointment = await insertAppointment(tx, keyring, {
      orgId,
      contactId: input.contactId,
      practitionerId: practitioner.id,
      locationId: input.locationId,
      appointmentTypeId: type.id,
      status: 'booked',
      start: new Date(start.epochMilliseconds),
      end: new Date(start.add({ minutes: type.durationMinutes }).epochMilliseconds),
      reason: input.reason ?? null,
      source: input.source,
      conversationId: input.conversationId ?? null,
      createdByUserId: input.createdByUserId ?? null,
      rescheduledFromId: replaced?.id ?? null,
      createdAt: input.now,
      updatedAt: input.now,
    });
    await reminders.plan(tx, appointment, input.now);
    return appointment;
  });
}

export interface MoveAppointmentInput {
  /** ISO 8601 instant of the new time. */
  start: string;
  /** Another practitioner; the same one when left out. */
  practitionerId?: string;
  /** Another place; the same one when left out. */
  locationId?: string;
  source: Appointment['source'];
  createdByUserId?: string | null;
  now: Date;
}

/**
 * Moves an appointment to a new time (and practitioner or place): books the new one with
 * `rescheduleOf`, so the old one is cancelled in the same transaction. The same errors as
 * `bookAppointment`; an appointment without a type cannot be moved (its length is unknown).
 */
export async function moveAppointment(
  db: DbOrTx,
  keyring: Keyring,
  reminders: AppointmentReminders,
  orgId: string,
  id: string,
  input: MoveAppointmentInput,
): Promise<Appointment> {
  const current = await findAppointment(db, orgId, id);
  if (!current) throw new SchedulingNotFoundError('Appointment');
  if (current.appointmentTypeId === null) {
    throw new SlotUnavailableError(input.start, 'the appointment has no type, so its length is unknown');
  }
  const opener = await keyring.opener(db, orgId, [current.reason]);
  return bookAppointment(db, keyring, reminders, orgId, {
    contactId: current.contactId,
    practitionerId: input.practitionerId ?? current.practitionerId,
    locationId: input.locationId ?? current.locationId,
    appointmentTypeId: current.appointmentTypeId,
    start: input.start,
    reason: opener.open(current.reason, 'appointments.reason'),
    source: input.source,
    conversationId: current.conversationId,
    createdByUserId: input.createdByUserId ?? null,
    rescheduleOf: current.id,
    now: input.now,
  });
}

async function checkSlotIsFree(
  tx: DbOrTx,
  orgId: string,
  booking: {
    type: AppointmentType;
    practitioner: Practitioner;
    input: BookAppointmentInput;
    start: Temporal.Instant;
    replacedId: string | undefined;
  },
): Promise<void> {
  const { type, practitioner, input, start } = booking;
  const startText = start.toString();
  if (practitionersOffering(type, [practitioner], {}).length === 0) {
    throw new SlotUnavailableError(startText, 'this practitioner does not offer this appointment type');
  }
  // Read after the lock: whoever booked before us has committed, and READ COMMITTED sees it.
  const availability = await clinicAvailability(tx, orgId, {
    type,
    practitioners: [practitioner],
    locationId: input.locationId,
    now: input.now,
    ...(booking.replacedId === undefined ? {} : { excludeAppointmentId: booking.replacedId }),
  });
  if (!availability) {
    throw new SlotUnavailableError(startText, 'the practitioner has no schedule at this place');
  }
  const window = { from: startText, to: start.add({ milliseconds: 1 }).toString() };
  const isOffered = (busy: typeof availability.query.busy) =>
    availableSlots({ ...availability.query, ...window, busy }).some(
      (slot) => slot.start === startText && slot.locationId === input.locationId,
    );
  if (isOffered(availability.query.busy)) return;
  if (isOffered([])) throw new SlotTakenError(startText);
  throw new SlotUnavailableError(
    startText,
    'not one of the practitioner’s slots (outside working hours, too soon, too far ahead, or off the slot grid)',
  );
}

async function checkContactAndConversation(
  tx: DbOrTx,
  orgId: string,
  input: BookAppointmentInput,
): Promise<void> {
  if (!(await contactExists(tx, orgId, input.contactId))) {
    throw new UnknownReferenceError('contactId', 'is not a contact of this clinic');
  }
  if (input.conversationId === undefined || input.conversationId === null) return;
  const conversation = await findConversation(tx, orgId, input.conversationId);
  if (conversation?.contactId !== input.contactId) {
    throw new UnknownReferenceError('conversationId', 'is not a conversation with this contact');
  }
}

async function lockReplaced(tx: DbOrTx, orgId: string, input: BookAppointmentInput): Promise<Appointment> {
  const replaced = await lockAppointment(tx, orgId, input.rescheduleOf ?? '');
  if (!replaced) throw new SchedulingNotFoundError('Appointment');
  if (replaced.contactId !== input.contactId) {
    throw new UnknownReferenceError('rescheduleOf', 'is an appointment of another contact');
  }
  if (replaced.status !== 'booked' && replaced.status !== 'proposed') {
    throw new AppointmentStatusConflictError(replaced.status, 'moved');
  }
  return replaced;
}

function instantOf(text: string): Temporal.Instant {
  try {
    return Temporal.Instant.from(text);
  } catch {
    throw new InvalidSchedulingInputError([
      { field: 'start', message: 'must be an ISO 8601 instant with Z or an offset' },
    ]);
  }
}
