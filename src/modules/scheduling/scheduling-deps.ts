import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { GuardedFetch } from '../../platform/net/guarded-fetch.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import type { AppointmentReminders } from './appointment-reminders.ts';

/** What the scheduling and reminder modules need from the composition root. */
export interface SchedulingDeps {
  db: Db;
  logger: Logger;
  /** Opens and seals patient data (names, appointment reasons). */
  keyring: Keyring;
  senders: SubmissionDeps['senders'];
  /** Wakes the job worker: something was just enqueued. */
  wake: () => void;
  clock: Clock;
  /** What booking, moving, cancelling and closing an appointment do to its reminders (reminders' own). */
  reminders: AppointmentReminders;
  /** Where the .ics sent to a patient after a staff booking is kept; without it only the text goes. */
  mediaStore?: MediaStore;
  /** How busy calendar URLs are fetched (the operator's allowed internal hosts); public addresses only without it. */
  outbound?: GuardedFetch;
}
