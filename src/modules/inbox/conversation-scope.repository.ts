import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { teamIdsOfMember } from '../teams/team-membership.service.ts';
import { conversations } from './conversation.schema.ts';

/**
 * The conversations a person kept to their teams sees: assigned to them, or in a team they belong to.
 * An unassigned conversation of no team belongs to nobody's team: supervisors and admins handle it.
 */
export function visibleToCondition(userId: string): SQL {
  return sql`(${conversations.assigneeUserId} = ${userId} or ${conversations.teamId} in ${teamIdsOfMember(userId)})`;
}

/** False for a conversation of another team, and for one that does not exist (both are "not found"). */
export async function isConversationVisibleTo(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId), visibleToCondition(userId)),
    );
  return row !== undefined;
}
