import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { openAlerts } from './alert.service.ts';

/** What an operator must fix, e.g. a WhatsApp access token Meta no longer accepts. */
export function alertRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/alerts',
      {
        schema: {
          tags: ['alerts'],
          summary: 'Open operator alerts of the clinic',
          response: {
            200: z.object({
              data: z.array(
                z.object({
                  id: z.uuid(),
                  kind: z.string(),
                  channel_account_id: z.uuid().nullable(),
                  detail: z.string(),
                  created_at: z.iso.datetime(),
                }),
              ),
            }),
            401: problemSchema,
          },
        },
      },
      async (request) => ({
        data: (await openAlerts(db, callerOf(request).orgId)).map((a) => ({
          id: a.id,
          kind: a.kind,
          channel_account_id: a.channelAccountId,
          detail: a.detail,
          created_at: a.createdAt.toISOString(),
        })),
      }),
    );
  };
}
