import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { JobHandler } from '../../platform/jobs/job-worker.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

// Placeholder while the scheduling API is being written (issue 6): replaced by the real routes.
export function schedulingRoutes(_deps: SchedulingDeps): FastifyPluginAsyncZod {
  return async () => {};
}

/** Routes without an API key: the practitioners' token-protected iCalendar feeds. */
export function calendarFeedRoutes(_deps: SchedulingDeps): FastifyPluginAsync {
  return async () => {};
}

export function schedulingJobHandlers(_deps: SchedulingDeps): Record<string, JobHandler> {
  return {};
}
