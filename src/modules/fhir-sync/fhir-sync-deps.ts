import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { GuardedFetch } from '../../platform/net/guarded-fetch.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { AppointmentReminders } from '../scheduling/appointment-reminders.ts';

/** What the EHR synchronisation needs of the rest of Careline. */
export interface FhirSyncDeps {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  /** Every call to the EHR goes through the guarded client (the operator's allowed internal hosts). */
  fetch: GuardedFetch;
  /** What booking or cancelling an imported appointment does to its reminders. */
  reminders: AppointmentReminders;
  /** Wakes the job worker: a run or a write-back was just queued. */
  wake: () => void;
}
