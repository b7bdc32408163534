import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import { deleteSessionsOfUser } from '../auth/session.service.ts';
import { removeMemberFromAllTeams } from '../teams/team.service.ts';
import { autoAssign } from './auto-assign.service.ts';
import type { Conversation } from './conversation.schema.ts';
import { listConversationsPage, updateConversation } from './conversation.service.ts';

const PAGE = 200;

/**
 * What a deactivated person leaves behind goes back to the clinic: their sessions end, they leave
 * their teams, and their live conversations return unassigned to the conversation's team (or, for a
 * conversation without one, to the person's only team), where the team's mode hands them to an online
 * colleague straight away. Runs inside the deactivation's transaction (users' staff administration
 * calls it through StaffWork, given by app.ts).
 */
export async function handBackWorkOf(tx: DbOrTx, orgId: string, userId: string, now: Date): Promise<void> {
  await deleteSessionsOfUser(tx, userId);
  const teamIds = await removeMemberFromAllTeams(tx, orgId, userId);
  const onlyTeam = teamIds.length === 1 ? (teamIds[0] ?? null) : null;
  for (const conversation of await liveConversationsOf(tx, orgId, userId)) {
    const teamId = conversation.teamId ?? onlyTeam;
    await updateConversation(tx, orgId, conversation.id, { assigneeUserId: null, teamId }, now);
    if (teamId) await autoAssign(tx, conversation.id, now);
  }
}

/** Open and pending conversations assigned to the person: closed ones keep their history. */
async function liveConversationsOf(tx: DbOrTx, orgId: string, userId: string): Promise<Conversation[]> {
  const found: Conversation[] = [];
  for (const status of ['open', 'pending'] as const) {
    let after: KeysetPosition | undefined;
    for (;;) {
      const rows = await listConversationsPage(tx, orgId, {
        status,
        assignee: { userId },
        limit: PAGE,
        ...(after ? { after } : {}),
      });
      const page = rows.slice(0, PAGE);
      found.push(...page);
      const last = page.at(-1);
      if (rows.length <= PAGE || !last) break;
      after = { at: last.lastMessageAt, id: last.id };
    }
  }
  return found;
}
