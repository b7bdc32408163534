import type { DbOrTx } from '../../platform/db/db.ts';
import { type ReaderScope, WHOLE_CLINIC } from '../inbox/conversation-scope.repository.ts';
import { type ContactHit, searchContacts, searchMessages } from './search.repository.ts';
import { searchSnippet } from './search-snippet.ts';
import { contactTerms } from './search-terms.ts';

export interface SearchResults {
  messages: Array<{
    messageId: string;
    conversationId: string;
    contact: ContactHit;
    occurredAt: Date;
    snippet: string;
  }>;
  contacts: ContactHit[];
}

/** Messages and contacts of one clinic matching `q`, each list newest first and at most `limit` long. */
export async function search(
  db: DbOrTx,
  orgId: string,
  q: string,
  limit: number,
  reader: ReaderScope = WHOLE_CLINIC,
): Promise<SearchResults> {
  const [messageHits, contacts] = await Promise.all([
    searchMessages(db, orgId, q, limit, reader),
    searchContacts(db, orgId, contactTerms(q), limit),
  ]);
  return {
    messages: messageHits.map(({ text, headline, ...hit }) => ({
      ...hit,
      snippet: searchSnippet(text, headline),
    })),
    contacts,
  };
}
