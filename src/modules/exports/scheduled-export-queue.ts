import { z } from 'zod';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

/**
 * A clinic's daily export (`plannedFor`: the run its schedule holds; a job planned for a time the
 * schedule no longer says does nothing) or a "run now" of one day (`manual`).
 */
export const scheduledExportQueue = defineQueue(
  'exports.scheduled',
  z.object({
    orgId: z.uuid(),
    plannedFor: z.iso.datetime().optional(),
    day: z.iso.date().optional(),
    manual: z.boolean().optional(),
  }),
  { priority: 5, maxAttempts: 3 },
);
