import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { instantSchema } from './busy-timeline.ts';
import { weeklyScheduleSchema } from './weekly-schedule.ts';

const minutes = (field: string, min: number, max: number) =>
  z
    .int({ error: `${field} must be a whole number of minutes` })
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

/** Busy time of one practitioner, or of everyone in the query when `practitionerId` is left out. */
export const busyIntervalSchema = z
  .strictObject({
    start: instantSchema,
    end: instantSchema,
    practitionerId: z.string().min(1, 'practitionerId must not be empty').optional(),
  })
  .refine((interval) => Temporal.Instant.compare(interval.start, interval.end) < 0, {
    error: 'end must be after start',
    path: ['end'],
  });
export type BusyInterval = z.infer<typeof busyIntervalSchema>;

export const availabilityQuerySchema = z
  .strictObject({
    schedules: z.array(weeklyScheduleSchema).min(1, 'schedules must hold at least one schedule'),
    appointmentType: z.strictObject({
      durationMinutes: minutes('durationMinutes', 5, 24 * 60),
      bufferBeforeMinutes: minutes('bufferBeforeMinutes', 0, 24 * 60).default(0),
      bufferAfterMinutes: minutes('bufferAfterMinutes', 0, 24 * 60).default(0),
    }),
    /** Booked appointments and external busy blocks. */
    busy: z.array(busyIntervalSchema).default([]),
    now: instantSchema,
    /** No slot starts sooner than this after `now`. */
    minimumNoticeMinutes: minutes('minimumNoticeMinutes', 0, 366 * 24 * 60),
    /** No slot starts this many days or more after `now` (calendar days in the schedule's time zone). */
    horizonDays: z
      .int({ error: 'horizonDays must be a whole number of days' })
      .min(1, 'horizonDays must be at least 1')
      .max(366, 'horizonDays must be at most 366'),
    /** Slots start every this many minutes from the start of each working stretch. */
    slotStepMinutes: minutes('slotStepMinutes', 5, 24 * 60),
    /** Only slots starting at or after this instant. */
    from: instantSchema.optional(),
    /** Only slots starting before this instant. */
    to: instantSchema.optional(),
    /** At most this many slots, the earliest. */
    limit: z.int().min(1, 'limit must be at least 1').optional(),
  })
  .meta({ id: 'AvailabilityQuery' });

export type AvailabilityQuery = z.input<typeof availabilityQuerySchema>;
export type ParsedAvailabilityQuery = z.infer<typeof availabilityQuerySchema>;

/** A bookable time: instants in ISO 8601 (UTC), and the zone to show it in. */
export interface Slot {
  start: string;
  end: string;
  practitionerId: string;
  locationId: string;
  timeZone: string;
}

/** A query that cannot be answered, with every field at fault and why, for the person who sent it. */
export class AvailabilityQueryError extends Error {
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`invalid availability query: ${issues.join('; ')}`);
    this.issues = issues;
    this.name = 'AvailabilityQueryError';
  }
}

export function parseAvailabilityQuery(query: AvailabilityQuery): ParsedAvailabilityQuery {
  const parsed = availabilityQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw new AvailabilityQueryError(
      parsed.error.issues.map((issue) =>
        issue.path.length === 0 ? issue.message : `${formatPath(issue.path)}: ${issue.message}`,
      ),
    );
  }
  return parsed.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
