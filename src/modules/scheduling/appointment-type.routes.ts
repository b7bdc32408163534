import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import {
  changeAppointmentType,
  createAppointmentType,
  getAppointmentType,
  listAppointmentTypes,
} from './appointment-type.service.ts';
import {
  appointmentTypeJson,
  someField,
  toAppointmentTypeJson,
  appointmentTypeFields as typeFields,
} from './scheduling.api.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { orProblem } from './scheduling-problems.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['scheduling'];
const params = z.object({ id: z.uuid('must be an appointment type id (UUID)') });

/** What can be booked: everyone reads it, administrators change it. */
export function appointmentTypeRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/appointment-types',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags,
          summary: 'What can be booked',
          response: { 200: z.object({ data: z.array(appointmentTypeJson) }) },
        },
      },
      async (request) => ({
        data: (await listAppointmentTypes(db, callerOf(request).orgId)).map(toAppointmentTypeJson),
      }),
    );
    app.get(
      '/appointment-types/:id',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags,
          summary: 'An appointment type',
          params,
          response: { 200: appointmentTypeJson, ...errors },
        },
      },
      async (request) =>
        toAppointmentTypeJson(
          await orProblem(getAppointmentType(db, callerOf(request).orgId, request.params.id)),
        ),
    );
    app.post(
      '/appointment-types',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: `Add an appointment type (administrators)`,
          body: z.object({
            key: typeFields.key,
            name: typeFields.name,
            duration_minutes: typeFields.duration_minutes,
            buffer_before_minutes: typeFields.buffer_before_minutes.default(0),
            buffer_after_minutes: typeFields.buffer_after_minutes.default(0),
            minimum_notice_minutes: typeFields.minimum_notice_minutes.default(120),
            horizon_days: typeFields.horizon_days.default(60),
            slot_step_minutes: typeFields.slot_step_minutes.default(15),
            practitioner_ids: typeFields.practitioner_ids.default([]),
            active: typeFields.active.default(true),
          }),
          response: { 201: appointmentTypeJson, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const type = await orProblem(
          createAppointmentType(db, callerOf(request).orgId, {
            key: b.key,
            name: b.name,
            durationMinutes: b.duration_minutes,
            bufferBeforeMinutes: b.buffer_before_minutes,
            bufferAfterMinutes: b.buffer_after_minutes,
            minimumNoticeMinutes: b.minimum_notice_minutes,
            horizonDays: b.horizon_days,
            slotStepMinutes: b.slot_step_minutes,
            practitionerIds: b.practitioner_ids,
            active: b.active,
          }),
        );
        return reply.code(201).send(toAppointmentTypeJson(type));
      },
    );
    app.patch(
      '/appointment-types/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: `Change an appointment type (administrators)`,
          description: 'Appointments already booked keep their times.',
          params,
          body: z
            .object({
              key: typeFields.key.optional(),
              name: typeFields.name.optional(),
              duration_minutes: typeFields.duration_minutes.optional(),
              buffer_before_minutes: typeFields.buffer_before_minutes.optional(),
              buffer_after_minutes: typeFields.buffer_after_minutes.optional(),
              minimum_notice_minutes: typeFields.minimum_notice_minutes.optional(),
              horizon_days: typeFields.horizon_days.optional(),
              slot_step_minutes: typeFields.slot_step_minutes.optional(),
              practitioner_ids: typeFields.practitioner_ids.optional(),
              active: typeFields.active.optional(),
            })
            .refine(someField, { message: 'change at least one field' }),
          response: { 200: appointmentTypeJson, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const b = request.body;
        const type = await orProblem(
          changeAppointmentType(db, callerOf(request).orgId, request.params.id, {
            ...(b.key === undefined ? {} : { key: b.key }),
            ...(b.name === undefined ? {} : { name: b.name }),
            ...(b.duration_minutes === undefined ? {} : { durationMinutes: b.duration_minutes }),
            ...(b.buffer_before_minutes === undefined
              ? {}
              : { bufferBeforeMinutes: b.buffer_before_minutes }),
            ...(b.buffer_after_minutes === undefined ? {} : { bufferAfterMinutes: b.buffer_after_minutes }),
            ...(b.minimum_notice_minutes === undefined
              ? {}
              : { minimumNoticeMinutes: b.minimum_notice_minutes }),
            ...(b.horizon_days === undefined ? {} : { horizonDays: b.horizon_days }),
            ...(b.slot_step_minutes === undefined ? {} : { slotStepMinutes: b.slot_step_minutes }),
            ...(b.practitioner_ids === undefined ? {} : { practitionerIds: b.practitioner_ids }),
            ...(b.active === undefined ? {} : { active: b.active }),
          }),
        );
        return toAppointmentTypeJson(type);
      },
    );
  };
}
