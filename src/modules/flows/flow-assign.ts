import { autoAssign } from '../inbox/auto-assign.service.ts';
import { openConversationCounts, updateConversation } from '../inbox/conversation.service.ts';
import { pickAssignee } from '../teams/pick-assignee.ts';
import type { AssignmentMode } from '../teams/team.schema.ts';
import { listTeamsOfOrg } from '../teams/team.service.ts';
import { isOnline } from '../users/presence.ts';
import { listStaffOfOrg } from '../users/user.service.ts';
import { foldText } from './engine/index.ts';
import type { ConversationScope } from './flow-runtime-deps.ts';

export type FlowAssignTarget = { team: string } | { agent: string } | { role: string };

/**
 * Carries out a flow's `assign`: a team (by name, ignoring case and accents, or by id) gets the
 * conversation and gives it to an online member with room, as the team's mode says; an agent (by id,
 * e-mail or name) or a role gets it only when such a person is online with room. Returns whether a
 * person now has it; the team is set either way, so the conversation waits in the right queue.
 */
export async function assignFromFlow(
  scope: ConversationScope,
  target: FlowAssignTarget,
  mode: AssignmentMode,
): Promise<boolean> {
  const { tx, org, conversation, now } = scope;
  if ('team' in target) {
    const wanted = foldText(target.team);
    const team = (await listTeamsOfOrg(tx, org.id)).find(
      (t) => t.id === target.team || foldText(t.name) === wanted,
    );
    if (!team) {
      scope.deps.logger.warn({ orgId: org.id }, 'a flow assigned to a team the clinic does not have');
      return false;
    }
    await updateConversation(tx, org.id, conversation.id, { teamId: team.id, assigneeUserId: null }, now);
    return (await autoAssign(tx, conversation.id, now)) !== null;
  }
  const staff = await listStaffOfOrg(tx, org.id);
  const wanted = 'agent' in target ? target.agent : target.role;
  const people =
    'agent' in target
      ? staff.filter(
          (s) =>
            s.id === wanted ||
            s.email.toLowerCase() === wanted.toLowerCase() ||
            foldText(s.name ?? '') === foldText(wanted),
        )
      : staff.filter((s) => s.role === wanted);
  const open = await openConversationCounts(
    tx,
    org.id,
    people.map((p) => p.id),
  );
  const chosen = pickAssignee(
    mode,
    people.map((p) => ({
      userId: p.id,
      online: isOnline(p.lastSeenAt, now),
      openCount: open.get(p.id) ?? 0,
      capacity: p.capacity,
    })),
    null,
  );
  if (!chosen) return false;
  await updateConversation(tx, org.id, conversation.id, { assigneeUserId: chosen }, now);
  return true;
}
