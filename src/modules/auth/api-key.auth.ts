import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ApiCaller } from '../users/caller.ts';
import { authenticateApiKey } from './api-key.service.ts';
import { authenticateSession, DEFAULT_SESSION_POLICY, type SessionPolicy } from './session.service.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie.ts';
import { sameSecret } from './session-token.ts';

// The routes of every module read the caller from here; it is defined below auth, in users/caller.ts.
export { callerOf } from '../users/caller.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is one of two-factor enrolment's: a session restricted to enrolment may call it. */
    twoFactorEnrolment?: boolean;
  }
}

/** What a restricted session (two-factor required, not set up) is told on every other route. */
export const ENROL_FIRST =
  'Your clinic requires two-factor sign-in: set it up first (Settings › Security, or POST /api/v1/auth/two-factor/enrolment)';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A hook that admits an integration with a live API key (`Authorization: Bearer cl_...`) or a
 * signed-in browser (the careline_session cookie), and remembers who it is. A browser must also send
 * its session's X-CSRF-Token with anything but GET/HEAD/OPTIONS: cookies go along with requests
 * another site makes, that header cannot. API keys need no CSRF token: browsers never add them alone.
 * It reads headers only, so it can run onRequest: before the body is read or validated.
 */
export function requireCaller(db: Db, clock: Clock, sessions: SessionPolicy = DEFAULT_SESSION_POLICY) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      request.caller = await callerOfApiKey(db, header, reply);
      return;
    }
    const token = sessionTokenOf(request);
    const at = clock.now();
    const session = token ? await authenticateSession(db, token, at, sessions) : null;
    if (!token || !session) {
      if (token) clearSessionCookie(reply);
      reply.header('www-authenticate', 'Bearer realm="careline"');
      throw new HttpProblem(
        401,
        token
          ? 'Your session has ended; sign in again'
          : 'Sign in, or send an API key: "Authorization: Bearer cl_..."',
      );
    }
    checkCsrf(request, session.csrfToken);
    if (session.renewed) setSessionCookie(reply, token, session.expiresAt, at);
    if (session.twoFactorEnrolmentOnly && request.routeOptions.config.twoFactorEnrolment !== true) {
      throw new HttpProblem(403, ENROL_FIRST);
    }
    request.caller = {
      orgId: session.orgId,
      apiKeyId: null,
      userId: session.userId,
      role: session.role,
      sessionId: session.sessionId,
    };
  };
}

/** Refuses a state-changing request of a cookie session that lacks the session's CSRF token. */
export function checkCsrf(request: FastifyRequest, csrfToken: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !sameSecret(sent, csrfToken)) {
    throw new HttpProblem(403, 'Missing or wrong CSRF token');
  }
}

async function callerOfApiKey(db: Db, header: string, reply: FastifyReply): Promise<ApiCaller> {
  const key = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  const caller = key ? await authenticateApiKey(db, key) : null;
  if (!caller) {
    reply.header('www-authenticate', 'Bearer realm="careline"');
    throw new HttpProblem(
      401,
      key ? 'The API key is unknown or revoked' : 'Send an API key: "Authorization: Bearer cl_..."',
    );
  }
  return caller;
}
