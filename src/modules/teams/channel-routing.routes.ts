import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import {
  ChannelNotFoundError,
  listRoutedChannels,
  type RoutedChannel,
  setDefaultTeam,
  UnknownTeamError,
} from './channel-routing.service.ts';

export const channelJson = z
  .object({
    id: z.uuid(),
    type: z.enum(CHANNEL_TYPES),
    name: z.string(),
    display_phone_number: z.string().nullable().describe('The number patients write to, when known'),
    default_team: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe('New conversations of this number go to this team, which assigns them as its mode says'),
  })
  .meta({ id: 'Channel' });

/** The clinic's numbers (channel accounts) and where their new conversations go. No secrets here. */
export function channelRoutingRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/channels',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['channels'],
          summary: 'The clinic’s numbers, with the team their new conversations go to',
          response: { 200: z.object({ data: z.array(channelJson) }), 401: problemSchema },
        },
      },
      async (request) => ({
        data: (await listRoutedChannels(db, callerOf(request).orgId)).map(toChannelJson),
      }),
    );

    app.patch(
      '/channels/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['channels'],
          summary: 'Choose the team a number’s new conversations go to (administrators)',
          params: z.object({ id: z.uuid('must be a channel id (UUID)') }),
          body: z.object({
            default_team_id: z
              .uuid('must be a team id (UUID) or null')
              .nullable()
              .describe('null: new conversations go to no team'),
          }),
          response: {
            200: channelJson,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const routed = await setDefaultTeam(db, orgId, request.params.id, request.body.default_team_id).catch(
          (error: unknown) => {
            if (error instanceof ChannelNotFoundError) throw HttpProblem.notFound('Channel');
            if (error instanceof UnknownTeamError) {
              throw HttpProblem.badField('body.default_team_id', 'is not a team of this clinic');
            }
            throw error;
          },
        );
        return toChannelJson(routed);
      },
    );
  };
}

function toChannelJson({ account, defaultTeam }: RoutedChannel): z.infer<typeof channelJson> {
  return {
    id: account.id,
    type: account.type,
    name: account.name,
    display_phone_number: account.settings.displayPhoneNumber ?? null,
    default_team: defaultTeam ? { id: defaultTeam.id, name: defaultTeam.name } : null,
  };
}
