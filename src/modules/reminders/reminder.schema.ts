import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channelAccounts } from '../channel-accounts/channel-account.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { appointments } from '../scheduling/scheduling.schema.ts';

/** How a clinic reminds its patients: when before the appointment, never at night, with which template. */
export const reminderPolicies = pgTable('reminder_policies', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  enabled: boolean('enabled').notNull().default(true),
  /** Minutes before the appointment; default 48 h and 2 h. */
  offsetsMinutes: integer('offsets_minutes').array().notNull().default(sql`'{2880,120}'::integer[]`),
  /** No reminder between these local times (the clinic's time zone): it goes out earlier instead. */
  quietStart: text('quiet_start').notNull().default('20:00'),
  quietEnd: text('quiet_end').notNull().default('08:00'),
  /** The approved WhatsApp template used when the 24-hour window is closed. */
  templateName: text('template_name').notNull().default('rappel_rendez_vous'),
  /** An appointment not marked arrived this long after its start is flagged to the staff. */
  lateAfterMinutes: integer('late_after_minutes').notNull().default(15),
  /**
   * The channels reminders and booking notices go on, first choice first (`whatsapp`, then `sms`…);
   * when the first cannot carry one, the next that can takes over, once. Null or empty: the channel
   * of the patient's latest conversation, as before.
   */
  channelOrder: text('channel_order').array(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const REMINDER_STATUSES = ['scheduled', 'sent', 'skipped', 'cancelled', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** What the patient answered with the reminder's buttons. */
export const REMINDER_RESPONSES = ['confirmed', 'cancelled', 'reschedule'] as const;
export type ReminderResponse = (typeof REMINDER_RESPONSES)[number];

/** One reminder of one appointment: at most one per appointment and offset, so it is sent exactly once. */
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    offsetMinutes: integer('offset_minutes').notNull(),
    /** When it goes out: the offset before the start, moved earlier out of quiet hours. */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }).notNull(),
    status: text('status', { enum: REMINDER_STATUSES }).notNull().default('scheduled'),
    /** Why it was skipped or failed: `no_consent`, `appointment_passed`, `no_channel`… */
    reason: text('reason'),
    /** The message that carried it. */
    messageId: uuid('message_id'),
    /** The channel that carried it (the last tried, when it failed). */
    channel: text('channel'),
    /** It fell back (once at most): the channel that could not carry it first, and why. */
    fallbackFrom: text('fallback_from'),
    /** `no_channel`, `no_consent`, `template_unavailable`, `not_on_whatsapp`, `line_quota_reached`… */
    fallbackReason: text('fallback_reason'),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
    /** The patient's answer to it, so the report tells what reminders achieved. */
    response: text('response', { enum: REMINDER_RESPONSES }),
    respondedAt: timestamp('responded_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reminders_appointment_offset_unique').on(t.appointmentId, t.offsetMinutes),
    index('reminders_due_idx').on(t.dueAt).where(sql`${t.status} = 'scheduled'`),
    // A failed message is traced back to its reminder (the fallback after a failed status).
    index('reminders_message_idx').on(t.messageId).where(sql`${t.messageId} is not null`),
  ],
);

/**
 * A LINE account's monthly push quota as Careline last knows it: the provider's figures (limit and
 * use, re-read every few minutes) plus the pushes reminders queued since, and the month its 80 %
 * warning was raised (once a month).
 */
export const linePushQuotas = pgTable('line_push_quotas', {
  // Nothing to keep of a quota once its account is gone.
  channelAccountId: uuid('channel_account_id')
    .primaryKey()
    .references(() => channelAccounts.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  /** `YYYY-MM` (UTC) the figures are of. */
  month: text('month').notNull(),
  /** Null: the plan sets no limit. */
  quotaLimit: integer('quota_limit'),
  used: integer('used').notNull().default(0),
  readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
  warnedMonth: text('warned_month'),
});

export type ReminderPolicy = typeof reminderPolicies.$inferSelect;
export type Reminder = typeof reminders.$inferSelect;
export type LinePushQuota = typeof linePushQuotas.$inferSelect;
