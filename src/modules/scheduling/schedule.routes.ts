import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { changeSchedule, createSchedule, getSchedule, listSchedules } from './schedule.service.ts';
import { scheduleFields, scheduleJson, someField, toScheduleJson } from './scheduling.api.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { orProblem } from './scheduling-problems.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['scheduling'];
const params = z.object({ id: z.uuid('must be a schedule id (UUID)') });

/** When practitioners work, where: everyone reads it, administrators change it. */
export function scheduleRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/schedules',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags,
          summary: 'When practitioners work, where',
          querystring: z.object({ practitioner_id: z.uuid('must be a practitioner id (UUID)').optional() }),
          response: { 200: z.object({ data: z.array(scheduleJson) }), 400: problemSchema },
        },
      },
      async (request) => {
        const { practitioner_id } = request.query;
        const list = await listSchedules(
          db,
          callerOf(request).orgId,
          practitioner_id === undefined ? {} : { practitionerId: practitioner_id },
        );
        return { data: list.map(toScheduleJson) };
      },
    );
    app.get(
      '/schedules/:id',
      {
        config: { access: 'clinic.read' },
        schema: { tags, summary: 'A schedule', params, response: { 200: scheduleJson, ...errors } },
      },
      async (request) =>
        toScheduleJson(await orProblem(getSchedule(db, callerOf(request).orgId, request.params.id))),
    );
    app.post(
      '/schedules',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: `Add when a practitioner works at a place (administrators)`,
          description:
            'Weekly hours and breaks are wall-clock times (HH:MM, end may be 24:00) in the place’s time zone; ' +
            'exceptions close a date or give it special hours; valid_from/valid_to are inclusive local dates.',
          body: z.object({
            practitioner_id: z.uuid('must be a practitioner id (UUID)'),
            location_id: scheduleFields.location_id,
            hours: scheduleFields.hours,
            breaks: scheduleFields.breaks.default([]),
            exceptions: scheduleFields.exceptions.default([]),
            valid_from: scheduleFields.valid_from.optional(),
            valid_to: scheduleFields.valid_to.optional(),
          }),
          response: { 201: scheduleJson, ...errors },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const schedule = await orProblem(
          createSchedule(db, callerOf(request).orgId, {
            practitionerId: b.practitioner_id,
            locationId: b.location_id,
            hours: b.hours,
            breaks: b.breaks,
            exceptions: b.exceptions,
            ...(b.valid_from === undefined ? {} : { validFrom: b.valid_from }),
            ...(b.valid_to === undefined ? {} : { validTo: b.valid_to }),
          }),
        );
        return reply.code(201).send(toScheduleJson(schedule));
      },
    );
    app.patch(
      '/schedules/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: `Change a schedule (administrators)`,
          description: 'Fields given replace the schedule’s (a list replaces the whole list).',
          params,
          body: z
            .object({
              location_id: scheduleFields.location_id.optional(),
              hours: scheduleFields.hours.optional(),
              breaks: scheduleFields.breaks.optional(),
              exceptions: scheduleFields.exceptions.optional(),
              valid_from: scheduleFields.valid_from.optional(),
              valid_to: scheduleFields.valid_to.optional(),
            })
            .refine(someField, { message: 'change at least one field' }),
          response: { 200: scheduleJson, ...errors },
        },
      },
      async (request) => {
        const b = request.body;
        const schedule = await orProblem(
          changeSchedule(db, callerOf(request).orgId, request.params.id, {
            ...(b.location_id === undefined ? {} : { locationId: b.location_id }),
            ...(b.hours === undefined ? {} : { hours: b.hours }),
            ...(b.breaks === undefined ? {} : { breaks: b.breaks }),
            ...(b.exceptions === undefined ? {} : { exceptions: b.exceptions }),
            ...(b.valid_from === undefined ? {} : { validFrom: b.valid_from }),
            ...(b.valid_to === undefined ? {} : { validTo: b.valid_to }),
          }),
        );
        return toScheduleJson(schedule);
      },
    );
  };
}
