import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerCan } from '../auth/access-guard.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { removeBusyCalendar, uploadBusyCalendar } from './busy-calendar.service.ts';
import { CALENDAR_FETCH_LIMITS } from './busy-calendar-fetch.ts';
import { enqueueBusyCalendarRefresh } from './busy-calendar-queue.ts';
import { createCalendarFeedToken } from './calendar-feed.service.ts';
import {
  changePractitioner,
  createPractitioner,
  getPractitioner,
  listPractitioners,
  type PractitionerView,
} from './practitioner.service.ts';
import { practitionerFields, practitionerJson, someField, toPractitionerJson } from './scheduling.api.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { orProblem } from './scheduling-problems.ts';

const params = z.object({ id: z.uuid('must be a practitioner id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['scheduling'];

/** Practitioners, their external busy calendars and their iCalendar feeds. Administrators change them. */
export function practitionerRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const now = () => deps.clock.now();
  return async (app) => {
    // Calendar files come as they are exported; only the busy-calendar route accepts them.
    app.addContentTypeParser(
      'text/calendar',
      { parseAs: 'string', bodyLimit: CALENDAR_FETCH_LIMITS.maxBytes },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/practitioners',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags,
          summary: 'The clinic’s practitioners',
          response: { 200: z.object({ data: z.array(practitionerJson) }), 401: problemSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const list = await listPractitioners(db, caller.orgId);
        return { data: list.map((p) => json(request, p)) };
      },
    );

    app.get(
      '/practitioners/:id',
      {
        config: { access: 'clinic.read' },
        schema: { tags, summary: 'A practitioner', params, response: { 200: practitionerJson, ...errors } },
      },
      async (request) =>
        json(request, await orProblem(getPractitioner(db, callerOf(request).orgId, request.params.id))),
    );

    app.post(
      '/practitioners',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Add a practitioner (administrators)',
          description: 'With busy_calendar_url, the calendar is fetched at once, then every 15 minutes.',
          body: z.object({
            name: practitionerFields.name,
            specialty: practitionerFields.specialty,
            languages: practitionerFields.languages.optional(),
            user_id: practitionerFields.user_id.optional(),
            active: practitionerFields.active.optional(),
            busy_calendar_url: practitionerFields.busy_calendar_url.optional(),
          }),
          response: { 201: practitionerJson, ...errors },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const created = await orProblem(
          createPractitioner(db, callerOf(request).orgId, {
            name: b.name,
            specialty: b.specialty,
            ...(b.languages === undefined ? {} : { languages: b.languages }),
            ...(b.user_id === undefined ? {} : { userId: b.user_id }),
            ...(b.active === undefined ? {} : { active: b.active }),
            ...(b.busy_calendar_url === undefined ? {} : { busyCalendarUrl: b.busy_calendar_url }),
          }),
        );
        deps.wake();
        return reply.code(201).send(json(request, created));
      },
    );

    app.patch(
      '/practitioners/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Change a practitioner (administrators)',
          description:
            'Fields left out stay. A new busy_calendar_url replaces the cached calendar; null removes it.',
          params,
          body: z
            .object({
              name: practitionerFields.name.optional(),
              specialty: practitionerFields.specialty.optional(),
              languages: practitionerFields.languages.optional(),
              user_id: practitionerFields.user_id.optional(),
              active: practitionerFields.active.optional(),
              busy_calendar_url: practitionerFields.busy_calendar_url.optional(),
            })
            .refine(someField, { message: 'change at least one field' }),
          response: { 200: practitionerJson, ...errors },
        },
      },
      async (request) => {
        const b = request.body;
        const changed = await orProblem(
          changePractitioner(db, callerOf(request).orgId, request.params.id, {
            ...(b.name === undefined ? {} : { name: b.name }),
            ...(b.specialty === undefined ? {} : { specialty: b.specialty }),
            ...(b.languages === undefined ? {} : { languages: b.languages }),
            ...(b.user_id === undefined ? {} : { userId: b.user_id }),
            ...(b.active === undefined ? {} : { active: b.active }),
            ...(b.busy_calendar_url === undefined ? {} : { busyCalendarUrl: b.busy_calendar_url }),
          }),
        );
        deps.wake();
        return json(request, changed);
      },
    );

    app.put(
      '/practitioners/:id/busy-calendar',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Upload the practitioner’s busy calendar as an .ics file (administrators)',
          description:
            'For clinics whose calendar has no URL: send the file as the body with content-type text/calendar ' +
            '(2 MB at most). Its busy times block slots until another file replaces it. 409 when a URL is set.',
          params,
          consumes: ['text/calendar'],
          body: z
            .string()
            .min(1, 'must be an iCalendar file')
            .max(CALENDAR_FETCH_LIMITS.maxBytes, 'must be at most 2 MB'),
          response: { 200: practitionerJson, 409: problemSchema, 415: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        return json(
          request,
          await orProblem(uploadBusyCalendar(db, orgId, request.params.id, request.body, now())),
        );
      },
    );

    app.delete(
      '/practitioners/:id/busy-calendar',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Forget an uploaded busy calendar (administrators)',
          params,
          response: { 200: practitionerJson, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        json(request, await orProblem(removeBusyCalendar(db, callerOf(request).orgId, request.params.id))),
    );

    app.post(
      '/practitioners/:id/busy-calendar/refresh',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Fetch the busy calendar URL now (administrators)',
          description: 'Queued; the practitioner shows the outcome (refreshed_at, error) once done.',
          params,
          response: { 202: z.object({ queued: z.literal(true) }), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const practitioner = await orProblem(getPractitioner(db, orgId, request.params.id));
        if (practitioner.busyCalendarUrl === null && practitioner.busyCalendar === null) {
          throw new HttpProblem(409, 'The practitioner has no busy calendar to refresh');
        }
        await enqueueBusyCalendarRefresh(db, { orgId, practitionerId: practitioner.id });
        deps.wake();
        return reply.code(202).send({ queued: true });
      },
    );

    app.post(
      '/practitioners/:id/calendar-feed',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Make the practitioner’s iCalendar feed link (administrators)',
          description:
            'Returns a secret link to subscribe to from Google Calendar, Outlook or Apple Calendar; it is ' +
            'shown once. Making another one stops the previous link.',
          params,
          response: {
            201: z.object({ url: z.url(), webcal_url: z.string(), token: z.string() }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const token = await orProblem(createCalendarFeedToken(db, callerOf(request).orgId, id));
        const url = `${request.protocol}://${request.host}/api/v1/calendar/${id}.ics?token=${token}`;
        return reply.code(201).send({ url, webcal_url: url.replace(/^https?:/, 'webcal:'), token });
      },
    );
  };
}

/** A private calendar link is a secret: the staff see that one is set, those who manage settings see it. */
function json(request: FastifyRequest, practitioner: PractitionerView) {
  return toPractitionerJson(practitioner, { showSecrets: callerCan(callerOf(request), 'settings.manage') });
}
