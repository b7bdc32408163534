import { and, eq, isNull, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type ReaderScope, WHOLE_CLINIC } from '../auth/reader-scope.ts';
import { conversations } from './conversation.schema.ts';
import { visibleToCondition } from './conversation-scope.repository.ts';
import { messages } from './message.schema.ts';

/** One search term as blind-index hashes: a message matches with all its French stems' or all its English ones. */
export interface HashedSearchTerm {
  fr: readonly string[];
  en: readonly string[];
}

/**
 * The clinic's messages (notes included, deleted ones not) the reader may see that match every
 * required term and no excluded one, with their conversation's contact, as an unordered subquery:
 * search joins it to the contacts' labels, orders and limits it in one statement, which PostgreSQL
 * plans as if written by hand (GIN on search_terms).
 */
export function messagesMatchingTerms(
  db: DbOrTx,
  orgId: string,
  query: { required: readonly HashedSearchTerm[]; excluded: readonly HashedSearchTerm[] },
  reader: ReaderScope = WHOLE_CLINIC,
) {
  const contains = (hashes: readonly string[]) =>
    sql`${messages.searchTerms} @> ${`{${hashes.join(',')}}`}::bigint[]`;
  const matches = (term: HashedSearchTerm) => sql`(${contains(term.fr)} or ${contains(term.en)})`;
  return db
    .select({
      messageId: messages.id,
      conversationId: messages.conversationId,
      occurredAt: messages.occurredAt,
      text: messages.text,
      contactId: conversations.contactId,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.orgId, orgId),
        isNull(messages.deletedAt),
        reader.seesMedical ? undefined : eq(messages.medical, false),
        reader.onlyTeamsOf ? visibleToCondition(reader.onlyTeamsOf) : undefined,
        ...query.required.map(matches),
        ...query.excluded.map((term) => not(matches(term))),
      ),
    )
    .as('matching_message');
}
