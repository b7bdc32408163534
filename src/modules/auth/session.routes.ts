import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { clientIpKey, type RateLimit, rateLimitHook } from '../../platform/http/rate-limit.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { checkCsrf } from './api-key.auth.ts';
import { lockedProblemJson, secondFactorRequiredJson, signedInJson, toSignedInJson } from './session.api.ts';
import {
  authenticateSession,
  DEFAULT_SESSION_POLICY,
  type SessionPolicy,
  signedInAccount,
  signOut,
} from './session.service.ts';
import {
  clearSessionCookie,
  deviceTokensOf,
  rememberDevice,
  sessionTokenOf,
  setSessionCookie,
} from './session-cookie.ts';
import { sessionOriginOf } from './session-origin.ts';
import {
  AccountLockedError,
  deviceTokenHashes,
  InvalidCredentialsError,
  SecondFactorRequiredError,
  type SignedIn,
  signIn,
} from './sign-in.service.ts';
import { findAnyDevice } from './sign-in-device.repository.ts';
import {
  ChallengeExpiredError,
  completeSignIn,
  WrongSecondFactorError,
} from './two-factor-sign-in.service.ts';

const loginBody = z.object({
  email: z.email('must be an e-mail address').max(320),
  password: z.string().min(1, 'must not be empty').max(256),
});

const secondFactorBody = z
  .object({
    challenge_token: z.string().min(1, 'must not be empty').max(100),
    code: z
      .string()
      .max(20, 'must be the 6 digits your authenticator app shows')
      .regex(/^\s*\d{3}\s?\d{3}\s*$/, 'must be the 6 digits your authenticator app shows')
      .optional(),
    recovery_code: z.string().trim().min(1, 'must not be empty').max(40).optional(),
  })
  .refine((body) => (body.code === undefined) !== (body.recovery_code === undefined), {
    message: 'send either code or recovery_code',
    path: ['code'],
  });

/**
 * Staff sign-in for the web app: a session cookie (HttpOnly) plus a CSRF token the page sends back on
 * every change. Mounted outside the authentication hook: these routes read the cookie themselves.
 * Sign-in attempts are limited per client address (`signInLimit`), except from a browser that signed
 * in before, which counts alone: a crowd of failed attempts behind the clinic's one address cannot
 * keep the staff out of their usual computers. Wrong passwords are throttled in sign-in.service.ts.
 */
export function sessionRoutes(
  db: Db,
  cipher: FieldCipher,
  options: {
    sessions?: SessionPolicy | undefined;
    signInLimit?: RateLimit | undefined;
    clock: Clock;
  },
): FastifyPluginAsyncZod {
  const sessions = options.sessions ?? DEFAULT_SESSION_POLICY;
  const now = () => options.clock.now();
  return async (app) => {
    const devicePath = `${app.prefix}/auth`;
    const limitSignIns = options.signInLimit
      ? rateLimitHook(app, options.signInLimit, {
          per: 'signing in from this address',
          keyOf: async (request) => {
            const device = await findAnyDevice(db, deviceTokenHashes(deviceTokensOf(request)));
            return device ? `device:${device.id}` : clientIpKey(request);
          },
        })
      : undefined;

    app.post(
      '/auth/login',
      {
        config: { access: 'public' },
        ...(limitSignIns ? { onRequest: limitSignIns } : {}),
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password; sets the careline_session cookie',
          description:
            'For a person with two-factor sign-in, answers 202 with a challenge token instead: send it with a code to POST /auth/login/two-factor.',
          security: [],
          body: loginBody,
          response: {
            200: signedInJson,
            202: secondFactorRequiredJson,
            400: problemSchema,
            401: problemSchema,
            423: lockedProblemJson,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const previous = sessionTokenOf(request);
        const at = now();
        try {
          const signedIn = await signIn(db, {
            ...request.body,
            now: at,
            deviceTokens: deviceTokensOf(request),
            sessions,
            origin: sessionOriginOf({ userAgent: request.headers['user-agent'], ip: request.ip }),
          });
          return await startSession(request, reply, signedIn, previous, at);
        } catch (error) {
          if (error instanceof SecondFactorRequiredError) {
            return reply.code(202).send({
              two_factor_required: true as const,
              challenge_token: error.challengeToken,
              expires_at: error.expiresAt.toISOString(),
            });
          }
          if (error instanceof InvalidCredentialsError) throw new HttpProblem(401, error.message);
          if (error instanceof AccountLockedError) return sendLocked(reply, error.lockedUntil, at);
          throw error;
        }
      },
    );

    app.post(
      '/auth/login/two-factor',
      {
        config: { access: 'public' },
        ...(limitSignIns ? { onRequest: limitSignIns } : {}),
        schema: {
          tags: ['auth'],
          summary:
            'Second sign-in step: the challenge token and a code (or a recovery code); sets the cookie',
          description:
            'A code is accepted once, within 30 seconds either side of its time; a recovery code once ever. Wrong codes count against the same sign-in throttle as wrong passwords.',
          security: [],
          body: secondFactorBody,
          response: {
            200: signedInJson,
            400: problemSchema,
            401: problemSchema,
            423: lockedProblemJson,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const previous = sessionTokenOf(request);
        const at = now();
        const { challenge_token: challengeToken, code, recovery_code: recoveryCode } = request.body;
        try {
          const signedIn = await completeSignIn(db, cipher, {
            challengeToken,
            factor:
              code !== undefined ? { kind: 'totp', code } : { kind: 'recovery', code: recoveryCode ?? '' },
            now: at,
            sessions,
            origin: sessionOriginOf({ userAgent: request.headers['user-agent'], ip: request.ip }),
          });
          return await startSession(request, reply, signedIn, previous, at);
        } catch (error) {
          if (error instanceof ChallengeExpiredError) throw new HttpProblem(401, error.message);
          if (error instanceof WrongSecondFactorError) {
            throw new HttpProblem(401, error.message, [
              { field: code !== undefined ? 'body.code' : 'body.recovery_code', message: error.message },
            ]);
          }
          if (error instanceof AccountLockedError) return sendLocked(reply, error.lockedUntil, at);
          throw error;
        }
      },
    );

    /** Sets the cookies of a session just opened and answers who is signed in. */
    async function startSession(
      request: FastifyRequest,
      reply: FastifyReply,
      signedIn: SignedIn,
      previous: string | undefined,
      at: Date,
    ) {
      // A browser signing in again leaves no live session behind (and no fixation).
      if (previous) await signOut(db, previous);
      setSessionCookie(reply, signedIn.token, signedIn.session.expiresAt, at);
      if (signedIn.newDeviceToken) rememberDevice(request, reply, signedIn.newDeviceToken, devicePath);
      return toSignedInJson(
        signedIn.user,
        signedIn.org,
        signedIn.csrfToken,
        signedIn.session.twoFactorEnrolmentOnly,
      );
    }

    app.post(
      '/auth/logout',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign out: ends the session and clears the cookie (needs X-CSRF-Token)',
          security: [],
          response: { 204: z.null(), 403: problemSchema },
        },
      },
      async (request, reply) => {
        const token = sessionTokenOf(request);
        const caller = token ? await authenticateSession(db, token, now(), sessions) : null;
        if (token && caller) {
          checkCsrf(request, caller.csrfToken);
          await signOut(db, token);
        }
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'Who is signed in, with the session’s CSRF token',
          security: [],
          response: { 200: signedInJson, 401: problemSchema },
        },
      },
      async (request, reply) => {
        const token = sessionTokenOf(request);
        const at = now();
        const caller = token ? await authenticateSession(db, token, at, sessions) : null;
        const account = caller ? await signedInAccount(db, caller.userId) : undefined;
        if (!caller || !account || !token) {
          if (token) clearSessionCookie(reply);
          throw new HttpProblem(401, 'Not signed in');
        }
        if (caller.renewed) setSessionCookie(reply, token, caller.expiresAt, at);
        return toSignedInJson(account.user, account.org, caller.csrfToken, caller.twoFactorEnrolmentOnly);
      },
    );
  };
}

function sendLocked(reply: FastifyReply, lockedUntil: Date, now: Date): FastifyReply {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const hhmm = lockedUntil.toISOString().slice(11, 16);
  return reply
    .code(423)
    .header('retry-after', String(retryAfterSeconds))
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send({
      type: 'about:blank',
      title: 'Locked',
      status: 423,
      detail: `Too many failed sign-ins: signing in to this account is paused until ${hhmm} UTC, except from a browser that signed in to it before`,
      locked_until: lockedUntil.toISOString(),
    });
}
