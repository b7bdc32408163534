import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { QueueHandler } from '../../platform/jobs/queue-handler.ts';
import { appointmentRoutes } from './appointment.routes.ts';
import { appointmentTypeRoutes } from './appointment-type.routes.ts';
import { busyCalendarJobHandler } from './busy-calendar.job.ts';
import { calendarFeedRoute } from './calendar-feed.routes.ts';
import { locationRoutes } from './location.routes.ts';
import { practitionerRoutes } from './practitioner.routes.ts';
import { scheduleRoutes } from './schedule.routes.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { slotRoutes } from './slot.routes.ts';

/** The scheduling API under /api/v1, behind an API key or a session: set-up, slots, appointments. */
export function schedulingRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(practitionerRoutes(deps));
    await app.register(locationRoutes(deps));
    await app.register(appointmentTypeRoutes(deps));
    await app.register(scheduleRoutes(deps));
    await app.register(slotRoutes(deps));
    await app.register(appointmentRoutes(deps));
  };
}

/** Routes without an API key: the practitioners' token-protected iCalendar feeds. */
export function calendarFeedRoutes(deps: SchedulingDeps): FastifyPluginAsync {
  return calendarFeedRoute(deps);
}

export function schedulingJobHandlers(deps: SchedulingDeps): QueueHandler[] {
  return [busyCalendarJobHandler(deps)];
}
