import type { DbOrTx } from '../../platform/db/db.ts';
import { type ReaderScope, WHOLE_CLINIC } from '../inbox/conversation-scope.repository.ts';
import type { Keyring } from '../keys/keyring.ts';
import { matchedWordsOf, parseMessageQuery } from './message-query.ts';
import { type ContactHit, searchContacts, searchMessages } from './search.repository.ts';
import { snippetOf } from './search-snippet.ts';
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
  keyring: Keyring,
  orgId: string,
  q: string,
  limit: number,
  reader: ReaderScope = WHOLE_CLINIC,
): Promise<SearchResults> {
  const query = await parseMessageQuery(db, q);
  const [messageHits, contacts] = await Promise.all([
    searchMessages(db, keyring, orgId, query, limit, reader),
    searchContacts(db, orgId, contactTerms(q), limit),
  ]);
  // Highlighted after decryption: the database never sees which words of a text matched.
  const isMatch = await matchedWordsOf(
    db,
    query,
    messageHits.map((h) => h.text),
  );
  return {
    messages: messageHits.map(({ text, ...hit }) => ({ ...hit, snippet: snippetOf(text, isMatch) })),
    contacts,
  };
}
