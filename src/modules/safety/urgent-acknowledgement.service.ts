import type { DbOrTx } from '../../platform/db/db.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { clearUrgentAlert, lockConversation } from '../inbox/conversation.service.ts';
import { ConversationNotFoundError } from '../inbox/inbox.service.ts';
import { addNote } from '../inbox/note.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { findStaffByIds } from '../users/user.service.ts';
import { acknowledgeRedFlagEvents } from './red-flag-event.repository.ts';
import { acknowledgementNote } from './safety-texts.ts';

/**
 * A person has seen the conversation's alert: its red flags are acknowledged (who, when), it stops being
 * pinned (it stays marked urgent), and the timeline says who took it. Acknowledging twice changes nothing.
 */
export async function acknowledgeUrgentConversation(
  db: DbOrTx,
  keyring: Keyring,
  input: { orgId: string; conversationId: string; userId: string | null; apiKeyId: string | null },
  now: Date,
): Promise<Conversation> {
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, input.orgId, input.conversationId);
    if (!conversation) throw new ConversationNotFoundError();
    const acknowledged = await acknowledgeRedFlagEvents(tx, input.orgId, conversation.id, {
      userId: input.userId,
      at: now,
    });
    if (conversation.urgentSince === null && acknowledged.length === 0) return conversation;
    const [person] = input.userId ? await findStaffByIds(tx, input.orgId, [input.userId]) : [];
    const org = await findOrgByRef(tx, input.orgId);
    await addNote(tx, keyring, {
      orgId: input.orgId,
      conversationId: conversation.id,
      text: acknowledgementNote(person?.name ?? null, org?.defaultLanguage ?? 'fr'),
      authorUserId: input.userId,
      apiKeyId: input.apiKeyId,
      now,
    });
    return (await clearUrgentAlert(tx, input.orgId, conversation.id, now)) ?? conversation;
  });
}
