import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.ts';
import { auditRead } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { getAppointment } from '../scheduling/appointment-agenda.service.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import { orProblem } from '../scheduling/scheduling-problems.ts';
import { appointmentRemindersJson, toAppointmentRemindersJson } from './appointment-reminders.api.ts';
import { appointmentReminders } from './appointment-reminders.service.ts';

const params = z.object({ id: z.uuid('must be an appointment id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

/** Where an appointment's reminders stand, beside the appointment in the agenda's API. */
export function appointmentReminderRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/appointments/:id/reminders',
      {
        config: { access: 'appointments.read' },
        schema: {
          tags: ['scheduling'],
          summary: 'Where an appointment’s reminders stand: planned, sent on which channel, or why not',
          description:
            'Each reminder of the appointment, earliest due first. A reminder goes on the channel of the ' +
            'patient’s most recent conversation among those they agreed to reminders on, where that channel ' +
            'allows an automated message then; reason says why one was not sent.',
          params,
          response: { 200: appointmentRemindersJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { appointment } = await orProblem(
          getAppointment(db, deps.keyring, deps.reminders, orgId, request.params.id, deps.clock.now()),
        );
        const reminders = await appointmentReminders(db, orgId, appointment.id);
        await auditRead(request, {
          type: 'Appointment',
          id: appointment.id,
          patient: appointment.contactId,
        });
        return toAppointmentRemindersJson(reminders);
      },
    );
  };
}
