import { z } from 'zod';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

/**
 * One message to file in the EHR as a Communication. Queued by the `messages_fhir_write_back` trigger
 * (migration 0032) with the message, and for the recent messages of a patient the EHR has just come to know.
 */
export const fhirCommunicationQueue = defineQueue(
  'fhir_sync.communication',
  z.object({ orgId: z.string().uuid(), messageId: z.string().uuid() }),
  { maxAttempts: 12 },
);
