import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { WindowPolicyOf } from '../inbox/conversation-hooks.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';

/** What the FHIR API needs from the composition root: the same services the REST API uses. */
export interface FhirDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  /** Opens a search's words in the audit log (for administrators reading AuditEvent). */
  cipher: FieldCipher;
  /** Booking, cancelling and their reminders and notices, as the agenda does them. */
  scheduling: SchedulingDeps;
  /** The outbox's senders: a CommunicationRequest goes out through them, with every rule. */
  senders: SubmissionDeps['senders'];
  /** Which window each channel account keeps (to choose where a message can go). */
  windowPolicyOf: WindowPolicyOf;
  /** Wakes the job worker once something was queued. */
  wake: () => void;
  /** PUBLIC_URL, when the operator set it: the base of every link the API writes. */
  publicUrl?: string;
}

/** Where the FHIR API is served. */
export const FHIR_PREFIX = '/fhir/R4';
