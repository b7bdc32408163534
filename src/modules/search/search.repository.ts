import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import {
  type ReaderScope,
  visibleToCondition,
  WHOLE_CLINIC,
} from '../inbox/conversation-scope.repository.ts';
import { messages } from '../inbox/message.schema.ts';
import { HEADLINE_END, HEADLINE_START } from './search-snippet.ts';
import type { ContactTerms } from './search-terms.ts';

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
  reader: ReaderScope = WHOLE_CLINIC,
): Promise<MessageHit[]> {
  const found = db.$with('found').as(messagesMatching(db, orgId, q, limit, reader));
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
export function messagesMatching(
  db: DbOrTx,
  orgId: string,
  q: string,
  limit: number,
  reader: ReaderScope = WHOLE_CLINIC,
) {
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
        reader.seesMedical ? undefined : eq(messages.medical, false),
        reader.onlyTeamsOf ? visibleToCondition(reader.onlyTeamsOf) : undefined,
        sql`to_tsvector('french', careline_unaccent(coalesce(${messages.text}, ''))) @@ ${frenchQuery(q)}`,
      ),
    )
    .orderBy(desc(messages.occurredAt), desc(messages.id))
    .limit(limit);
}

function frenchQuery(q: string): SQL {
  return sql`websearch_to_tsquery('french', careline_unaccent(${q}))`;
}

/** The clinic's contacts whose name words (unaccented, prefix on the last word) or phone match, newest first. */
export async function searchContacts(
  db: DbOrTx,
  orgId: string,
  terms: ContactTerms,
  limit: number,
): Promise<ContactHit[]> {
  const matches: SQL[] = [];
  if (terms.words) {
    // The expression contacts_search_idx indexes.
    matches.push(sql`to_tsvector('simple', careline_unaccent(coalesce(${contacts.displayName}, '') || ' ' || coalesce(${contacts.phone}, '')))
      @@ to_tsquery('simple', careline_unaccent(${terms.words}))`);
  }
  const phoneDigits = sql`regexp_replace(coalesce(${contacts.phone}, ''), '[^0-9]', '', 'g')`;
  if (terms.phoneDigits) matches.push(sql`strpos(${phoneDigits}, ${terms.phoneDigits}) > 0`);
  if (terms.nationalDigits) matches.push(sql`${phoneDigits} ~ ${`^[0-9]{1,3}${terms.nationalDigits}`}`);
  if (matches.length === 0) return [];
  return db
    .select({ id: contacts.id, displayName: contacts.displayName, phone: contacts.phone })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), or(...matches)))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit);
}
