import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import { messages } from '../inbox/message.schema.ts';
import { HEADLINE_END, HEADLINE_START } from './search-snippet.ts';

export interface MessageHit {
  messageId: string;
  conversationId: string;
  occurredAt: Date;
  text: string;
  /** ts_headline of the unaccented text, every match between HEADLINE_START and HEADLINE_END. */
  headline: string;
  contact: ContactHit;
}

export interface ContactHit {
  id: string;
  displayName: string | null;
  phone: string | null;
}

/** The clinic's messages (notes included, deleted ones not) matching `q`, newest first, with headlines. */
export async function searchMessages(
  db: DbOrTx,
  orgId: string,
  q: string,
  limit: number,
): Promise<MessageHit[]> {
  const found = db.$with('found').as(messagesMatching(db, orgId, q, limit));
  // Headlines only for the rows kept: ts_headline re-parses the whole text.
  const rows = await db
    .with(found)
    .select({
      messageId: found.messageId,
      conversationId: found.conversationId,
      occurredAt: found.occurredAt,
      text: found.text,
      headline: sql<string>`ts_headline('french', careline_unaccent(${found.text}), ${frenchQuery(q)},
        ${`HighlightAll=true, StartSel=${HEADLINE_START}, StopSel=${HEADLINE_END}`})`,
      contactId: found.contactId,
      displayName: found.displayName,
      phone: found.phone,
    })
    .from(found)
    .orderBy(desc(found.occurredAt), desc(found.messageId));
  return rows.map(({ contactId, displayName, phone, ...hit }) => ({
    ...hit,
    contact: { id: contactId, displayName, phone },
  }));
}

/**
 * The matching messages query, French full text with accents and case ignored. Its match expression
 * is the one messages_search_idx indexes, character for character, so the planner can use the index.
 */
export function messagesMatching(db: DbOrTx, orgId: string, q: string, limit: number) {
  return db
    .select({
      messageId: messages.id,
      conversationId: messages.conversationId,
      occurredAt: messages.occurredAt,
      text: sql<string>`coalesce(${messages.text}, '')`.as('text'),
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
        sql`to_tsvector('french', careline_unaccent(coalesce(${messages.text}, ''))) @@ ${frenchQuery(q)}`,
      ),
    )
    .orderBy(desc(messages.occurredAt), desc(messages.id))
    .limit(limit);
}

function frenchQuery(q: string): SQL {
  return sql`websearch_to_tsquery('french', careline_unaccent(${q}))`;
}
