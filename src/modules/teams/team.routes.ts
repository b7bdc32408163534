import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { ASSIGNMENT_MODES } from './team.schema.ts';
import {
  changeTeam,
  createTeam,
  DuplicateTeamNameError,
  listTeams,
  setTeamMembers,
  TeamNotFoundError,
  type TeamWithMembers,
  UnknownMembersError,
} from './team.service.ts';

export const teamJson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    assignment_mode: z
      .enum(ASSIGNMENT_MODES)
      .describe(
        'manual: nobody is picked; round_robin: online members in turn; least_open: the online member with ' +
          'the fewest open conversations. Automatic modes skip members at capacity.',
      ),
    members: z.array(z.object({ id: z.uuid(), name: z.string().nullable() })),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Team' });

const teamParams = z.object({ id: z.uuid('must be a team id (UUID)') });
const teamName = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** Teams that conversations are routed to. Anyone reads them; only administrators (and API keys) change them. */
export function teamRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/teams',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['teams'],
          summary: 'The clinic’s teams with their members',
          response: { 200: z.object({ data: z.array(teamJson) }), 401: problemSchema },
        },
      },
      async (request) => ({ data: (await listTeams(db, callerOf(request).orgId)).map(toTeamJson) }),
    );

    app.post(
      '/teams',
      {
        config: { access: 'teams.manage' },
        schema: {
          tags: ['teams'],
          summary: 'Create a team (administrators)',
          body: z.object({
            name: teamName,
            assignment_mode: z.enum(ASSIGNMENT_MODES).default('round_robin'),
          }),
          response: { 201: teamJson, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const team = await createTeam(db, caller.orgId, {
          name: request.body.name,
          assignmentMode: request.body.assignment_mode,
        }).catch((error: unknown) => {
          throw problemOf(error);
        });
        return reply.code(201).send(toTeamJson(team));
      },
    );

    app.patch(
      '/teams/:id',
      {
        config: { access: 'teams.manage' },
        schema: {
          tags: ['teams'],
          summary: 'Rename a team or change how it assigns conversations (administrators)',
          params: teamParams,
          body: z
            .object({ name: teamName.optional(), assignment_mode: z.enum(ASSIGNMENT_MODES).optional() })
            .refine((b) => b.name !== undefined || b.assignment_mode !== undefined, {
              message: 'change at least one field',
            }),
          response: { 200: teamJson, 404: problemSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { name, assignment_mode } = request.body;
        const team = await changeTeam(db, caller.orgId, request.params.id, {
          ...(name !== undefined ? { name } : {}),
          ...(assignment_mode !== undefined ? { assignmentMode: assignment_mode } : {}),
        }).catch((error: unknown) => {
          throw problemOf(error);
        });
        return toTeamJson(team);
      },
    );

    app.put(
      '/teams/:id/members',
      {
        config: { access: 'teams.manage' },
        schema: {
          tags: ['teams'],
          summary: 'Set who is in a team (administrators)',
          description: 'Replaces the members. Each must be of the clinic’s staff (400 naming the position).',
          params: teamParams,
          body: z.object({ user_ids: z.array(z.uuid()).max(500) }),
          response: { 200: teamJson, 404: problemSchema, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const team = await setTeamMembers(db, caller.orgId, request.params.id, request.body.user_ids).catch(
          (error: unknown) => {
            if (error instanceof TeamNotFoundError) throw HttpProblem.notFound('Team');
            if (!(error instanceof UnknownMembersError)) throw error;
            const fields = error.positions.map((p) => ({
              field: `body.user_ids.${p}`,
              message: 'is not a member of this clinic’s staff',
            }));
            throw new HttpProblem(400, fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
          },
        );
        return toTeamJson(team);
      },
    );

    // Which team each number's new conversations go to is part of the same routing.
  };
}

function problemOf(error: unknown): unknown {
  if (error instanceof TeamNotFoundError) return HttpProblem.notFound('Team');
  if (error instanceof DuplicateTeamNameError) {
    return new HttpProblem(409, `body.name: the clinic already has a team named “${error.teamName}”`, [
      { field: 'body.name', message: 'is already the name of a team' },
    ]);
  }
  return error;
}

function toTeamJson(team: TeamWithMembers): z.infer<typeof teamJson> {
  return {
    id: team.id,
    name: team.name,
    assignment_mode: team.assignmentMode,
    members: team.members.map((m) => ({ id: m.id, name: m.name })),
    created_at: team.createdAt.toISOString(),
  };
}
