import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { JobHandler } from '../../platform/jobs/job-worker.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';

// Placeholder while reminders are being written (issue 6): replaced by the real routes.
export function reminderRoutes(_deps: SchedulingDeps): FastifyPluginAsyncZod {
  return async () => {};
}

export function reminderJobHandlers(_deps: SchedulingDeps): Record<string, JobHandler> {
  return {};
}
