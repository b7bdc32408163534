import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { searchContacts } from './contact-search.repository.ts';
import { type ContactHit, searchMessages } from './search.repository.ts';
import { searchSnippet } from './search-snippet.ts';

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
): Promise<SearchResults> {
  const [messageHits, contacts] = await Promise.all([
    searchMessages(db, orgId, q, limit),
    searchContacts(db, keyring, orgId, q, limit),
  ]);
  // The patients' names and numbers beside the messages are sealed: opened here, in one go.
  const opener = await keyring.opener(
    db,
    orgId,
    messageHits.flatMap((m) => [m.contact.displayName, m.contact.phone]),
  );
  return {
    messages: messageHits.map(({ text, headline, contact, ...hit }) => ({
      ...hit,
      contact: {
        id: contact.id,
        displayName: opener.open(contact.displayName, 'contacts.display_name'),
        phone: opener.open(contact.phone, 'contacts.phone'),
      },
      snippet: searchSnippet(text, headline),
    })),
    contacts,
  };
}
