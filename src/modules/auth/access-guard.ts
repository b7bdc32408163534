import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import { findOrgAccessOptions } from '../orgs/org.service.ts';
import { type ApiCaller, callerOf } from '../users/caller.ts';
import { type AccessRule, isAccessRule, type Permission, roleCan, ruleAdmits } from './access-rules.ts';
import type { ReaderScope } from './reader-scope.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: a permission of access-rules.ts, `signed-in` or `public`. */
    access?: AccessRule;
  }
}

/** The OpenAPI operation's field naming its rule. */
export const ACCESS_EXTENSION = 'x-careline-access';

/**
 * Refuses at startup any route under `prefix` that does not say who may call it: a new route cannot
 * be reachable by every role because someone forgot. Register it before the routes.
 */
export function requireAccessRules(app: FastifyInstance, prefix: string): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith(prefix)) return;
    const rule: unknown = route.config?.access;
    if (!isAccessRule(rule)) {
      const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
      throw new Error(
        `${methods} ${route.url} declares no access rule: add config: { access: '<permission>' } ` +
          '(see src/modules/auth/access-rules.ts)',
      );
    }
    // The OpenAPI document says it too: integrators read it, the authorisation test checks it.
    if (route.schema) Object.assign(route.schema, { [ACCESS_EXTENSION]: rule });
  });
}

/**
 * Whether a person kept to their teams may see a conversation (false for one that does not exist).
 * The inbox answers it, given by app.ts: auth sits below the modules whose routes it guards.
 */
export type ConversationVisibility = (
  db: Db,
  orgId: string,
  conversationId: string,
  userId: string,
) => Promise<boolean>;

/**
 * The onRequest hook (after requireCaller) that applies each route's rule: 403 naming the role when it
 * lacks the permission, before the body is read. When the clinic keeps agents to their teams, a
 * conversation of another team is "not found" for them, as one of another clinic is.
 */
export function enforceAccessRules(db: Db, isConversationVisibleTo: ConversationVisibility) {
  return async (request: FastifyRequest): Promise<void> => {
    const caller = callerOf(request);
    const rule = request.routeOptions.config.access;
    // Fails closed: requireAccessRules makes this unreachable for the API's own routes.
    if (rule === undefined || !ruleAdmits(rule, caller.role)) {
      throw new HttpProblem(403, `A ${roleName(caller)} cannot do this${rule ? ` (it needs ${rule})` : ''}`);
    }
    if (roleCan(caller.role, 'conversations.all') || !caller.userId) return;
    const options = await findOrgAccessOptions(db, caller.orgId);
    if (!options?.agentsSeeOnlyTheirTeams) return;
    caller.teamScope = { userId: caller.userId };
    const conversationId = conversationIdOf(request);
    if (conversationId && !(await isConversationVisibleTo(db, caller.orgId, conversationId, caller.userId))) {
      throw HttpProblem.notFound('Conversation');
    }
  };
}

/** Whether the caller has a permission that filters data rather than guards a route (`medical.read`). */
export function callerCan(caller: ApiCaller, permission: Permission): boolean {
  return roleCan(caller.role, permission);
}

/** What the caller may see of conversations: medical notes or not, all or only their teams'. */
export function readerScopeOf(caller: ApiCaller): ReaderScope {
  return {
    seesMedical: roleCan(caller.role, 'medical.read'),
    ...(caller.teamScope ? { onlyTeamsOf: caller.teamScope.userId } : {}),
  };
}

const CONVERSATION_ROUTE = /\/conversations\/:id(\/|$)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The conversation a /conversations/:id… route names; a malformed id is left to the route's 400. */
function conversationIdOf(request: FastifyRequest): string | undefined {
  if (!CONVERSATION_ROUTE.test(request.routeOptions.url ?? '')) return undefined;
  const params: unknown = request.params;
  const id = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
}

function roleName(caller: ApiCaller): string {
  return caller.role === 'api' ? 'API key' : `clinic ${caller.role}`;
}
