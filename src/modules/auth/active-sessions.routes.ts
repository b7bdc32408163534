import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import {
  type ActiveSession,
  endOtherSessions,
  endOwnSession,
  listActiveSessions,
  type SessionOwner,
} from './active-sessions.service.ts';
import { callerOf } from './api-key.auth.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './session.service.ts';
import { clearSessionCookie } from './session-cookie.ts';

const activeSessionJson = z
  .object({
    id: z.uuid(),
    current: z.boolean().describe('The browser making this request'),
    created_at: z.iso.datetime().describe('When this session signed in'),
    last_used_at: z.iso.datetime().describe('Its latest request, to the minute'),
    expires_at: z.iso.datetime().describe('When it ends unless used again'),
    browser: z.string().nullable().describe('Browser family (Chrome, Firefox, Safari…); null when unknown'),
    os: z.string().nullable().describe('System family (Windows, macOS, iOS, Android…); null when unknown'),
    ip_prefix: z
      .string()
      .nullable()
      .describe('The network it signed in from, cut to /24 (IPv4) or /48 (IPv6); null when unknown'),
  })
  .meta({ id: 'ActiveSession' });

const errors = { 401: problemSchema, 403: problemSchema };

/**
 * A signed-in person's own browsers: the list, and signing out one or all the others (a computer
 * left signed in at the front desk, a lost phone). Behind the API guard: the cookie and, for
 * changes, the CSRF token, as everywhere else. API keys have no sessions (403).
 */
export function activeSessionRoutes(
  db: Db,
  options: { sessions?: SessionPolicy | undefined; clock: Clock },
): FastifyPluginAsyncZod {
  const policy = options.sessions ?? DEFAULT_SESSION_POLICY;
  const now = () => options.clock.now();
  return async (app) => {
    app.get(
      '/auth/sessions',
      {
        config: { access: 'account.own' },
        schema: {
          tags: ['auth'],
          summary: 'Your active sessions (signed-in browsers), most recently used first',
          response: { 200: z.object({ data: z.array(activeSessionJson) }), ...errors },
        },
      },
      async (request) => {
        const sessions = await listActiveSessions(db, ownerOf(request), now(), policy);
        return { data: sessions.map(toActiveSessionJson) };
      },
    );

    app.delete(
      '/auth/sessions/:id',
      {
        config: { access: 'account.own' },
        schema: {
          tags: ['auth'],
          summary: 'Sign out one of your sessions (needs X-CSRF-Token)',
          description:
            'Someone else’s session is not found (404). Signing out the current one clears its cookie.',
          params: z.object({ id: z.uuid('must be a session id (UUID)') }),
          response: { 204: z.null(), 400: problemSchema, 404: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const owner = ownerOf(request);
        if (!(await endOwnSession(db, owner.userId, request.params.id)))
          throw HttpProblem.notFound('Session');
        if (request.params.id === owner.currentSessionId) clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/sessions/sign-out-others',
      {
        config: { access: 'account.own' },
        schema: {
          tags: ['auth'],
          summary: 'Sign out all your other sessions; this one stays (needs X-CSRF-Token)',
          response: {
            200: z.object({ signed_out: z.number().int().describe('How many sessions ended') }),
            ...errors,
          },
        },
      },
      async (request) => ({ signed_out: await endOtherSessions(db, ownerOf(request)) }),
    );
  };
}

function ownerOf(request: FastifyRequest): SessionOwner {
  const { userId, sessionId } = callerOf(request);
  if (!userId || !sessionId) {
    throw new HttpProblem(403, 'Only a signed-in person has sessions: an API key has none');
  }
  return { userId, currentSessionId: sessionId };
}

function toActiveSessionJson(session: ActiveSession): z.infer<typeof activeSessionJson> {
  return {
    id: session.id,
    current: session.current,
    created_at: session.createdAt.toISOString(),
    last_used_at: session.lastUsedAt.toISOString(),
    expires_at: session.expiresAt.toISOString(),
    browser: session.browser,
    os: session.os,
    ip_prefix: session.ipPrefix,
  };
}
