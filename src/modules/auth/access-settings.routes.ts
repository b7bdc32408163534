import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { findOrgAccessOptions, updateOrgAccessOptions } from '../orgs/org.service.ts';
import { callerOf } from './api-key.auth.ts';

const accessSettingsJson = z
  .object({
    agents_see_only_their_teams: z
      .boolean()
      .describe(
        'Agents and clinicians list, open, search and get live events only for conversations of their ' +
          'teams or assigned to them; supervisors and administrators still see all',
      ),
  })
  .meta({ id: 'AccessSettings' });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** The clinic's options on who sees what; the roles themselves are in access-rules.ts. */
export function accessSettingsRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/access-settings',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['users'],
          summary: 'Who sees which conversations in the clinic',
          response: { 200: accessSettingsJson, ...errors },
        },
      },
      async (request) => toJson(await findOrgAccessOptions(db, callerOf(request).orgId)),
    );

    app.patch(
      '/access-settings',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['users'],
          summary: 'Keep agents to their teams’ conversations, or not (administrators)',
          body: accessSettingsJson,
          response: { 200: accessSettingsJson, ...errors },
        },
      },
      async (request) =>
        toJson(
          await updateOrgAccessOptions(db, callerOf(request).orgId, {
            agentsSeeOnlyTheirTeams: request.body.agents_see_only_their_teams,
          }),
        ),
    );
  };
}

function toJson(
  options: { agentsSeeOnlyTheirTeams: boolean } | undefined,
): z.infer<typeof accessSettingsJson> {
  if (!options) throw HttpProblem.notFound('Clinic');
  return { agents_see_only_their_teams: options.agentsSeeOnlyTheirTeams };
}
