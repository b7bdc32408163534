import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ContactChange,
  type ContactWithIdentities,
  getContactWithIdentities,
  updateContactDetails,
} from '../contacts/contact.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Conversation } from './conversation.schema.ts';
import { conversationsOfContact } from './conversation.service.ts';

// Composed here, not in contacts: a conversation has a contact, so the inbox may read contacts but
// contacts never read the inbox.
export type ContactPanel = ContactWithIdentities & { conversations: Conversation[] };

/** How many of a patient's conversations the contact panel lists, most recent first. */
export const PANEL_CONVERSATIONS = 50;

/** Everything the agent's contact panel shows about one patient of the clinic. */
export async function getContactPanel(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
): Promise<ContactPanel> {
  const contact = await getContactWithIdentities(db, keyring, orgId, id);
  const conversations = await conversationsOfContact(db, orgId, contact.id, PANEL_CONVERSATIONS);
  return { ...contact, conversations };
}

/** Changes what the care team may change about a patient; answers with the panel as it now reads. */
export async function changeContactOfPanel(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
  change: ContactChange,
  now: Date,
): Promise<ContactPanel> {
  await updateContactDetails(db, keyring, orgId, id, change, now);
  return getContactPanel(db, keyring, orgId, id);
}
