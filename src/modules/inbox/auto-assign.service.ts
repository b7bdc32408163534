import type { DbOrTx } from '../../platform/db/db.ts';
import { pickAssignee } from '../teams/pick-assignee.ts';
import { lockTeam, membersOfTeams, setLastAssigned } from '../teams/team.service.ts';
import { isOnline } from '../users/presence.ts';
import { lockConversationById, openConversationCounts, updateConversation } from './conversation.service.ts';

/**
 * Gives an unassigned live conversation to a member of its team, as the team's mode says. Runs in a
 * transaction (a savepoint inside the caller's) holding the team's row, so concurrent conversations of
 * one team are assigned one after the other. Returns the assignee, or null when the mode is manual or
 * nobody is online with room.
 */
export async function autoAssign(db: DbOrTx, conversationId: string, now: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    const conversation = await lockConversationById(tx, conversationId);
    if (!conversation || conversation.status === 'closed' || !conversation.teamId) return null;
    if (conversation.assigneeUserId) return conversation.assigneeUserId;
    const { orgId } = conversation;
    const team = await lockTeam(tx, orgId, conversation.teamId);
    if (!team || team.assignmentMode === 'manual') return null;
    const members = (await membersOfTeams(tx, orgId, [team.id])).map((m) => m.member);
    const open = await openConversationCounts(
      tx,
      orgId,
      members.map((m) => m.id),
    );
    const assignee = pickAssignee(
      team.assignmentMode,
      members.map((m) => ({
        userId: m.id,
        online: isOnline(m.lastSeenAt, now),
        openCount: open.get(m.id) ?? 0,
        capacity: m.capacity,
      })),
      team.lastAssignedUserId,
    );
    if (!assignee) return null;
    await updateConversation(tx, orgId, conversation.id, { assigneeUserId: assignee }, now);
    await setLastAssigned(tx, team.id, assignee);
    return assignee;
  });
}
