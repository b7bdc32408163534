import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { ONLINE_WITHIN_MS } from './presence.ts';
import { USER_ROLES } from './user.schema.ts';
import { listStaff, type StaffStatus } from './user.service.ts';

export const staffJson = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    email: z.string(),
    role: z.enum(USER_ROLES),
    online: z.boolean().describe(`Seen in the inbox within the last ${ONLINE_WITHIN_MS / 60_000} minutes`),
    last_seen_at: z.iso.datetime().nullable(),
    open_conversations: z.number().int().describe('Open conversations assigned to this person'),
    capacity: z.number().int().describe('Most open conversations automatic assignment gives this person'),
  })
  .meta({ id: 'StaffMember' });

export function userRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'The clinic’s staff, with presence and workload',
          response: { 200: z.object({ data: z.array(staffJson) }), 401: problemSchema },
        },
      },
      async (request) => ({ data: (await listStaff(db, callerOf(request).orgId)).map(toStaffJson) }),
    );
  };
}

function toStaffJson(u: StaffStatus): z.infer<typeof staffJson> {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    online: u.online,
    last_seen_at: u.lastSeenAt?.toISOString() ?? null,
    open_conversations: u.openConversations,
    capacity: u.capacity,
  };
}
