import type { DbOrTx } from '../../platform/db/db.ts';
import { type ReaderScope, WHOLE_CLINIC } from '../auth/reader-scope.ts';
import type { Keyring } from '../keys/keyring.ts';
import { searchContacts } from './contact-search.ts';
import { matchedWordsOf, parseMessageQuery } from './message-query.ts';
import { type ContactHit, searchMessages } from './search.repository.ts';
import { snippetOf } from './search-snippet.ts';

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
    searchContacts(db, keyring, orgId, q, limit),
  ]);
  // Highlighted after decryption: the database never sees which words of a text matched.
  const isMatch = await matchedWordsOf(
    db,
    query,
    messageHits.map((h) => h.text),
  );
  // The patients' names and numbers beside the messages are sealed: opened here, in one go.
  const opener = await keyring.opener(
    db,
    orgId,
    messageHits.flatMap((m) => [m.contact.displayName, m.contact.phone]),
  );
  return {
    messages: messageHits.map(({ text, contact, ...hit }) => ({
      ...hit,
      contact: {
        id: contact.id,
        displayName: opener.open(contact.displayName, 'contacts.display_name'),
        phone: opener.open(contact.phone, 'contacts.phone'),
      },
      snippet: snippetOf(text, isMatch),
    })),
    contacts,
  };
}
