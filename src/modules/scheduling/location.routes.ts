import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { changeLocation, createLocation, getLocation, listLocations } from './location.service.ts';
import { locationFields, locationJson, someField, toLocationJson } from './scheduling.api.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { orProblem } from './scheduling-problems.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['scheduling'];
const params = z.object({ id: z.uuid('must be a location id (UUID)') });

/** The clinic’s places: everyone reads them, administrators change them. */
export function locationRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/locations',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags,
          summary: 'The clinic’s places',
          response: { 200: z.object({ data: z.array(locationJson) }) },
        },
      },
      async (request) => ({ data: (await listLocations(db, callerOf(request).orgId)).map(toLocationJson) }),
    );
    app.get(
      '/locations/:id',
      {
        config: { access: 'clinic.read' },
        schema: { tags, summary: 'A place', params, response: { 200: locationJson, ...errors } },
      },
      async (request) =>
        toLocationJson(await orProblem(getLocation(db, callerOf(request).orgId, request.params.id))),
    );
    app.post(
      '/locations',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: `Add a place (administrators)`,
          body: z.object({
            name: locationFields.name,
            address: locationFields.address.optional(),
            time_zone: locationFields.time_zone.default('Europe/Paris'),
          }),
          response: { 201: locationJson, ...errors },
        },
      },
      async (request, reply) => {
        const { name, address, time_zone } = request.body;
        const location = await orProblem(
          createLocation(db, callerOf(request).orgId, {
            name,
            timeZone: time_zone,
            ...(address === undefined ? {} : { address }),
          }),
        );
        return reply.code(201).send(toLocationJson(location));
      },
    );
    app.patch(
      '/locations/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: `Change a place (administrators)`,
          params,
          body: z
            .object({
              name: locationFields.name.optional(),
              address: locationFields.address.optional(),
              time_zone: locationFields.time_zone.optional(),
            })
            .refine(someField, { message: 'change at least one field' }),
          response: { 200: locationJson, ...errors },
        },
      },
      async (request) => {
        const { name, address, time_zone } = request.body;
        const location = await orProblem(
          changeLocation(db, callerOf(request).orgId, request.params.id, {
            ...(name === undefined ? {} : { name }),
            ...(address === undefined ? {} : { address }),
            ...(time_zone === undefined ? {} : { timeZone: time_zone }),
          }),
        );
        return toLocationJson(location);
      },
    );
  };
}
