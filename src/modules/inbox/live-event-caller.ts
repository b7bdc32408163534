import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/db.ts';
import type { FeedEvent } from '../../platform/events/event.repository.ts';
import type { LiveEventCaller } from '../../platform/events/live-event-session.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { isConversationVisibleTo } from './conversation-scope.repository.ts';

/**
 * The live feed's caller, given to platform's event routes by app.ts: the feed knows no conversations,
 * so the inbox says which of them a person kept to their teams may hear about.
 */
export function liveEventCallerOf(db: Db, request: FastifyRequest): LiveEventCaller {
  const { orgId, userId, teamScope } = callerOf(request);
  return { orgId, userId, ...(teamScope ? { sees: seenBy(db, orgId, teamScope.userId) } : {}) };
}

/** A person kept to their teams sees the events of their teams' and their own conversations only. */
function seenBy(db: Db, orgId: string, userId: string): (event: FeedEvent) => Promise<boolean> {
  return async (event) => {
    const conversationId = event.payload.conversationId;
    if (typeof conversationId !== 'string') return true;
    return isConversationVisibleTo(db, orgId, conversationId, userId);
  };
}
