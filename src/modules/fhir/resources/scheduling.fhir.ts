import type { HealthcareService, Location, Practitioner, Schedule, Slot } from '@medplum/fhirtypes';
import type {
  AppointmentType,
  Location as CarelineLocation,
  Practitioner as CarelinePractitioner,
  Schedule as CarelineSchedule,
} from '../../scheduling/scheduling.schema.ts';
import type { FoundSlot } from '../../scheduling/slot-search.service.ts';
import { APPOINTMENT_TYPE_SYSTEM, SPECIALTY_SYSTEM } from './identifier-systems.ts';

/** A practitioner of the agenda; the specialty key as a qualification code, the consultation languages. */
export function toFhirPractitioner(p: CarelinePractitioner): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: p.id,
    active: p.active,
    name: [{ text: p.name }],
    qualification: [
      { code: { coding: [{ system: SPECIALTY_SYSTEM, code: p.specialty }], text: p.specialty } },
    ],
    communication: p.languages.map((language) => ({
      coding: [{ system: 'urn:ietf:bcp:47', code: language }],
    })),
  };
}

/** A place of consultation; its time zone (an IANA name) in the description, as R4 has no field for it. */
export function toFhirLocation(l: CarelineLocation): Location {
  return {
    resourceType: 'Location',
    id: l.id,
    status: 'active',
    name: l.name,
    description: `Times are in ${l.timeZone}`,
    mode: 'instance',
    ...(l.address ? { address: { text: l.address } } : {}),
  };
}

export function appointmentTypeCode(type: Pick<AppointmentType, 'key' | 'name'>) {
  return {
    coding: [{ system: APPOINTMENT_TYPE_SYSTEM, code: type.key, display: type.name.en }],
    text: type.name.en,
  };
}

/** An appointment type: what can be booked, how long it takes, who offers it. */
export function toFhirHealthcareService(type: AppointmentType): HealthcareService {
  return {
    resourceType: 'HealthcareService',
    id: type.id,
    active: type.active,
    name: type.name.en,
    type: [appointmentTypeCode(type)],
    comment: `${type.durationMinutes} minutes; booked ${type.minimumNoticeMinutes} minutes ahead at least, ${type.horizonDays} days ahead at most`,
    appointmentRequired: true,
  };
}

/** When a practitioner works at a place, and the appointment types they offer there. */
export function toFhirSchedule(schedule: CarelineSchedule, offered: readonly AppointmentType[]): Schedule {
  return {
    resourceType: 'Schedule',
    id: schedule.id,
    active: true,
    actor: [
      { reference: `Practitioner/${schedule.practitionerId}` },
      { reference: `Location/${schedule.locationId}` },
    ],
    ...(offered.length > 0 ? { serviceType: offered.map(appointmentTypeCode) } : {}),
    ...(schedule.validFrom || schedule.validTo
      ? {
          planningHorizon: {
            ...(schedule.validFrom ? { start: `${schedule.validFrom}T00:00:00Z` } : {}),
            ...(schedule.validTo ? { end: `${schedule.validTo}T23:59:59Z` } : {}),
          },
        }
      : {}),
  };
}

/** A free time, computed (never stored): its id says which schedule, type and start it is. */
export function toFhirSlot(
  slot: FoundSlot,
  scheduleId: string,
  type: Pick<AppointmentType, 'id' | 'key' | 'name'>,
): Slot {
  const seconds = Math.floor(new Date(slot.start).getTime() / 1000);
  return {
    resourceType: 'Slot',
    id: `${scheduleId}-${type.id.slice(0, 8)}-${seconds}`,
    schedule: { reference: `Schedule/${scheduleId}` },
    status: 'free',
    start: slot.start,
    end: slot.end,
    serviceType: [appointmentTypeCode(type)],
  };
}
