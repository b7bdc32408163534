import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type ReaderScope, WHOLE_CLINIC } from '../auth/reader-scope.ts';
import { contactLabels } from '../contacts/contact-labels.service.ts';
import { MESSAGE_TEXT_PURPOSE } from '../inbox/message-sealing.ts';
import { messagesMatchingTerms } from '../inbox/message-search.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { type HashedQuery, hashedQuery, type MessageQuery } from './message-query.ts';

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
 * The matching messages query over the blind index, newest first: the inbox's matching messages
 * joined to their contacts' labels, one statement (the subqueries fold into a plain join).
 */
export function messagesMatching(
  db: DbOrTx,
  orgId: string,
  query: HashedQuery,
  limit: number,
  reader: ReaderScope = WHOLE_CLINIC,
) {
  const hit = messagesMatchingTerms(db, orgId, query, reader);
  const contact = contactLabels(db);
  return db
    .select({
      messageId: hit.messageId,
      conversationId: hit.conversationId,
      occurredAt: hit.occurredAt,
      text: hit.text,
      contactId: hit.contactId,
      displayName: contact.displayName,
      phone: contact.phone,
    })
    .from(hit)
    .innerJoin(contact, eq(contact.id, hit.contactId))
    .orderBy(desc(hit.occurredAt), desc(hit.messageId))
    .limit(limit);
}
