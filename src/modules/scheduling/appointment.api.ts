import { z } from 'zod';
import type { AppointmentDetails } from './appointment-agenda.service.ts';
import { APPOINTMENT_STATUSES } from './scheduling.schema.ts';
import type { FoundSlot } from './slot-search.service.ts';

export const slotJson = z
  .object({
    start: z.iso.datetime().describe('ISO 8601, UTC'),
    end: z.iso.datetime(),
    practitioner: z.object({ id: z.uuid(), name: z.string() }),
    location: z.object({ id: z.uuid(), name: z.string() }),
    time_zone: z.string().describe('The zone to show the time in: the place’s'),
  })
  .meta({ id: 'Slot' });

export const appointmentJson = z
  .object({
    id: z.uuid(),
    status: z.enum(APPOINTMENT_STATUSES),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    late: z
      .boolean()
      .describe('Still only booked some minutes after its start (the reminder policy says how many)'),
    confirmed_at: z.iso.datetime().nullable().describe('When the patient said they will come'),
    source: z.enum(['chat', 'staff', 'api']),
    reason: z.string().nullable(),
    contact: z.object({ id: z.uuid(), name: z.string().nullable() }),
    practitioner: z.object({ id: z.uuid(), name: z.string() }),
    location: z.object({
      id: z.uuid(),
      name: z.string(),
      address: z.string().nullable(),
      time_zone: z.string(),
    }),
    type: z
      .object({ id: z.uuid(), key: z.string(), name: z.object({ fr: z.string(), en: z.string() }) })
      .nullable(),
    conversation_id: z.uuid().nullable(),
    cancelled_at: z.iso.datetime().nullable(),
    cancelled_by: z.enum(['patient', 'staff']).nullable(),
    rescheduled_from_id: z.uuid().nullable().describe('The appointment this one replaced'),
    created_by_user_id: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Appointment' });

export function toSlotJson(slot: FoundSlot): z.infer<typeof slotJson> {
  return {
    start: slot.start,
    end: slot.end,
    practitioner: { id: slot.practitionerId, name: slot.practitionerName },
    location: { id: slot.locationId, name: slot.locationName },
    time_zone: slot.timeZone,
  };
}

export function toAppointmentJson(details: AppointmentDetails): z.infer<typeof appointmentJson> {
  const { appointment: a, location, type } = details;
  return {
    id: a.id,
    status: a.status,
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    late: details.late,
    confirmed_at: a.confirmedAt?.toISOString() ?? null,
    source: a.source,
    reason: a.reason,
    contact: { id: a.contactId, name: details.contactName },
    practitioner: { id: a.practitionerId, name: details.practitionerName },
    location: {
      id: location.id,
      name: location.name,
      address: location.address,
      time_zone: location.timeZone,
    },
    type: type ? { id: type.id, key: type.key, name: type.name } : null,
    conversation_id: a.conversationId,
    cancelled_at: a.cancelledAt?.toISOString() ?? null,
    cancelled_by: a.cancelledBy,
    rescheduled_from_id: a.rescheduledFromId,
    created_by_user_id: a.createdByUserId,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}
