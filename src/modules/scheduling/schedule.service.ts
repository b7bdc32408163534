import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ScheduleException,
  type WeeklyRange,
  weeklyScheduleSchema,
} from './availability/weekly-schedule.ts';
import { availabilityException } from './clinic-availability.ts';
import { findLocation } from './location.repository.ts';
import { findPractitioner } from './practitioner.repository.ts';
import {
  findSchedule,
  insertSchedule,
  listSchedulesOfOrg,
  type ScheduleChange,
  updateSchedule,
} from './schedule.repository.ts';
import type { Location, Schedule } from './scheduling.schema.ts';
import {
  InvalidSchedulingInputError,
  SchedulingNotFoundError,
  UnknownReferenceError,
} from './scheduling-errors.ts';

export interface ScheduleInput {
  practitionerId: string;
  locationId: string;
  /** Weekly hours, wall-clock time in the location's zone. */
  hours: readonly WeeklyRange[];
  breaks?: readonly WeeklyRange[];
  /** Holidays and special days. */
  exceptions?: readonly ScheduleException[];
  /** Local dates YYYY-MM-DD, inclusive. */
  validFrom?: string | null;
  validTo?: string | null;
}

export type ScheduleChangeInput = Partial<Omit<ScheduleInput, 'practitionerId'>>;

export async function listSchedules(
  db: DbOrTx,
  orgId: string,
  filter: { practitionerId?: string } = {},
): Promise<Schedule[]> {
  return listSchedulesOfOrg(db, orgId, filter);
}

export async function getSchedule(db: DbOrTx, orgId: string, id: string): Promise<Schedule> {
  const schedule = await findSchedule(db, orgId, id);
  if (!schedule) throw new SchedulingNotFoundError('Schedule');
  return schedule;
}

/**
 * Adds when a practitioner works at a place, checked by the availability rules (HH:MM ranges that end
 * after they start, one exception per date, validity in order): `InvalidSchedulingInputError` names
 * each fault by its input path; `UnknownReferenceError` names a practitioner or place not the clinic's.
 */
export async function createSchedule(db: DbOrTx, orgId: string, input: ScheduleInput): Promise<Schedule> {
  if (!(await findPractitioner(db, orgId, input.practitionerId))) {
    throw new UnknownReferenceError('practitionerId', 'is not a practitioner of this clinic');
  }
  const location = await locationOf(db, orgId, input.locationId);
  const values = checkedValues(input, location);
  return insertSchedule(db, { orgId, practitionerId: input.practitionerId, ...values });
}

/** Changes what is given; the whole schedule is checked again as it will be. */
export async function changeSchedule(
  db: DbOrTx,
  orgId: string,
  id: string,
  change: ScheduleChangeInput,
): Promise<Schedule> {
  const current = await getSchedule(db, orgId, id);
  const merged: ScheduleInput = {
    practitionerId: current.practitionerId,
    locationId: change.locationId ?? current.locationId,
    hours: change.hours ?? current.hours,
    breaks: change.breaks ?? current.breaks,
    exceptions: change.exceptions ?? current.exceptions.map(availabilityException),
    validFrom: change.validFrom === undefined ? current.validFrom : change.validFrom,
    validTo: change.validTo === undefined ? current.validTo : change.validTo,
  };
  const location = await locationOf(db, orgId, merged.locationId);
  const updated = await updateSchedule(db, orgId, id, checkedValues(merged, location));
  if (!updated) throw new SchedulingNotFoundError('Schedule');
  return updated;
}

async function locationOf(db: DbOrTx, orgId: string, locationId: string): Promise<Location> {
  const location = await findLocation(db, orgId, locationId);
  if (!location) throw new UnknownReferenceError('locationId', 'is not a place of this clinic');
  return location;
}

function checkedValues(input: ScheduleInput, location: Location): Required<ScheduleChange> {
  const parsed = weeklyScheduleSchema.safeParse({
    practitionerId: input.practitionerId,
    locationId: input.locationId,
    timeZone: location.timeZone,
    hours: input.hours,
    breaks: input.breaks ?? [],
    exceptions: input.exceptions ?? [],
    ...(input.validFrom === undefined || input.validFrom === null ? {} : { validFrom: input.validFrom }),
    ...(input.validTo === undefined || input.validTo === null ? {} : { validTo: input.validTo }),
  });
  if (!parsed.success) {
    throw new InvalidSchedulingInputError(
      parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  const schedule = parsed.data;
  return {
    locationId: input.locationId,
    hours: schedule.hours,
    breaks: schedule.breaks,
    exceptions: schedule.exceptions,
    validFrom: schedule.validFrom ?? null,
    validTo: schedule.validTo ?? null,
  };
}
