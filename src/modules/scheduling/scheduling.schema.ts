import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts } from '../contacts/contact.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';
import type { LocalRange, WeeklyRange } from './availability/weekly-schedule.ts';

/**
 * Names follow FHIR R4 (Practitioner, Location, Schedule, Appointment with its status codes), so an
 * export to an EHR maps one to one.
 */
export const practitioners = pgTable(
  'practitioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    /** A specialty key: general_practice, paediatrics, dermatology… (SNOMED-coded in an FHIR export). */
    specialty: text('specialty').notNull(),
    /** BCP 47 tags of the languages the practitioner consults in. */
    languages: text('languages').array().notNull().default(sql`'{fr}'::text[]`),
    /** The member of staff this practitioner is, when they use the inbox. */
    userId: uuid('user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    /** SHA-256 of the token that opens the practitioner's iCalendar feed; the token itself is shown once. */
    feedTokenHash: text('feed_token_hash'),
    /** An iCalendar URL whose busy times block slots (Google Calendar, Outlook, Calendly exports). */
    busyCalendarUrl: text('busy_calendar_url'),
    busyCalendarRefreshedAt: timestamp('busy_calendar_refreshed_at', { withTimezone: true, precision: 3 }),
    busyCalendarError: text('busy_calendar_error'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('practitioners_org_idx').on(t.orgId)],
);

export const locations = pgTable('locations', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  name: text('name').notNull(),
  address: text('address'),
  timeZone: text('time_zone').notNull().default('Europe/Paris'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** What can be booked: how long it takes, with which buffers, and who offers it. */
export const appointmentTypes = pgTable(
  'appointment_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    key: text('key').notNull(),
    name: jsonb('name').$type<{ fr: string; en: string }>().notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    minimumNoticeMinutes: integer('minimum_notice_minutes').notNull().default(120),
    horizonDays: integer('horizon_days').notNull().default(60),
    slotStepMinutes: integer('slot_step_minutes').notNull().default(15),
    /** Who offers it; empty means every active practitioner. */
    practitionerIds: uuid('practitioner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('appointment_types_org_key_unique').on(t.orgId, t.key)],
);

export interface ScheduleException {
  kind: 'closed' | 'hours';
  date: string;
  hours?: LocalRange[];
  reason?: string;
}

/** When a practitioner works at a location: weekly hours, breaks, and dated exceptions (holidays). */
export const schedules = pgTable(
  'schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    hours: jsonb('hours').$type<WeeklyRange[]>().notNull(),
    breaks: jsonb('breaks').$type<WeeklyRange[]>().notNull().default([]),
    exceptions: jsonb('exceptions').$type<ScheduleException[]>().notNull().default([]),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('schedules_practitioner_idx').on(t.orgId, t.practitionerId)],
);

/** FHIR Appointment.status, the subset a clinic uses. */
export const APPOINTMENT_STATUSES = [
  'proposed',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** Statuses that hold the practitioner's time: a new booking may not overlap them. */
export const BLOCKING_APPOINTMENT_STATUSES = [
  'proposed',
  'booked',
  'arrived',
] as const satisfies readonly AppointmentStatus[];

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    appointmentTypeId: uuid('appointment_type_id').references(() => appointmentTypes.id),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull(),
    start: timestamp('start', { withTimezone: true, precision: 3 }).notNull(),
    end: timestamp('end', { withTimezone: true, precision: 3 }).notNull(),
    reason: text('reason'),
    /** Who booked it: `chat` (the patient, by the booking flow), `staff`, `api`. */
    source: text('source', { enum: ['chat', 'staff', 'api'] }).notNull(),
    /** The conversation it was booked or is discussed in. */
    conversationId: uuid('conversation_id').references(() => conversations.id),
    /** The patient said "I'll come" to a reminder. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, precision: 3 }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    cancelledBy: text('cancelled_by', { enum: ['patient', 'staff'] }),
    /** The appointment this one replaced when the patient moved it. */
    rescheduledFromId: uuid('rescheduled_from_id'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_practitioner_start_idx').on(t.orgId, t.practitionerId, t.start),
    index('appointments_contact_idx').on(t.orgId, t.contactId, t.start),
  ],
);

/**
 * The last good copy of a practitioner's external busy calendar (fetched from `busyCalendarUrl`, or an
 * uploaded file), kept with its busy time expanded over [coversFrom, coversTo): slots are searched on
 * every patient message, so the calendar is parsed when it changes, not when it is read. A failed
 * refresh leaves the copy in place: an old calendar blocks better than none.
 */
export const busyCalendarCopies = pgTable('busy_calendar_copies', {
  practitionerId: uuid('practitioner_id')
    .primaryKey()
    .references(() => practitioners.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  source: text('source', { enum: ['url', 'upload'] }).notNull(),
  /** The file itself, so recurring events can be expanded again as time moves on. */
  icsText: text('ics_text').notNull(),
  busy: jsonb('busy').$type<Array<{ start: string; end: string }>>().notNull(),
  coversFrom: timestamp('covers_from', { withTimezone: true, precision: 3 }).notNull(),
  coversTo: timestamp('covers_to', { withTimezone: true, precision: 3 }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export type Practitioner = typeof practitioners.$inferSelect;
export type Location = typeof locations.$inferSelect;
export type AppointmentType = typeof appointmentTypes.$inferSelect;
export type Schedule = typeof schedules.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type BusyCalendarCopy = typeof busyCalendarCopies.$inferSelect;
