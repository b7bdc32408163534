import type { DbOrTx } from '../../platform/db/db.ts';
import { findTeam } from '../teams/team.service.ts';
import { findActiveStaffByIds } from '../users/user.service.ts';
import { findConversation, updateConversation } from './conversation.repository.ts';
import type { Conversation } from './conversation.schema.ts';
import { ConversationNotFoundError } from './inbox.service.ts';

/** The person or team to assign is not the clinic's. */
export class AssignmentTargetError extends Error {
  readonly target: 'user' | 'team';
  readonly reason: string;

  constructor(target: 'user' | 'team', reason: string) {
    super(`${target} ${reason}`);
    this.target = target;
    this.reason = reason;
    this.name = 'AssignmentTargetError';
  }
}

/**
 * Assigns a conversation by hand. Each of `userId` and `teamId` is left as it is when undefined, and
 * cleared when null. Only the clinic's own staff and teams can be given a conversation.
 */
export async function assignConversation(
  db: DbOrTx,
  orgId: string,
  id: string,
  change: { userId?: string | null; teamId?: string | null },
  now: Date,
): Promise<Conversation> {
  const conversation = await findConversation(db, orgId, id);
  if (!conversation) throw new ConversationNotFoundError();
  const { userId, teamId } = change;
  if (userId) {
    const [user] = await findActiveStaffByIds(db, orgId, [userId]);
    if (!user) throw new AssignmentTargetError('user', 'is not a member of this clinic’s staff');
  }
  if (teamId && !(await findTeam(db, orgId, teamId))) {
    throw new AssignmentTargetError('team', 'is not a team of this clinic');
  }
  const updated = await updateConversation(
    db,
    orgId,
    id,
    {
      ...(userId !== undefined ? { assigneeUserId: userId } : {}),
      ...(teamId !== undefined ? { teamId } : {}),
    },
    now,
  );
  if (!updated) throw new ConversationNotFoundError();
  return updated;
}
