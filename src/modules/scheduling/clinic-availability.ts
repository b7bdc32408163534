import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../platform/db/db.ts';
import { heldTimesOf } from './appointment.repository.ts';
import type { AvailabilityQuery, BusyInterval } from './availability/availability-query.ts';
import type {
  ScheduleException as AvailabilityException,
  WeeklySchedule,
} from './availability/weekly-schedule.ts';
import { busyCalendarCopiesOf } from './busy-calendar.repository.ts';
import { schedulesWithLocations } from './schedule.repository.ts';
import type {
  AppointmentType,
  Location,
  Practitioner,
  Schedule,
  ScheduleException,
} from './scheduling.schema.ts';

/** Everything availability is computed from, gathered from the database for one appointment type. */
export interface ClinicAvailability {
  /** Without `from`, `to` and `limit`: the caller narrows it. */
  query: AvailabilityQuery;
  practitioners: ReadonlyMap<string, Practitioner>;
  locations: ReadonlyMap<string, Location>;
}

export interface ClinicAvailabilityInput {
  type: AppointmentType;
  /** Those who may be offered; filtering them (active, specialty…) is the caller's. */
  practitioners: readonly Practitioner[];
  /** Only the schedules worked at this place. */
  locationId?: string;
  now: Date;
  /** An appointment being moved: its own time does not block its new time. */
  excludeAppointmentId?: string;
}

/**
 * The availability query of these practitioners for this type: their schedules in their places' time
 * zones, the time their blocking appointments hold (with each appointment's own buffers, so a new slot
 * never eats into the preparation or cleaning another one needs) and their external busy calendars.
 * Undefined when none of them has a schedule.
 */
export async function clinicAvailability(
  db: DbOrTx,
  orgId: string,
  input: ClinicAvailabilityInput,
): Promise<ClinicAvailability | undefined> {
  const { type, now } = input;
  const practitionerIds = input.practitioners.map((p) => p.id);
  const rows = (await schedulesWithLocations(db, orgId, practitionerIds)).filter(
    (row) => input.locationId === undefined || row.location.id === input.locationId,
  );
  if (rows.length === 0) return undefined;

  // Buffers are at most a day each (the API's limit): two days either side cover every overlap.
  const from = new Date(now.getTime() - 2 * DAY_MS);
  const to = new Date(now.getTime() + (type.horizonDays + 3) * DAY_MS);
  const held = await heldTimesOf(db, orgId, practitionerIds, {
    from,
    to,
    ...(input.excludeAppointmentId === undefined ? {} : { excludeAppointmentId: input.excludeAppointmentId }),
  });
  const external = await busyCalendarCopiesOf(db, orgId, practitionerIds);
  const busy: BusyInterval[] = [
    ...held.map((h) => ({
      practitionerId: h.practitionerId,
      start: new Date(h.start.getTime() - h.bufferBeforeMinutes * MINUTE_MS).toISOString(),
      end: new Date(h.end.getTime() + h.bufferAfterMinutes * MINUTE_MS).toISOString(),
    })),
    ...external.flatMap((copy) =>
      copy.busy
        .filter((b) => Temporal.Instant.compare(b.end, b.start) > 0)
        .map((b) => ({ practitionerId: copy.practitionerId, start: b.start, end: b.end })),
    ),
  ];

  return {
    query: {
      schedules: rows.map((row) => weeklyScheduleOf(row.schedule, row.location)),
      appointmentType: {
        durationMinutes: type.durationMinutes,
        bufferBeforeMinutes: type.bufferBeforeMinutes,
        bufferAfterMinutes: type.bufferAfterMinutes,
      },
      busy,
      now: now.toISOString(),
      minimumNoticeMinutes: type.minimumNoticeMinutes,
      horizonDays: type.horizonDays,
      slotStepMinutes: type.slotStepMinutes,
    },
    practitioners: new Map(input.practitioners.map((p) => [p.id, p])),
    locations: new Map(rows.map((row) => [row.location.id, row.location])),
  };
}

function weeklyScheduleOf(schedule: Schedule, location: Location): WeeklySchedule {
  return {
    practitionerId: schedule.practitionerId,
    locationId: schedule.locationId,
    timeZone: location.timeZone,
    hours: schedule.hours,
    breaks: schedule.breaks,
    exceptions: schedule.exceptions.map(availabilityException),
    ...(schedule.validFrom === null ? {} : { validFrom: schedule.validFrom }),
    ...(schedule.validTo === null ? {} : { validTo: schedule.validTo }),
  };
}

/** A stored exception as the availability rules spell it (special hours always carry their hours). */
export function availabilityException(exception: ScheduleException): AvailabilityException {
  const reason = exception.reason === undefined ? {} : { reason: exception.reason };
  switch (exception.kind) {
    case 'closed':
      return { kind: 'closed', date: exception.date, ...reason };
    case 'hours':
      // Stored exceptions were validated on the way in; special hours without hours close the day.
      return exception.hours === undefined || exception.hours.length === 0
        ? { kind: 'closed', date: exception.date, ...reason }
        : { kind: 'hours', date: exception.date, hours: exception.hours, ...reason };
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
