import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { SenderIdentity } from '../../channels/sender-identity.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type KeysetPosition, type Page, toPage } from '../../platform/db/keyset-cursor.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  contactExists,
  deleteContact,
  findContact,
  findIdentities,
  identitiesOfContacts,
  insertContact,
  insertIdentityIfAbsent,
  listContactsPage,
  updateContact,
  updateIdentity,
} from './contact.repository.ts';
import type { Contact, ContactIdentity } from './contact.schema.ts';

// What other modules may read or change here: they call this service, never the repository.
export type { IdentityKeys } from './contact.repository.ts';
export {
  contactExists,
  findContact,
  findContactsByIds,
  findIdentities,
  identitiesOfContacts,
  insertContact,
  listContactIds,
  updateContact,
} from './contact.repository.ts';

export type ContactWithIdentities = Contact & { identities: ContactIdentity[] };

/** Who wrote, in the channel-neutral facts the port gives (`senderIdentityOf`). */
export type { SenderIdentity } from '../../channels/sender-identity.ts';

/**
 * The patient behind whoever wrote on a channel: matched by the channel's id for them or by their
 * business-scoped id, created on first contact. Whatever the delivery newly tells us (a scoped id next
 * to a known number, a new profile name) is kept. The same person writing from two apps is two
 * identities until a person merges them: an id says nothing of who holds it.
 */
export async function resolveSenderContact(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  channelType: ContactIdentity['channelType'],
  sender: SenderIdentity,
  now: Date,
): Promise<{ contactId: string; created: boolean }> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const known = await findIdentities(tx, keyring, orgId, channelType, sender);
    // The channel's own id wins when the two ids point at two contacts: merging is a person's call.
    const identity =
      known.find((i) => sender.externalId !== null && i.externalId === sender.externalId) ?? known[0];
    if (identity) {
      const learnt = {
        externalId: identity.externalId ?? sender.externalId,
        phone: identity.phone ?? sender.phone,
        // A scoped id another identity holds stays there (each is unique per channel).
        scopedId:
          identity.scopedId ??
          (known.some((i) => i.scopedId === sender.scopedId) ? identity.scopedId : sender.scopedId),
        parentScopedId: sender.parentScopedId ?? identity.parentScopedId,
        username: sender.username ?? identity.username,
        profileName: sender.profileName ?? identity.profileName,
      };
      // Most messages tell nothing new: no write for them.
      const changed = (Object.keys(learnt) as Array<keyof typeof learnt>).some(
        (k) => learnt[k] !== identity[k],
      );
      if (changed) await updateIdentity(tx, keyring, identity, learnt, now);
      return { contactId: identity.contactId, created: false };
    }
    const contact = await insertContact(tx, keyring, {
      orgId,
      displayName: sender.profileName,
      phone: sender.phone,
    });
    const inserted = await insertIdentityIfAbsent(tx, keyring, {
      orgId,
      contactId: contact.id,
      channelType,
      externalId: sender.externalId,
      phone: sender.phone,
      scopedId: sender.scopedId,
      parentScopedId: sender.parentScopedId,
      username: sender.username,
      profileName: sender.profileName,
    });
    if (inserted) return { contactId: contact.id, created: true };
    // Another worker created this patient between our read and our write: use theirs.
    await deleteContact(tx, keyring, orgId, contact.id);
  }
  throw new Error(`could not resolve the ${channelType} sender to a contact`);
}

/** "+33 6 12 34 56 78", "0033612345678" → "+33612345678"; undefined when it is not a phone number. */
export function toE164(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim().replace(/^00/, '+'));
  return parsed?.isValid() ? parsed.number : undefined;
}

export async function listContacts(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  query: { phone?: string; after?: KeysetPosition; limit: number },
): Promise<Page<ContactWithIdentities>> {
  const rows = await listContactsPage(db, keyring, orgId, query);
  const page = toPage(rows, query.limit, (c) => ({ at: c.createdAt, id: c.id }));
  const identities = await identitiesOfContacts(
    db,
    keyring,
    orgId,
    page.data.map((c) => c.id),
  );
  return {
    nextCursor: page.nextCursor,
    data: page.data.map((c) => ({ ...c, identities: identities.filter((i) => i.contactId === c.id) })),
  };
}

export class ContactNotFoundError extends Error {
  constructor() {
    super('contact not found');
    this.name = 'ContactNotFoundError';
  }
}

/** One patient of the clinic with every identity the channels gave them. */
export async function getContactWithIdentities(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
): Promise<ContactWithIdentities> {
  const contact = await findContact(db, keyring, orgId, id);
  if (!contact) throw new ContactNotFoundError();
  const identities = await identitiesOfContacts(db, keyring, orgId, [contact.id]);
  return { ...contact, identities };
}

/** What the care team may change about a patient (the channels' identities follow the patient's own apps). */
export interface ContactChange {
  displayName?: string | null;
  language?: string | null;
  tags?: string[];
  /** Replaces the whole set: a key left out is removed. */
  customFields?: Record<string, string>;
}

export async function updateContactDetails(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
  change: ContactChange,
  now: Date,
): Promise<void> {
  if (!(await contactExists(db, orgId, id))) throw new ContactNotFoundError();
  const values = {
    ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
    ...(change.language !== undefined ? { language: change.language } : {}),
    ...(change.tags !== undefined ? { tags: change.tags } : {}),
    ...(change.customFields !== undefined ? { customFields: change.customFields } : {}),
  };
  if (Object.keys(values).length > 0) await updateContact(db, keyring, orgId, id, values, now);
}
