import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { conversations } from './conversation.schema.ts';
import { messages } from './message.schema.ts';

/**
 * Each message with the patient of its conversation, as a subquery another module joins to its own
 * rows (a media file and whose it is) in one statement: PostgreSQL folds it into the outer join.
 */
export function patientsOfMessages(db: DbOrTx) {
  return db
    .select({ messageId: messages.id, contactId: conversations.contactId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .as('message_patient');
}
