import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/db.ts';
import { type RateLimit, rateLimitHook } from '../../platform/http/rate-limit.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { type ConversationVisibility, enforceAccessRules } from './access-guard.ts';
import { requireCaller } from './api-key.auth.ts';
import type { SessionPolicy } from './session.service.ts';

export interface CallerLimits {
  perApiKey: RateLimit;
  /** Per signed-in person, all their browsers together: signing in again buys no more. */
  perSession: RateLimit;
}

/**
 * Guards every route `scope` registers: at onRequest, before the body is read or validated, the
 * caller must authenticate (401, whatever the body), stay within its limit (429), and have the
 * permission the route declares (403; access-rules.ts).
 */
export function guardApi(
  scope: FastifyInstance,
  db: Db,
  options: {
    clock: Clock;
    /** The inbox's check that a person kept to their teams may see a /conversations/:id… route's conversation. */
    isConversationVisibleTo: ConversationVisibility;
    sessions?: SessionPolicy | undefined;
    limits?: CallerLimits | undefined;
  },
): void {
  scope.addHook('onRequest', requireCaller(db, options.clock, options.sessions));
  const { limits } = options;
  if (limits) addRateLimits(scope, limits);
  // After the limits: a caller hammering routes their role may not use is throttled all the same.
  scope.addHook('onRequest', enforceAccessRules(db, options.isConversationVisibleTo));
}

function addRateLimits(scope: FastifyInstance, limits: CallerLimits): void {
  scope.addHook(
    'onRequest',
    rateLimitHook(scope, limits.perApiKey, {
      per: 'with this API key',
      keyOf: (request) => (request.caller?.apiKeyId ? `api-key:${request.caller.apiKeyId}` : undefined),
    }),
  );
  scope.addHook(
    'onRequest',
    rateLimitHook(scope, limits.perSession, {
      per: 'from this signed-in account',
      keyOf: (request) =>
        request.caller?.userId && !request.caller.apiKeyId ? `user:${request.caller.userId}` : undefined,
    }),
  );
}
