import type { Resource } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import type { Permission } from '../auth/access-rules.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { listAppointmentTypes } from '../scheduling/appointment-type.service.ts';
import { listLocations } from '../scheduling/location.service.ts';
import { listPractitioners } from '../scheduling/practitioner.service.ts';
import { practitionersOffering } from '../scheduling/practitioners-offering.ts';
import { listSchedules } from '../scheduling/schedule.service.ts';
import type { AppointmentType } from '../scheduling/scheduling.schema.ts';
import { SchedulingNotFoundError } from '../scheduling/scheduling-errors.ts';
import { findSlots } from '../scheduling/slot-search.service.ts';
import { FHIR_PREFIX, type FhirDeps } from './fhir-deps.ts';
import { baseUrlOf, sendResource } from './fhir-http.ts';
import { FhirError } from './fhir-outcome.ts';
import { dateRange, inRange, parseSearch, referenceId, searchset, single, token } from './fhir-search.ts';
import {
  toFhirHealthcareService,
  toFhirLocation,
  toFhirPractitioner,
  toFhirSchedule,
  toFhirSlot,
} from './resources/scheduling.fhir.ts';

/** The clinic's set-up: a few rows each, listed whole and filtered here. */
interface Directory {
  type: 'Practitioner' | 'Location' | 'HealthcareService' | 'Schedule';
  access: Permission;
  params: readonly string[];
  list(orgId: string): Promise<Resource[]>;
  /** Whether a resource matches one search parameter's value. */
  matches(resource: Resource, param: string, value: string): boolean;
}

/** How many free slots a search computes at most (each is worked out from the hours and the agenda). */
export const SLOTS_MAX = 200;
export const SLOT_SEARCH_PARAMS = ['schedule', 'start', 'service-type', 'status'] as const;

const nameMatches = (name: string | undefined, value: string) =>
  (name ?? '').toLocaleLowerCase('fr').includes(value.toLocaleLowerCase('fr'));

export function schedulingDirectoryRoutes(deps: FhirDeps) {
  const { db } = deps;

  async function offeredBy(orgId: string): Promise<(practitionerId: string) => AppointmentType[]> {
    const types = (await listAppointmentTypes(db, orgId)).filter((t) => t.active);
    const practitioners = await listPractitioners(db, orgId);
    return (practitionerId) =>
      types.filter((t) => practitionersOffering(t, practitioners, { practitionerId }).length > 0);
  }

  const directories: Directory[] = [
    {
      type: 'Practitioner',
      access: 'clinic.read',
      params: ['_id', 'name', 'active'],
      list: async (orgId) => (await listPractitioners(db, orgId)).map(toFhirPractitioner),
      matches: (r, param, value) =>
        r.resourceType === 'Practitioner' &&
        (param === 'name' ? nameMatches(r.name?.[0]?.text, value) : String(r.active) === value),
    },
    {
      type: 'Location',
      access: 'clinic.read',
      params: ['_id', 'name'],
      list: async (orgId) => (await listLocations(db, orgId)).map(toFhirLocation),
      matches: (r, _param, value) => r.resourceType === 'Location' && nameMatches(r.name, value),
    },
    {
      type: 'HealthcareService',
      access: 'clinic.read',
      params: ['_id', 'name', 'active', 'service-type'],
      list: async (orgId) => (await listAppointmentTypes(db, orgId)).map(toFhirHealthcareService),
      matches: (r, param, value) => {
        if (r.resourceType !== 'HealthcareService') return false;
        if (param === 'name') return nameMatches(r.name, value);
        if (param === 'active') return String(r.active) === value;
        return (r.type ?? []).some((t) => t.coding?.some((c) => c.code === token(value).code));
      },
    },
    {
      type: 'Schedule',
      access: 'appointments.read',
      params: ['_id', 'actor', 'service-type'],
      list: async (orgId) => {
        const offered = await offeredBy(orgId);
        return (await listSchedules(db, orgId)).map((s) => toFhirSchedule(s, offered(s.practitionerId)));
      },
      matches: (r, param, value) => {
        if (r.resourceType !== 'Schedule') return false;
        if (param === 'actor')
          return r.actor.some((a) => a.reference === value || a.reference?.endsWith(`/${value}`));
        return (r.serviceType ?? []).some((t) => t.coding?.some((c) => c.code === token(value).code));
      },
    },
  ];

  return async (app: FastifyInstance) => {
    for (const directory of directories) {
      app.get<{ Params: { id: string } }>(
        `/${directory.type}/:id`,
        { config: { access: directory.access } },
        async (request, reply) => {
          const found = (await directory.list(callerOf(request).orgId)).find(
            (r) => r.id === request.params.id,
          );
          if (!found) throw FhirError.notFound(directory.type, request.params.id.slice(0, 64));
          return sendResource(reply, found);
        },
      );
      app.get(`/${directory.type}`, { config: { access: directory.access } }, async (request, reply) => {
        const search = parseSearch(directory.type, request.query, directory.params);
        const all = await directory.list(callerOf(request).orgId);
        const matches = all.filter((resource) =>
          [...search.params].every(([param, [value = '']]) => {
            if (param === '_id') return resource.id === value;
            // _count, _cursor and _format shape the answer, not the matches.
            if (param.startsWith('_')) return true;
            return directory.matches(resource, param, value);
          }),
        );
        return sendResource(
          reply,
          searchset(baseUrlOf(request, FHIR_PREFIX), directory.type, request.url, matches, search),
        );
      });
    }

    app.get('/Slot', { config: { access: 'appointments.read' } }, async (request, reply) => {
      const { orgId } = callerOf(request);
      const search = parseSearch('Slot', request.query, SLOT_SEARCH_PARAMS);
      const { params } = search;
      const scheduleParam = single(params, 'schedule');
      if (scheduleParam === undefined)
        throw FhirError.invalid(
          'Slot?schedule',
          'is required: free slots are computed one schedule at a time',
        );
      const scheduleId = referenceId('Slot', 'schedule', 'Schedule', scheduleParam);
      const status = single(params, 'status');
      if (status !== undefined && status !== 'free')
        throw FhirError.invalid('Slot?status', 'must be free: only free slots are computed');
      const schedule = (await listSchedules(db, orgId)).find((s) => s.id === scheduleId);
      const range = dateRange('Slot', params.get('start') ?? [], 'start');
      const wantedType = single(params, 'service-type');
      const offered = schedule ? (await offeredBy(orgId))(schedule.practitionerId) : [];
      const types =
        wantedType === undefined
          ? offered
          : offered.filter((t) => t.key === token(wantedType).code || t.id === token(wantedType).code);
      const slots = [];
      for (const type of types) {
        if (!schedule) break;
        try {
          const found = await findSlots(db, orgId, {
            appointmentTypeId: type.id,
            practitionerId: schedule.practitionerId,
            ...(range.from ? { from: range.from.toISOString() } : {}),
            limit: SLOTS_MAX,
            now: deps.clock.now(),
          });
          slots.push(
            ...found.slots
              .filter((s) => s.locationId === schedule.locationId && inRange(new Date(s.start), range))
              .map((s) => toFhirSlot(s, scheduleId, type)),
          );
        } catch (error) {
          if (!(error instanceof SchedulingNotFoundError)) throw error;
        }
      }
      slots.sort((a, b) => a.start.localeCompare(b.start));
      return sendResource(
        reply,
        searchset(baseUrlOf(request, FHIR_PREFIX), 'Slot', request.url, slots.slice(0, SLOTS_MAX), search),
      );
    });
  };
}
