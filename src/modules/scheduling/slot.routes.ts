import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { isLanguageTag, MAX_LANGUAGE_TAG_LENGTH } from '../contacts/language-tag.ts';
import { slotJson, toSlotJson } from './appointment.api.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { orProblem } from './scheduling-problems.ts';
import { findSlots } from './slot-search.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Free times to book from the contact panel, computed on each request (never stored). */
export function slotRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/slots',
      {
        config: { access: 'appointments.read' },
        schema: {
          tags: ['scheduling'],
          summary: 'Free slots of an appointment type, soonest first',
          description:
            'Slots of every practitioner offering the type (or the one asked for), interleaved by start, ' +
            'after the type’s minimum notice and within its horizon.',
          querystring: z.object({
            type: z.string().min(1).max(64).optional().describe('The appointment type, by key or by id'),
            practitioner: z.uuid('must be a practitioner id (UUID)').optional(),
            specialty: z.string().max(64).optional(),
            language: z
              .string()
              .max(MAX_LANGUAGE_TAG_LENGTH, {
                error: `must be at most ${MAX_LANGUAGE_TAG_LENGTH} characters`,
                abort: true,
              })
              .refine(isLanguageTag, 'must be a BCP 47 language tag such as fr or en-GB')
              .optional()
              .describe('Only practitioners consulting in this language'),
            from: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant' }).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(10),
          }),
          response: {
            200: z.object({ data: z.array(slotJson) }),
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const q = request.query;
        if (q.type === undefined)
          throw HttpProblem.badField('query.type', 'is required: an appointment type key or id');
        const found = await orProblem(
          findSlots(db, callerOf(request).orgId, {
            ...(UUID.test(q.type) ? { appointmentTypeId: q.type } : { appointmentTypeKey: q.type }),
            ...(q.practitioner === undefined ? {} : { practitionerId: q.practitioner }),
            ...(q.specialty === undefined ? {} : { specialty: q.specialty }),
            ...(q.language === undefined ? {} : { language: q.language }),
            ...(q.from === undefined ? {} : { from: q.from }),
            limit: q.limit,
            now: deps.clock.now(),
          }),
          'query',
        );
        return { data: found.slots.map(toSlotJson) };
      },
    );
  };
}
