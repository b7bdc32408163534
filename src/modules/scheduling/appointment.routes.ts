import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.ts';
import { auditRead } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import type { ApiCaller } from '../users/caller.ts';
import { appointmentJson, toAppointmentJson } from './appointment.api.ts';
import { ATTENDANCE_STATUSES, cancelAppointment, setAppointmentStatus } from './appointment.service.ts';
import { getAppointment, listAppointments } from './appointment-agenda.service.ts';
import { appointmentInviteFor } from './appointment-invite.service.ts';
import { BOOKING_NOTICE_REFUSALS } from './appointment-reminders.ts';
import { bookAppointment, moveAppointment } from './booking.service.ts';
import { APPOINTMENT_STATUSES, type Appointment } from './scheduling.schema.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { SlotTakenError } from './scheduling-errors.ts';
import { orProblem, schedulingProblemOf, sendSlotTaken } from './scheduling-problems.ts';

const tags = ['scheduling'];
const params = z.object({ id: z.uuid('must be an appointment id (UUID)') });
const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 instant, e.g. 2027-03-29T07:00:00Z',
});
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };
const bookingErrors = { ...errors, 409: problemSchema, 422: problemSchema };
// An intersection keeps the Appointment schema a reference in the OpenAPI document.
const bookedJson = z.intersection(
  appointmentJson,
  z.object({
    patient_notice: z
      .object({
        status: z.enum(['sent', 'not_sent']),
        as: z.enum(['message', 'template']).optional(),
        channel: z.enum(CHANNEL_TYPES).optional().describe('Where it went, when sent'),
        reason: z.enum(BOOKING_NOTICE_REFUSALS).optional(),
      })
      .describe(
        'Whether the patient was sent the confirmation, and on which channel. While they are in a ' +
          'conversation with the clinic (they wrote within the channel’s window; 24 hours on Telegram), ' +
          'the confirmation and the .ics go there as messages. Otherwise only if they agreed to appointment ' +
          'messages, on the channel a reminder would take (that of their most recent conversation among ' +
          'those they agreed on, where the channel’s rules allow it): as messages on Telegram, as the ' +
          'approved reminder template on WhatsApp outside its 24-hour window, not at all on Messenger or ' +
          'Instagram once their window has closed. reason says why not: no_channel (no channel Careline can ' +
          'reach them on), no_consent, channel_window_closed, template_unavailable, refused.',
      ),
  }),
);

/**
 * The agenda and the contact panel: staff (agents included) book, move, cancel and record attendance.
 * A time someone else just took is 409 with `code: "slot_taken"`.
 */
export function appointmentRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const now = () => deps.clock.now();
  const detailsJson = async (orgId: string, id: string) =>
    toAppointmentJson(await getAppointment(db, deps.keyring, deps.reminders, orgId, id, now()));

  return async (app) => {
    app.get(
      '/appointments',
      {
        config: { access: 'appointments.read' },
        schema: {
          tags,
          summary: 'Appointments, earliest first (the agenda, a patient’s appointments)',
          description: 'from/to select those overlapping [from, to). At most `limit` (default 500).',
          querystring: z.object({
            from: instant.optional(),
            to: instant.optional(),
            practitioner_id: z.uuid('must be a practitioner id (UUID)').optional(),
            contact_id: z.uuid('must be a contact id (UUID)').optional(),
            status: z.enum(APPOINTMENT_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(500),
          }),
          response: {
            200: z.object({ data: z.array(appointmentJson) }),
            400: problemSchema,
            401: problemSchema,
          },
        },
      },
      async (request) => {
        const q = request.query;
        const list = await listAppointments(
          db,
          deps.keyring,
          deps.reminders,
          callerOf(request).orgId,
          {
            limit: q.limit,
            ...(q.from === undefined ? {} : { endsAfter: new Date(q.from) }),
            ...(q.to === undefined ? {} : { startsBefore: new Date(q.to) }),
            ...(q.practitioner_id === undefined ? {} : { practitionerId: q.practitioner_id }),
            ...(q.contact_id === undefined ? {} : { contactId: q.contact_id }),
            ...(q.status === undefined ? {} : { statuses: [q.status] }),
          },
          now(),
        );
        await auditRead(
          request,
          ...list.map((a) => ({
            type: 'Appointment',
            id: a.appointment.id,
            patient: a.appointment.contactId,
          })),
        );
        return { data: list.map(toAppointmentJson) };
      },
    );

    app.get(
      '/appointments/:id',
      {
        config: { access: 'appointments.read' },
        schema: { tags, summary: 'An appointment', params, response: { 200: appointmentJson, ...errors } },
      },
      async (request) => {
        const appointment = await orProblem(detailsJson(callerOf(request).orgId, request.params.id));
        await auditRead(request, {
          type: 'Appointment',
          id: appointment.id,
          patient: appointment.contact.id,
        });
        return appointment;
      },
    );

    app.get(
      '/appointments/:id.ics',
      {
        config: { access: 'appointments.read' },
        schema: {
          tags,
          summary: 'The appointment as an .ics file, as sent to the patient',
          params,
          querystring: z.object({ language: z.enum(['fr', 'en']).default('fr') }),
          produces: ['text/calendar'],
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const { id } = request.params;
        const { ics, contactId } = await orProblem(
          appointmentInviteFor(db, deps.keyring, orgId, id, request.query.language, now()),
        );
        await auditRead(request, { type: 'Appointment', id, patient: contactId });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="rendez-vous-${id}.ics"`)
          .send(ics);
      },
    );

    app.post(
      '/appointments',
      {
        config: { access: 'appointments.write' },
        schema: {
          tags,
          summary: 'Book a slot for a patient (from the contact panel)',
          description:
            'The time must be one GET /slots offers. 409 with code slot_taken when someone booked it meanwhile; ' +
            '422 when it is not a slot of the practitioner (outside hours, too soon, too far). The patient is ' +
            'sent the confirmation on their channel (WhatsApp, Telegram, Messenger, Instagram) when the ' +
            'rules allow (see patient_notice).',
          body: z
            .object({
              contact_id: z.uuid('must be a contact id (UUID)'),
              practitioner_id: z.uuid('must be a practitioner id (UUID)'),
              location_id: z.uuid('must be a location id (UUID)'),
              appointment_type_id: z.uuid('must be an appointment type id (UUID)'),
              start: instant,
              reason: z.string().trim().max(1000).optional(),
              conversation_id: z.uuid('must be a conversation id (UUID)').optional(),
            })
            .meta({ id: 'NewAppointment' }),
          response: { 201: bookedJson, ...bookingErrors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const b = request.body;
        try {
          const booked = await bookAppointment(db, deps.keyring, deps.reminders, caller.orgId, {
            contactId: b.contact_id,
            practitionerId: b.practitioner_id,
            locationId: b.location_id,
            appointmentTypeId: b.appointment_type_id,
            start: b.start,
            reason: b.reason ?? null,
            conversationId: b.conversation_id ?? null,
            ...bookedBy(caller),
            now: now(),
          });
          const notice = await deps.reminders.noticeOfStaffBooking(deps, caller.orgId, booked.id, now());
          deps.wake();
          return reply
            .code(201)
            .send({ ...(await detailsJson(caller.orgId, booked.id)), patient_notice: notice });
        } catch (error) {
          if (error instanceof SlotTakenError) return sendSlotTaken(reply, error);
          throw schedulingProblemOf(error);
        }
      },
    );

    app.post(
      '/appointments/:id/move',
      {
        config: { access: 'appointments.write' },
        schema: {
          tags,
          summary: 'Move an appointment to another time (or practitioner, or place)',
          description:
            'Books the new time and cancels the old appointment at once. Answers the new appointment (a new id, ' +
            'linked by rescheduled_from_id). 409 slot_taken as when booking.',
          params,
          body: z
            .object({
              start: instant,
              practitioner_id: z.uuid('must be a practitioner id (UUID)').optional(),
              location_id: z.uuid('must be a location id (UUID)').optional(),
            })
            .meta({ id: 'AppointmentMove' }),
          response: { 201: appointmentJson, ...bookingErrors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const b = request.body;
        try {
          const moved = await moveAppointment(
            db,
            deps.keyring,
            deps.reminders,
            caller.orgId,
            request.params.id,
            {
              start: b.start,
              ...(b.practitioner_id === undefined ? {} : { practitionerId: b.practitioner_id }),
              ...(b.location_id === undefined ? {} : { locationId: b.location_id }),
              ...bookedBy(caller),
              now: now(),
            },
          );
          return reply.code(201).send(await detailsJson(caller.orgId, moved.id));
        } catch (error) {
          if (error instanceof SlotTakenError) return sendSlotTaken(reply, error);
          throw schedulingProblemOf(error);
        }
      },
    );

    app.post(
      '/appointments/:id/cancel',
      {
        config: { access: 'appointments.write' },
        schema: {
          tags,
          summary: 'Cancel an appointment: its time is offered again',
          description: 'by: who asked (the patient on the phone, or the clinic); staff when left out.',
          params,
          body: z.object({ by: z.enum(['patient', 'staff']).default('staff') }).nullish(),
          response: { 200: appointmentJson, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { id } = request.params;
        await orProblem(
          cancelAppointment(db, deps.reminders, orgId, id, { by: request.body?.by ?? 'staff', now: now() }),
        );
        return detailsJson(orgId, id);
      },
    );

    app.post(
      '/appointments/:id/status',
      {
        config: { access: 'appointments.write' },
        schema: {
          tags,
          summary: 'Record that the patient arrived, was seen, or did not come',
          params,
          body: z.object({ status: z.enum(ATTENDANCE_STATUSES) }),
          response: { 200: appointmentJson, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { id } = request.params;
        await orProblem(setAppointmentStatus(db, deps.reminders, orgId, id, request.body.status, now()));
        return detailsJson(orgId, id);
      },
    );
  };
}

/** Booked through the API by a person (staff) or an integration (api). */
function bookedBy(caller: ApiCaller): { source: Appointment['source']; createdByUserId: string | null } {
  return { source: caller.role === 'api' ? 'api' : 'staff', createdByUserId: caller.userId };
}
