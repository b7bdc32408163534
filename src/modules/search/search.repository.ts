import { and, desc, eq, isNull, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type ReaderScope, WHOLE_CLINIC } from '../auth/reader-scope.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import { visibleToCondition } from '../inbox/conversation-scope.repository.ts';
import { messages } from '../inbox/message.schema.ts';
import { MESSAGE_TEXT_PURPOSE } from '../inbox/message-sealing.ts';
import type { Keyring } from '../keys/keyring.ts';
import { type HashedQuery, type HashedTerm, hashedQuery, type MessageQuery } from './message-query.ts';

export interface MessageHit {
  messageId: string;
  conversationId: string;
  occurredAt: Date;
  /** The message's text, opened. */
  text: string;
  contact: ContactHit;
}

export interface ContactHit {
  id: string;
  displayName: string | null;
  phone: string | null;
}

/**
 * The clinic's messages (notes included, deleted ones not) matching every term of `query`, newest
 * first, their text opened. A message whose patient was erased no longer reads: it is left out.
 */
export async function searchMessages(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  query: MessageQuery,
  limit: number,
  reader: ReaderScope = WHOLE_CLINIC,
): Promise<MessageHit[]> {
  if (query.required.length === 0) return [];
  const index = await keyring.blindIndex(db, orgId);
  const rows = await messagesMatching(db, orgId, hashedQuery(index, query), limit, reader);
  const opener = await keyring.opener(
    db,
    orgId,
    rows.map((r) => r.text),
  );
  return rows.flatMap(({ contactId, displayName, phone, text, ...hit }) => {
    const opened = opener.open(text, MESSAGE_TEXT_PURPOSE);
    return opened === null ? [] : [{ ...hit, text: opened, contact: { id: contactId, displayName, phone } }];
  });
}

/**
 * The matching messages query over the blind index: for each required term, the message's terms
 * contain all its French stems' hashes or all its English ones (GIN on search_terms); none of an
 * excluded term's.
 */
export function messagesMatching(
  db: DbOrTx,
  orgId: string,
  query: HashedQuery,
  limit: number,
  reader: ReaderScope = WHOLE_CLINIC,
) {
  const contains = (hashes: readonly string[]) =>
    sql`${messages.searchTerms} @> ${`{${hashes.join(',')}}`}::bigint[]`;
  const matches = (term: HashedTerm) => sql`(${contains(term.fr)} or ${contains(term.en)})`;
  return db
    .select({
      messageId: messages.id,
      conversationId: messages.conversationId,
      occurredAt: messages.occurredAt,
      text: messages.text,
      contactId: sql<string>`${contacts.id}`.as('contact_id'),
      displayName: contacts.displayName,
      phone: contacts.phone,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
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
    .orderBy(desc(messages.occurredAt), desc(messages.id))
    .limit(limit);
}
