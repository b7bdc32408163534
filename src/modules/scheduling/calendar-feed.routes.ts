import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { practitionerCalendarFeed } from './calendar-feed.service.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A practitioner's appointments as an iCalendar feed. Calendar apps cannot send an API key, so the
 * secret token in the link is the key; without the right one the feed does not exist (404, whether the
 * practitioner does or not).
 */
export function calendarFeedRoute(deps: SchedulingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar/:practitionerId.ics',
      {
        config: { access: 'public' },
        schema: {
          tags: ['scheduling'],
          summary:
            'A practitioner’s appointments as an iCalendar feed (no API key: the token is in the link)',
          security: [],
          // Checked as a UUID by hand: a malformed one is a calendar not found, never a schema error.
          params: z.object({ practitionerId: z.string().max(64) }),
          querystring: z.object({ token: z.string().max(200).optional() }),
          produces: ['text/calendar'],
          response: { 200: z.string(), 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { practitionerId } = request.params;
        const { token } = request.query;
        const feed =
          token === undefined || !UUID.test(practitionerId)
            ? undefined
            : await practitionerCalendarFeed(deps.db, deps.keyring, practitionerId, token, deps.clock.now());
        if (feed === undefined) throw HttpProblem.notFound('Calendar');
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .send(feed);
      },
    );
  };
}
