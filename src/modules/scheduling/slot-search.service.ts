import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../platform/db/db.ts';
import { findAppointmentType, findAppointmentTypeByKey } from './appointment-type.repository.ts';
import { nextSlots } from './availability/next-slots.ts';
import type { TimePreference } from './availability/time-preference.ts';
import { clinicAvailability } from './clinic-availability.ts';
import { listPractitionersOfOrg } from './practitioner.repository.ts';
import { practitionersOffering } from './practitioners-offering.ts';
import type { AppointmentType } from './scheduling.schema.ts';
import { InvalidSchedulingInputError, SchedulingNotFoundError } from './scheduling-errors.ts';

export interface FindSlotsInput {
  /** The type by its key (`consultation`) or its id; one of the two. */
  appointmentTypeKey?: string;
  appointmentTypeId?: string;
  practitionerId?: string;
  /** Only among these practitioners. */
  practitionerIds?: readonly string[];
  /** Only practitioners of this specialty key. */
  specialty?: string;
  /** Only practitioners who consult in this language (BCP 47; `fr` matches `fr-BE`). */
  language?: string;
  /** When the patient would like it; the soonest slots when left out. */
  preference?: TimePreference;
  /** Only slots starting at or after this ISO 8601 instant. */
  from?: string;
  limit: number;
  now: Date;
  /** Starts already offered and turned down ("other times?"): never offered again. */
  excludeStarts?: readonly string[];
}

/** A bookable time with the names a patient or an agent is shown. Instants are ISO 8601 in UTC. */
export interface FoundSlot {
  start: string;
  end: string;
  practitionerId: string;
  practitionerName: string;
  locationId: string;
  locationName: string;
  timeZone: string;
}

export interface FoundSlots {
  slots: FoundSlot[];
  /** False when nothing fitted the preference and these are the nearest slots after it. */
  matchedPreference: boolean;
}

/**
 * The clinic's free slots for an appointment type, computed (never stored) from the schedules of the
 * practitioners who offer it, minus their blocking appointments and external busy calendars, with the
 * type's buffers, notice, horizon and step. Several practitioners' slots come interleaved by start.
 * Throws `SchedulingNotFoundError` when the type is not the clinic's or is inactive.
 */
export async function findSlots(db: DbOrTx, orgId: string, input: FindSlotsInput): Promise<FoundSlots> {
  const type = await typeOf(db, orgId, input);
  const practitioners = practitionersOffering(type, await listPractitionersOfOrg(db, orgId), {
    ...(input.practitionerId === undefined ? {} : { practitionerId: input.practitionerId }),
    ...(input.practitionerIds === undefined ? {} : { practitionerIds: input.practitionerIds }),
    ...(input.specialty === undefined ? {} : { specialty: input.specialty }),
    ...(input.language === undefined ? {} : { language: input.language }),
  });
  const preference = input.preference ?? { kind: 'asap' };
  const availability =
    practitioners.length === 0
      ? undefined
      : await clinicAvailability(db, orgId, { type, practitioners, now: input.now });
  if (availability === undefined) return { slots: [], matchedPreference: preference.kind === 'asap' };

  const excluded = new Set((input.excludeStarts ?? []).flatMap(instantKey));
  const found = nextSlots(
    { ...availability.query, ...(input.from === undefined ? {} : { from: input.from }) },
    preference,
    input.limit + excluded.size,
  );
  const slots = found.slots
    .filter((slot) => !excluded.has(slot.start))
    .slice(0, input.limit)
    .map((slot) => ({
      start: slot.start,
      end: slot.end,
      practitionerId: slot.practitionerId,
      practitionerName: availability.practitioners.get(slot.practitionerId)?.name ?? '',
      locationId: slot.locationId,
      locationName: availability.locations.get(slot.locationId)?.name ?? '',
      timeZone: slot.timeZone,
    }));
  return { slots, matchedPreference: found.matchedPreference };
}

async function typeOf(db: DbOrTx, orgId: string, input: FindSlotsInput): Promise<AppointmentType> {
  let type: AppointmentType | undefined;
  if (input.appointmentTypeId !== undefined)
    type = await findAppointmentType(db, orgId, input.appointmentTypeId);
  else if (input.appointmentTypeKey !== undefined) {
    type = await findAppointmentTypeByKey(db, orgId, input.appointmentTypeKey);
  } else {
    throw new InvalidSchedulingInputError([
      { field: 'appointmentTypeKey', message: 'give the appointment type, by key or by id' },
    ]);
  }
  if (!type?.active) throw new SchedulingNotFoundError('Appointment type');
  return type;
}

/** The form slots are written in (`2027-03-29T07:00:00Z`), so that any spelling of an instant matches. */
function instantKey(text: string): string[] {
  try {
    return [Temporal.Instant.from(text).toString()];
  } catch {
    return [];
  }
}
