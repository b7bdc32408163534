import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { UserRole } from './user-roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: ApiCaller;
  }
}

/** Caller kinds: the staff roles, and `api` for API keys (an integration acting for the whole clinic). */
export type CallerRole = UserRole | 'api';

/**
 * Who is calling: an integration with an API key, or a signed-in member of the care team. Auth's
 * requireCaller (api-key.auth.ts) authenticates the request and sets it; it lives here, below auth,
 * so that every module's routes, users' own included, can read it.
 */
export interface ApiCaller {
  orgId: string;
  apiKeyId: string | null;
  userId: string | null;
  /** `api` for API keys; a user's role otherwise (what each may do: auth/access-rules.ts). */
  role: CallerRole;
  /** The browser session a signed-in person calls from; absent for API keys. */
  sessionId?: string;
  /**
   * Set when the clinic keeps agents to their teams (agentsSeeOnlyTheirTeams) and the caller is one:
   * only conversations of this person's teams or assigned to them exist for them.
   */
  teamScope?: { userId: string };
}

/** The authenticated caller; routes behind requireCaller always have one. */
export function callerOf(request: FastifyRequest): ApiCaller {
  if (!request.caller) throw new HttpProblem(401, 'Not authenticated');
  return request.caller;
}
