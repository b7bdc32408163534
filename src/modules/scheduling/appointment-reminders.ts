import type { Logger } from 'pino';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import type { Appointment } from './scheduling.schema.ts';

// The reminders sit above scheduling (they read appointments, and a patient's answer cancels one), so
// scheduling cannot import them back: what it needs of them is handed in by its callers, wired in
// src/app.ts (reminders' appointmentReminders).

/**
 * What the reminders do when an appointment changes, in the transaction that changes it, so the
 * reminders exist exactly when the appointment does; the late-arrival threshold of the agenda, which
 * the clinic sets with its reminder rules; and the patient's notice of a booking the staff made, sent
 * by the reminders' channel rules.
 */
export interface AppointmentReminders {
  /** Plans the appointment's reminders (again, after a move); one not booked has none waiting. */
  plan(tx: DbOrTx, appointment: Appointment, now: Date): Promise<void>;
  /** Stops the appointment's reminders still waiting (it was cancelled, moved, or is over). */
  cancelPending(tx: DbOrTx, orgId: string, appointmentId: string): Promise<void>;
  /** After how many minutes the clinic flags a patient not marked arrived (its reminder policy). */
  lateAfterMinutesOf(db: DbOrTx, orgId: string): Promise<number>;
  /**
   * Tells the patient of an appointment the staff booked for them, where the rules allow it (reminders'
   * booking-notice.service.ts). Never throws for the patient's sake: the booking stands either way.
   */
  noticeOfStaffBooking(
    deps: BookingNoticeDeps,
    orgId: string,
    appointmentId: string,
    now: Date,
  ): Promise<BookingNotice>;
}

/** Whether the patient was told of a booking the staff made, and if not, why (shown to the staff). */
export type BookingNotice =
  | { status: 'sent'; as: 'message' | 'template'; channel: ChannelType }
  | { status: 'not_sent'; reason: BookingNoticeRefusal };

/**
 * `no_channel`: Careline cannot write to the patient on any channel (no id of theirs on a channel the
 * clinic has); `no_consent`: they are not in a conversation and agreed to appointment messages on no
 * channel; `channel_window_closed`: the channels they agreed on allow nothing automated now (Messenger,
 * Instagram after their 24-hour window); `template_unavailable`: the reminder template is not approved;
 * `refused`: the outbox refused it.
 */
export type BookingNoticeRefusal =
  | 'no_channel'
  | 'no_consent'
  | 'channel_window_closed'
  | 'template_unavailable'
  | 'refused';

export const BOOKING_NOTICE_REFUSALS = [
  'no_channel',
  'no_consent',
  'channel_window_closed',
  'template_unavailable',
  'refused',
] as const satisfies readonly BookingNoticeRefusal[];

/** What the booking notice is sent with. */
export interface BookingNoticeDeps {
  db: DbOrTx;
  keyring: Keyring;
  senders: SubmissionDeps['senders'];
  mediaStore?: MediaStore;
  logger: Logger;
}
