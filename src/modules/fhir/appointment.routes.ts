import type { Appointment } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditRead } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { APPOINTMENT_STATUSES, cancelAppointment } from '../scheduling/appointment.service.ts';
import { getAppointment, listAppointments } from '../scheduling/appointment-agenda.service.ts';
import { listAppointmentTypes } from '../scheduling/appointment-type.service.ts';
import { bookAppointment } from '../scheduling/booking.service.ts';
import type { AppointmentStatus } from '../scheduling/scheduling.schema.ts';
import {
  AppointmentStatusConflictError,
  InvalidSchedulingInputError,
  SchedulingNotFoundError,
  SlotTakenError,
  SlotUnavailableError,
  UnknownReferenceError,
} from '../scheduling/scheduling-errors.ts';
import { sendAuditedSearchset } from './audited-search.ts';
import { readBody } from './fhir-body.ts';
import { FHIR_PREFIX, type FhirDeps } from './fhir-deps.ts';
import { baseUrlOf, parseJsonBody, sendResource } from './fhir-http.ts';
import { FhirError } from './fhir-outcome.ts';
import {
  dateRange,
  inRange,
  parseSearch,
  referenceId,
  SEARCH_MATCHES_MAX,
  single,
  UUID,
} from './fhir-search.ts';
import { toFhirAppointment } from './resources/appointment.fhir.ts';
import { APPOINTMENT_TYPE_SYSTEM } from './resources/identifier-systems.ts';

export const APPOINTMENT_SEARCH_PARAMS = ['_id', 'date', 'patient', 'practitioner', 'status'] as const;

const reference = z.object({ reference: z.string().max(200).optional() }).loose();
const coding = z
  .object({ system: z.string().max(500).optional(), code: z.string().max(200).optional() })
  .loose();
/** What a create must hold; everything else of the resource is ignored (FHIR lets servers drop what they do not keep). */
const newAppointment = z
  .object({
    resourceType: z.literal('Appointment', { error: 'must be Appointment' }),
    status: z.enum(['booked', 'proposed'], {
      error: 'must be booked (or proposed) to create an appointment',
    }),
    start: z.iso.datetime({
      offset: true,
      error: 'must be an instant with its time zone, e.g. 2027-03-29T07:00:00Z',
    }),
    description: z.string().max(1000, 'is at most 1000 characters').optional(),
    appointmentType: z.object({ coding: z.array(coding).max(10).optional() }).loose(),
    participant: z
      .array(z.object({ actor: reference.optional() }).loose())
      .min(1)
      .max(10),
  })
  .loose();
const changedAppointment = z
  .object({
    resourceType: z.literal('Appointment', { error: 'must be Appointment' }),
    id: z.string().max(64).optional(),
    status: z.enum(APPOINTMENT_STATUSES, { error: `must be one of ${APPOINTMENT_STATUSES.join(', ')}` }),
  })
  .loose();
const jsonPatch = z
  .array(z.object({ op: z.string().max(20), path: z.string().max(200), value: z.unknown().optional() }))
  .min(1)
  .max(20);

export function appointmentRoutes(deps: FhirDeps) {
  const { db, keyring } = deps;
  const { reminders } = deps.scheduling;
  const now = () => deps.clock.now();

  async function readOne(orgId: string, id: string): Promise<Appointment> {
    if (!UUID.test(id)) throw FhirError.notFound('Appointment', id.slice(0, 64));
    try {
      return toFhirAppointment(await getAppointment(db, keyring, reminders, orgId, id.toLowerCase(), now()));
    } catch (error) {
      if (error instanceof SchedulingNotFoundError) throw FhirError.notFound('Appointment', id);
      throw error;
    }
  }

  async function audited(request: FastifyRequest, appointment: Appointment): Promise<Appointment> {
    await auditRead(request, {
      type: 'Appointment',
      id: appointment.id ?? '',
      patient: patientOf(appointment),
    });
    return appointment;
  }

  /** Cancels through the agenda's own service: the time is offered again, the reminders stop. */
  async function changeStatus(
    request: FastifyRequest,
    id: string,
    status: AppointmentStatus,
  ): Promise<Appointment> {
    const { orgId } = callerOf(request);
    const current = await readOne(orgId, id);
    if (status !== current.status) {
      if (status !== 'cancelled') {
        throw FhirError.businessRule(
          'Appointment.status',
          `Appointment.status: only a change to cancelled is supported here (it is ${current.status})`,
        );
      }
      try {
        await cancelAppointment(db, reminders, orgId, id.toLowerCase(), { by: 'staff', now: now() });
      } catch (error) {
        if (error instanceof AppointmentStatusConflictError)
          throw new FhirError(409, 'conflict', `Appointment is ${error.current}: it cannot be cancelled`, [
            'Appointment.status',
          ]);
        throw error;
      }
    }
    return audited(request, await readOne(orgId, id));
  }

  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/json-patch+json', { parseAs: 'string' }, parseJsonBody);

    app.get<{ Params: { id: string } }>(
      '/Appointment/:id',
      { config: { access: 'appointments.read' } },
      async (request, reply) => {
        const appointment = await readOne(callerOf(request).orgId, request.params.id);
        return sendResource(reply, await audited(request, appointment));
      },
    );

    app.get('/Appointment', { config: { access: 'appointments.read' } }, async (request, reply) => {
      const { orgId } = callerOf(request);
      const search = parseSearch('Appointment', request.query, APPOINTMENT_SEARCH_PARAMS);
      const { params } = search;
      const patient = single(params, 'patient');
      const practitioner = single(params, 'practitioner');
      const status = single(params, 'status');
      const id = single(params, '_id');
      if (status !== undefined && !(APPOINTMENT_STATUSES as readonly string[]).includes(status))
        throw FhirError.invalid('Appointment?status', `must be one of ${APPOINTMENT_STATUSES.join(', ')}`);
      const range = dateRange('Appointment', params.get('date') ?? []);
      const found =
        id !== undefined && !UUID.test(id)
          ? []
          : await listAppointments(
              db,
              keyring,
              reminders,
              orgId,
              {
                limit: SEARCH_MATCHES_MAX,
                ...(id === undefined ? {} : { ids: [id.toLowerCase()] }),
                ...(patient === undefined
                  ? {}
                  : { contactId: referenceId('Appointment', 'patient', 'Patient', patient) }),
                ...(practitioner === undefined
                  ? {}
                  : {
                      practitionerId: referenceId(
                        'Appointment',
                        'practitioner',
                        'Practitioner',
                        practitioner,
                      ),
                    }),
                ...(status === undefined ? {} : { statuses: [status as AppointmentStatus] }),
                ...(range.from ? { startsAtOrAfter: range.from } : {}),
                ...(range.before ? { startsBefore: range.before } : {}),
              },
              now(),
            );
      const matches = found.filter((a) => inRange(a.appointment.start, range)).map(toFhirAppointment);
      return sendAuditedSearchset(request, reply, 'Appointment', matches, search, (r) =>
        r.resourceType === 'Appointment' ? patientOf(r) : null,
      );
    });

    app.post('/Appointment', { config: { access: 'appointments.write' } }, async (request, reply) => {
      const caller = callerOf(request);
      const body = readBody('Appointment', newAppointment, request.body);
      const actors = body.participant.flatMap((p) => (p.actor?.reference ? [p.actor.reference] : []));
      const actorOf = (type: string) => {
        const ref = actors.find((r) => r.startsWith(`${type}/`));
        if (!ref)
          throw FhirError.invalid('Appointment.participant', `must include a ${type} actor (${type}/<id>)`);
        return referenceId('Appointment', 'participant', type, ref);
      };
      const contactId = actorOf('Patient');
      const practitionerId = actorOf('Practitioner');
      const locationId = actorOf('Location');
      const code = (body.appointmentType.coding ?? []).find(
        (c) => c.system === APPOINTMENT_TYPE_SYSTEM,
      )?.code;
      const type =
        code === undefined
          ? undefined
          : (await listAppointmentTypes(db, caller.orgId)).find((t) => t.key === code || t.id === code);
      if (!type) {
        throw FhirError.invalid(
          'Appointment.appointmentType',
          `must hold a coding of ${APPOINTMENT_TYPE_SYSTEM} naming one of the clinic's appointment types (HealthcareService)`,
        );
      }
      try {
        const booked = await bookAppointment(db, keyring, reminders, caller.orgId, {
          contactId,
          practitionerId,
          locationId,
          appointmentTypeId: type.id,
          start: body.start,
          reason: body.description?.trim() || null,
          source: caller.role === 'api' ? 'api' : 'staff',
          createdByUserId: caller.userId,
          now: now(),
        });
        // The patient is told as when the front desk books (their channel, their consent).
        await reminders.noticeOfStaffBooking(deps.scheduling, caller.orgId, booked.id, now());
        deps.wake();
        const created = await audited(request, await readOne(caller.orgId, booked.id));
        return sendResource(
          reply.code(201).header('location', `${baseUrlOf(request, FHIR_PREFIX)}/Appointment/${booked.id}`),
          created,
        );
      } catch (error) {
        throw bookingError(error);
      }
    });

    app.put<{ Params: { id: string } }>(
      '/Appointment/:id',
      { config: { access: 'appointments.write' } },
      async (request, reply) => {
        const body = readBody('Appointment', changedAppointment, request.body);
        if (body.id !== undefined && body.id !== request.params.id)
          throw FhirError.invalid('Appointment.id', 'must be the id of the URL');
        return sendResource(reply, await changeStatus(request, request.params.id, body.status));
      },
    );

    app.patch<{ Params: { id: string } }>(
      '/Appointment/:id',
      { config: { access: 'appointments.write' } },
      async (request, reply) => {
        const patch = readBody('Appointment', jsonPatch, request.body);
        const [only] = patch;
        if (
          patch.length !== 1 ||
          !only ||
          only.op !== 'replace' ||
          only.path !== '/status' ||
          only.value !== 'cancelled'
        ) {
          throw FhirError.businessRule(
            'Appointment.status',
            'Appointment: the only patch supported is [{"op":"replace","path":"/status","value":"cancelled"}]',
          );
        }
        return sendResource(reply, await changeStatus(request, request.params.id, 'cancelled'));
      },
    );
  };
}

function patientOf(appointment: Appointment): string | null {
  const ref = appointment.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))?.actor
    ?.reference;
  return ref ? ref.slice('Patient/'.length) : null;
}

/** The booking service's refusals as FHIR: a taken slot is 409, a time that is no slot 422. */
function bookingError(error: unknown): unknown {
  if (error instanceof SlotTakenError)
    return new FhirError(
      409,
      'conflict',
      `Appointment.start: the slot at ${error.start} is no longer free: someone booked it, choose another time`,
      ['Appointment.start'],
    );
  if (error instanceof SlotUnavailableError)
    return FhirError.businessRule('Appointment.start', `Appointment.start: ${error.reason}`);
  if (error instanceof UnknownReferenceError) {
    const element = {
      practitionerId: 'Practitioner',
      locationId: 'Location',
      contactId: 'Patient',
      appointmentTypeId: 'appointmentType',
    }[error.field];
    const where = element === 'appointmentType' ? 'Appointment.appointmentType' : 'Appointment.participant';
    return FhirError.invalid(where, `${element ?? error.field} ${error.reason}`);
  }
  if (error instanceof InvalidSchedulingInputError)
    return FhirError.invalid('Appointment', error.issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  return error;
}
