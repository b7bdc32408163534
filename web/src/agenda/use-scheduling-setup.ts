import { useQuery } from '@tanstack/react-query';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import type { AppointmentType, Location, Practitioner, Schedule } from '../api/scheduling-types.ts';
import { useSignedIn } from '../session/session-context.tsx';

/** The set-up changes rarely (administrators, through the API): read it once in a while. */
const SETUP_STALE_MS = 5 * 60_000;

/** The clinic's practitioners, places, appointment types and schedules, and the zone to show times in. */
export function useSchedulingSetup() {
  const { user } = useSignedIn();
  const practitioners = useQuery({
    queryKey: schedulingKeys.practitioners,
    queryFn: schedulingApi.practitioners,
    staleTime: SETUP_STALE_MS,
    select: (page): Practitioner[] => page.data,
  });
  const locations = useQuery({
    queryKey: schedulingKeys.locations,
    queryFn: schedulingApi.locations,
    staleTime: SETUP_STALE_MS,
    select: (page): Location[] => page.data,
  });
  const types = useQuery({
    queryKey: schedulingKeys.types,
    queryFn: schedulingApi.appointmentTypes,
    staleTime: SETUP_STALE_MS,
    select: (page): AppointmentType[] => page.data,
  });
  const schedules = useQuery({
    queryKey: schedulingKeys.schedules,
    queryFn: schedulingApi.schedules,
    staleTime: SETUP_STALE_MS,
    select: (page): Schedule[] => page.data,
  });
  return {
    practitioners,
    locations,
    types,
    schedules,
    timeZone: agendaZone(locations.data ?? [], user.org.time_zone),
  };
}

/**
 * The zone the agenda is drawn in: the clinic's place's (working hours are wall-clock times there).
 * With places in several zones, the first one's; the clinic's own zone when it has no place yet.
 */
export function agendaZone(locations: readonly Location[], clinicZone: string): string {
  return locations[0]?.time_zone ?? clinicZone;
}

/** Those who offer a type (an empty list: every active practitioner), active ones only. */
export function practitionersOffering(
  practitioners: readonly Practitioner[],
  type: AppointmentType | undefined,
): Practitioner[] {
  const active = practitioners.filter((p) => p.active);
  if (!type || type.practitioner_ids.length === 0) return active;
  return active.filter((p) => type.practitioner_ids.includes(p.id));
}
