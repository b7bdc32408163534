import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from './caller.ts';
import {
  addStaffMember,
  changeStaffMember,
  DeactivatedMemberError,
  DuplicateEmailError,
  LastAdminError,
  StaffMemberNotFoundError,
  signOutEverywhere,
} from './staff-admin.service.ts';
import type { StaffWork } from './staff-work.ts';
import {
  newStaffBody,
  staffJson,
  staffPatchBody,
  staffWithPasswordJson,
  toStaffJson,
  toStaffWithPasswordJson,
} from './user.api.ts';
import { listStaff } from './user.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** The clinic's staff: everyone reads it (to assign conversations); administrators and API keys change it. */
export function userRoutes(db: Db, clock: Clock, work: StaffWork): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        config: { access: 'staff.read' },
        schema: {
          tags: ['users'],
          summary: 'The clinic’s staff, with presence and workload',
          querystring: z.object({
            include_deactivated: z
              .enum(['true', 'false'], { message: 'must be true or false' })
              .default('false')
              .describe('Also list deactivated members (they carry deactivated_at)'),
          }),
          response: { 200: z.object({ data: z.array(staffJson) }), 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const includeDeactivated = request.query.include_deactivated === 'true';
        const staff = await listStaff(
          db,
          callerOf(request).orgId,
          { includeDeactivated },
          clock.now(),
          work.openConversationCounts,
        );
        return { data: staff.map(toStaffJson) };
      },
    );

    app.post(
      '/users',
      {
        config: { access: 'staff.manage' },
        schema: {
          tags: ['users'],
          summary: 'Add a member of the staff (administrators)',
          description:
            'The e-mail must not have an account yet (409). Without a password Careline generates one and ' +
            'returns it once, as generated_password.',
          body: newStaffBody,
          response: { 201: staffWithPasswordJson, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const { name, email, role, capacity, password } = request.body;
        const added = await addStaffMember(
          db,
          orgId,
          {
            name,
            email,
            role,
            ...(capacity !== undefined ? { capacity } : {}),
            ...(password !== undefined ? { password } : {}),
          },
          clock.now(),
          work,
        ).catch((error: unknown) => {
          if (!(error instanceof DuplicateEmailError)) throw error;
          throw new HttpProblem(409, `body.email: ${error.email} already has a Careline account`, [
            { field: 'body.email', message: 'already has an account' },
          ]);
        });
        return reply.code(201).send(toStaffWithPasswordJson(added));
      },
    );

    app.patch(
      '/users/:id',
      {
        config: { access: 'staff.manage' },
        schema: {
          tags: ['users'],
          summary:
            'Change a member’s name, role, capacity or password; deactivate or reactivate (administrators)',
          description:
            'Fields left out stay as they are. The clinic’s last active administrator can be neither ' +
            'demoted nor deactivated (409).',
          params: z.object({ id: z.uuid('must be a user id (UUID)') }),
          body: staffPatchBody,
          response: { 200: staffWithPasswordJson, 404: problemSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { name, role, capacity, active, password } = request.body;
        const changed = await changeStaffMember(
          db,
          orgId,
          request.params.id,
          {
            ...(name !== undefined ? { name } : {}),
            ...(role !== undefined ? { role } : {}),
            ...(capacity !== undefined ? { capacity } : {}),
            ...(active !== undefined ? { active } : {}),
            ...(password !== undefined ? { password } : {}),
          },
          clock.now(),
          work,
        ).catch((error: unknown) => {
          throw problemOf(error);
        });
        return toStaffWithPasswordJson(changed);
      },
    );

    app.post(
      '/users/:id/sign-out-everywhere',
      {
        config: { access: 'staff.manage' },
        schema: {
          tags: ['users'],
          summary: 'Sign a member out of every browser, e.g. after a lost laptop (administrators)',
          description:
            'Every session of the member ends: their next request gets 401 and they sign in again. ' +
            'Their password stays: change it too (PATCH /users/{id}) if it may be known.',
          params: z.object({ id: z.uuid('must be a user id (UUID)') }),
          response: {
            200: z.object({ signed_out: z.number().int().describe('How many sessions ended') }),
            404: problemSchema,
            ...errors,
          },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const signedOut = await signOutEverywhere(db, orgId, request.params.id, work).catch(
          (error: unknown) => {
            throw problemOf(error);
          },
        );
        return { signed_out: signedOut };
      },
    );
  };
}

function problemOf(error: unknown): unknown {
  if (error instanceof StaffMemberNotFoundError) return HttpProblem.notFound('User');
  if (error instanceof LastAdminError) {
    return new HttpProblem(
      409,
      'This is the clinic’s last active administrator: make someone else an administrator first',
    );
  }
  if (error instanceof DeactivatedMemberError) {
    return HttpProblem.badField(
      'body.password',
      'can only be set on an active member, or with "active": true',
    );
  }
  return error;
}
