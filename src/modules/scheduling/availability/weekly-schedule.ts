import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MINUTES_PER_DAY = 24 * 60;

/** Minutes since local midnight of an `HH:MM` time; `24:00` is the end of the day (1440). */
export function minutesOfDay(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** `HH:MM` of a minute of the day, the inverse of `minutesOfDay`. */
export function clockTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

// The longest IANA zone name is 32 characters (America/Argentina/ComodRivadavia).
export const timeZoneSchema = z
  .string({ error: 'timeZone must be a string' })
  .max(64, { error: 'timeZone must be an IANA time zone such as Europe/Paris', abort: true })
  .refine(isTimeZone, { error: 'timeZone must be an IANA time zone such as Europe/Paris' });

const startTime = z
  .string({ error: 'start must be a time HH:MM' })
  .max(5, { error: 'start must be a time HH:MM, from 00:00 to 23:59', abort: true })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'start must be a time HH:MM, from 00:00 to 23:59');
// A range may run to midnight: 24:00 says so without wrapping to the next day.
const endTime = z
  .string({ error: 'end must be a time HH:MM' })
  .max(5, { error: 'end must be a time HH:MM, from 00:01 to 24:00', abort: true })
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'end must be a time HH:MM, from 00:01 to 24:00');

function endsAfterStart(range: { start: string; end: string }): boolean {
  return minutesOfDay(range.end) > minutesOfDay(range.start);
}
const endAfterStartError = {
  error: 'end must be after start (a range cannot cross midnight: split it over two days)',
  path: ['end'],
};

const weekday = z.enum(WEEKDAYS, { error: `day must be one of ${WEEKDAYS.join(', ')}` });

/** A stretch of one day in local wall-clock time. */
export const localRangeSchema = z
  .strictObject({ start: startTime, end: endTime })
  .refine(endsAfterStart, endAfterStartError);
export type LocalRange = z.infer<typeof localRangeSchema>;

/** A stretch of every given weekday, in local wall-clock time. */
export const weeklyRangeSchema = z
  .strictObject({ day: weekday, start: startTime, end: endTime })
  .refine(endsAfterStart, endAfterStartError);
export type WeeklyRange = z.infer<typeof weeklyRangeSchema>;

const localDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

const exceptionReason = z.string().max(500, 'reason must be at most 500 characters').optional();

/** A dated override of the weekly pattern: closed all day (a holiday) or open with special hours. */
export const scheduleExceptionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('closed'), date: localDate, reason: exceptionReason }),
    z.strictObject({
      kind: z.literal('hours'),
      date: localDate,
      hours: z
        .array(localRangeSchema)
        .min(1, 'hours must hold at least one range (use kind "closed" instead)')
        .max(48, 'hours must hold at most 48 ranges'),
      reason: exceptionReason,
    }),
  ],
  { error: 'kind must be closed or hours' },
);
export type ScheduleException = z.infer<typeof scheduleExceptionSchema>;

/**
 * When a practitioner works at a location, in the spirit of FHIR Schedule + availableTime: weekly hours
 * (several ranges a day allowed), weekly breaks taken out of them, and dated exceptions. All times are
 * wall-clock times in `timeZone`, so 09:00 stays 09:00 when the clocks change.
 */
export const weeklyScheduleSchema = z
  .strictObject({
    practitionerId: z.string().min(1, 'practitionerId is required'),
    locationId: z.string().min(1, 'locationId is required'),
    timeZone: timeZoneSchema,
    hours: z.array(weeklyRangeSchema),
    breaks: z.array(weeklyRangeSchema).default([]),
    exceptions: z.array(scheduleExceptionSchema).default([]),
    /** First local date the schedule applies, inclusive. */
    validFrom: localDate.optional(),
    /** Last local date the schedule applies, inclusive. */
    validTo: localDate.optional(),
  })
  .check((ctx) => {
    const { validFrom, validTo, exceptions } = ctx.value;
    if (validFrom !== undefined && validTo !== undefined && validTo < validFrom) {
      ctx.issues.push({
        code: 'custom',
        input: validTo,
        path: ['validTo'],
        message: 'validTo must not be before validFrom',
      });
    }
    const seen = new Set<string>();
    exceptions.forEach((exception, index) => {
      if (seen.has(exception.date)) {
        ctx.issues.push({
          code: 'custom',
          input: exception.date,
          path: ['exceptions', index, 'date'],
          message: `${exception.date} has more than one exception: merge them`,
        });
      }
      seen.add(exception.date);
    });
  });

export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;
export type WeeklyScheduleInput = z.input<typeof weeklyScheduleSchema>;
