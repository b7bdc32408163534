import type { Appointment } from '@medplum/fhirtypes';
import type { AppointmentDetails } from '../../scheduling/appointment-agenda.service.ts';
import { APPOINTMENT_TYPE_SYSTEM } from './identifier-systems.ts';

/** An appointment of the agenda as an R4 Appointment: the patient, practitioner and place as participants. */
export function toFhirAppointment(details: AppointmentDetails): Appointment {
  const { appointment: a, location, type } = details;
  const minutes = Math.round((a.end.getTime() - a.start.getTime()) / 60_000);
  return {
    resourceType: 'Appointment',
    id: a.id,
    meta: { lastUpdated: a.updatedAt.toISOString() },
    status: a.status,
    ...(a.status === 'cancelled'
      ? {
          cancelationReason: {
            text: a.cancelledBy === 'patient' ? 'Cancelled by the patient' : 'Cancelled by the clinic',
          },
        }
      : {}),
    ...(type
      ? {
          appointmentType: {
            coding: [{ system: APPOINTMENT_TYPE_SYSTEM, code: type.key, display: type.name.en }],
            text: type.name.en,
          },
        }
      : {}),
    ...(a.reason ? { description: a.reason } : {}),
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    ...(minutes > 0 ? { minutesDuration: minutes } : {}),
    created: a.createdAt.toISOString(),
    participant: [
      {
        actor: {
          reference: `Patient/${a.contactId}`,
          ...(details.contactName ? { display: details.contactName } : {}),
        },
        required: 'required',
        status: a.confirmedAt ? 'accepted' : 'needs-action',
      },
      {
        actor: { reference: `Practitioner/${a.practitionerId}`, display: details.practitionerName },
        required: 'required',
        status: 'accepted',
      },
      {
        actor: { reference: `Location/${location.id}`, display: location.name },
        required: 'required',
        status: 'accepted',
      },
    ],
  };
}
