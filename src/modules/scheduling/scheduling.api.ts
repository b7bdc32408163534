import { z } from 'zod';
import { isLanguageTag, MAX_LANGUAGE_TAG_LENGTH } from '../contacts/language-tag.ts';
import {
  scheduleExceptionSchema,
  timeZoneSchema,
  weeklyRangeSchema,
} from './availability/weekly-schedule.ts';
import { availabilityException } from './clinic-availability.ts';
import type { PractitionerView } from './practitioner.service.ts';
import type { AppointmentType, Location, Schedule } from './scheduling.schema.ts';

/** JSON of the clinic's scheduling set-up: practitioners, places, appointment types, schedules. */

export const practitionerJson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    specialty: z.string(),
    languages: z.array(z.string()),
    user_id: z.uuid().nullable(),
    active: z.boolean(),
    busy_calendar_url: z
      .string()
      .nullable()
      .describe('Shown to administrators only: a private calendar link is a secret'),
    busy_calendar: z.object({
      url_set: z.boolean(),
      cached: z
        .enum(['url', 'upload'])
        .nullable()
        .describe('Where the busy times that block slots come from; null: none'),
      refreshed_at: z.iso.datetime().nullable(),
      error: z.string().nullable().describe('Why the last refresh failed; the last good copy is kept'),
    }),
    calendar_feed: z.boolean().describe('Whether an iCalendar feed token was made'),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Practitioner' });

export const locationJson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    time_zone: z.string(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Location' });

export const appointmentTypeJson = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.object({ fr: z.string(), en: z.string() }),
    duration_minutes: z.number().int(),
    buffer_before_minutes: z.number().int(),
    buffer_after_minutes: z.number().int(),
    minimum_notice_minutes: z.number().int(),
    horizon_days: z.number().int(),
    slot_step_minutes: z.number().int(),
    practitioner_ids: z.array(z.uuid()).describe('Who offers it; empty: every active practitioner'),
    active: z.boolean(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'AppointmentType' });

export const scheduleJson = z
  .object({
    id: z.uuid(),
    practitioner_id: z.uuid(),
    location_id: z.uuid(),
    hours: z.array(weeklyRangeSchema),
    breaks: z.array(weeklyRangeSchema),
    exceptions: z.array(scheduleExceptionSchema),
    valid_from: z.iso.date().nullable(),
    valid_to: z.iso.date().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Schedule' });

// Request fields shared by creation and change.
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const minutes = (min: number, max: number) =>
  z
    .int('must be a whole number of minutes')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const practitionerFields = {
  name: text(200),
  specialty: z
    .string()
    .max(64, { error: 'must be a specialty key: a-z, 0-9 and _', abort: true })
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a specialty key: a-z, 0-9 and _'),
  languages: z
    .array(
      z
        .string()
        .max(MAX_LANGUAGE_TAG_LENGTH, {
          error: `must be at most ${MAX_LANGUAGE_TAG_LENGTH} characters`,
          abort: true,
        })
        .refine(isLanguageTag, 'must be a BCP 47 language tag such as fr or en-GB'),
    )
    .min(1, 'must list at least one language')
    .max(20),
  user_id: z.uuid('must be a user id (UUID)').nullable(),
  active: z.boolean(),
  busy_calendar_url: z
    .url({ protocol: /^(https?|webcals?)$/, error: 'must be an http(s) or webcal URL' })
    .max(2000)
    .nullable(),
};

export const locationFields = {
  name: text(200),
  address: z.string().trim().max(500).nullable(),
  time_zone: timeZoneSchema,
};

export const appointmentTypeFields = {
  key: z
    .string()
    .max(64, { error: 'must be 1–64 of a-z, 0-9, _ and -', abort: true })
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1–64 of a-z, 0-9, _ and -'),
  name: z.object({ fr: text(200), en: text(200) }),
  duration_minutes: minutes(5, 24 * 60),
  buffer_before_minutes: minutes(0, 24 * 60),
  buffer_after_minutes: minutes(0, 24 * 60),
  minimum_notice_minutes: minutes(0, 366 * 24 * 60),
  horizon_days: z
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(366, 'must be at most 366'),
  slot_step_minutes: minutes(5, 24 * 60),
  practitioner_ids: z.array(z.uuid('must be a practitioner id (UUID)')).max(500),
  active: z.boolean(),
};

export const scheduleFields = {
  location_id: z.uuid('must be a location id (UUID)'),
  hours: z.array(weeklyRangeSchema).max(100),
  breaks: z.array(weeklyRangeSchema).max(100),
  exceptions: z.array(scheduleExceptionSchema).max(1000),
  valid_from: z.iso.date('must be a date YYYY-MM-DD').nullable(),
  valid_to: z.iso.date('must be a date YYYY-MM-DD').nullable(),
};

/** At least one field in a PATCH body. */
export function someField(body: Record<string, unknown>): boolean {
  return Object.values(body).some((value) => value !== undefined);
}

export function toPractitionerJson(
  p: PractitionerView,
  options: { showSecrets: boolean },
): z.infer<typeof practitionerJson> {
  return {
    id: p.id,
    name: p.name,
    specialty: p.specialty,
    languages: p.languages,
    user_id: p.userId,
    active: p.active,
    busy_calendar_url: options.showSecrets ? p.busyCalendarUrl : null,
    busy_calendar: {
      url_set: p.busyCalendarUrl !== null,
      cached: p.busyCalendar?.source ?? null,
      refreshed_at: p.busyCalendarRefreshedAt?.toISOString() ?? null,
      error: p.busyCalendarError,
    },
    calendar_feed: p.feedTokenHash !== null,
    created_at: p.createdAt.toISOString(),
  };
}

export function toLocationJson(l: Location): z.infer<typeof locationJson> {
  return {
    id: l.id,
    name: l.name,
    address: l.address,
    time_zone: l.timeZone,
    created_at: l.createdAt.toISOString(),
  };
}

export function toAppointmentTypeJson(t: AppointmentType): z.infer<typeof appointmentTypeJson> {
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    duration_minutes: t.durationMinutes,
    buffer_before_minutes: t.bufferBeforeMinutes,
    buffer_after_minutes: t.bufferAfterMinutes,
    minimum_notice_minutes: t.minimumNoticeMinutes,
    horizon_days: t.horizonDays,
    slot_step_minutes: t.slotStepMinutes,
    practitioner_ids: t.practitionerIds,
    active: t.active,
    created_at: t.createdAt.toISOString(),
  };
}

export function toScheduleJson(s: Schedule): z.infer<typeof scheduleJson> {
  return {
    id: s.id,
    practitioner_id: s.practitionerId,
    location_id: s.locationId,
    hours: s.hours,
    breaks: s.breaks,
    exceptions: s.exceptions.map(availabilityException),
    valid_from: s.validFrom,
    valid_to: s.validTo,
    created_at: s.createdAt.toISOString(),
  };
}
