import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import { type ApiCaller, authenticateApiKey } from './api-key.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: ApiCaller;
  }
}

/** A preHandler that admits only requests bearing a live API key, and remembers whose it is. */
export function requireApiKey(db: Db) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    const key = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const caller = key ? await authenticateApiKey(db, key) : null;
    if (!caller) {
      reply.header('www-authenticate', 'Bearer realm="careline"');
      throw new HttpProblem(
        401,
        key ? 'The API key is unknown or revoked' : 'Send an API key: "Authorization: Bearer cl_..."',
      );
    }
    request.caller = caller;
  };
}

/** The authenticated caller; routes behind requireApiKey always have one. */
export function callerOf(request: FastifyRequest): ApiCaller {
  if (!request.caller) throw new HttpProblem(401, 'Not authenticated');
  return request.caller;
}
