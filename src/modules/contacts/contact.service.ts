import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type KeysetPosition, type Page, toPage } from '../../platform/db/keyset-cursor.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { conversationsOfContact } from '../inbox/conversation.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  contactExists,
  deleteContact,
  findChannelIdentities,
  findContact,
  findWhatsAppIdentities,
  identitiesOfContacts,
  insertContact,
  insertIdentityIfAbsent,
  listContactsPage,
  updateContact,
  updateIdentity,
} from './contact.repository.ts';
import type { Contact, ContactIdentity } from './contact.schema.ts';
import type { WhatsAppSenderIdentity } from './whatsapp-sender-identity.ts';

// What other modules may read or change here: they call this service, never the repository.
export {
  contactExists,
  findContact,
  findContactsByIds,
  identitiesOfContacts,
  updateContact,
} from './contact.repository.ts';

export type ContactWithIdentities = Contact & { identities: ContactIdentity[] };

/**
 * The patient behind a WhatsApp sender: matched by phone (wa_id) or BSUID, created on first contact.
 * Whatever the webhook newly tells us (a BSUID next to a known phone, a new profile name) is kept.
 */
export async function resolveWhatsAppContact(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  sender: WhatsAppSenderIdentity,
  now: Date,
): Promise<{ contactId: string; created: boolean }> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const known = await findWhatsAppIdentities(tx, keyring, orgId, sender.waId, sender.bsuid);
    // The phone identity wins when a phone and a BSUID point at two contacts: merging is a person's call.
    const identity = known.find((i) => sender.waId !== null && i.externalId === sender.waId) ?? known[0];
    if (identity) {
      await updateIdentity(
        tx,
        keyring,
        identity,
        {
          externalId: identity.externalId ?? sender.waId,
          phone: identity.phone ?? sender.phone,
          bsuid:
            identity.bsuid ?? (known.some((i) => i.bsuid === sender.bsuid) ? identity.bsuid : sender.bsuid),
          parentBsuid: sender.parentBsuid ?? identity.parentBsuid,
          username: sender.username ?? identity.username,
          profileName: sender.profileName ?? identity.profileName,
        },
        now,
      );
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
      channelType: 'whatsapp',
      externalId: sender.waId,
      phone: sender.phone,
      bsuid: sender.bsuid,
      parentBsuid: sender.parentBsuid,
      username: sender.username,
      profileName: sender.profileName,
    });
    if (inserted) return { contactId: contact.id, created: true };
    // Another worker created this patient between our read and our write: use theirs.
    await deleteContact(tx, keyring, orgId, contact.id);
  }
  throw new Error('could not resolve the WhatsApp sender to a contact');
}

/** Who wrote on a channel other than WhatsApp: the channel's user id, and what it tells of them. */
export interface ChannelSenderIdentity {
  externalId: string;
  profileName: string | null;
  username: string | null;
}

/**
 * The patient behind a sender on a channel whose users are ids, not phone numbers (Telegram, Messenger,
 * Instagram): matched by that id, created on first contact. A new name or username is kept. The same
 * person writing from two apps is two identities until a person merges them: an id says nothing of who
 * holds it.
 */
export async function resolveChannelContact(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  channelType: Exclude<ContactIdentity['channelType'], 'whatsapp'>,
  sender: ChannelSenderIdentity,
  now: Date,
): Promise<{ contactId: string; created: boolean }> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const [identity] = await findChannelIdentities(tx, keyring, orgId, channelType, sender.externalId);
    if (identity) {
      const renamed =
        (sender.profileName !== null && sender.profileName !== identity.profileName) ||
        (sender.username !== null && sender.username !== identity.username);
      if (renamed) {
        await updateIdentity(
          tx,
          keyring,
          identity,
          {
            profileName: sender.profileName ?? identity.profileName,
            username: sender.username ?? identity.username,
          },
          now,
        );
      }
      return { contactId: identity.contactId, created: false };
    }
    const contact = await insertContact(tx, keyring, { orgId, displayName: sender.profileName, phone: null });
    const inserted = await insertIdentityIfAbsent(tx, keyring, {
      orgId,
      contactId: contact.id,
      channelType,
      externalId: sender.externalId,
      phone: null,
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
  const contact = await findContact(db, keyring, orgId, id);
  if (!contact) throw new ContactNotFoundError();
  const identities = await identitiesOfContacts(db, keyring, orgId, [contact.id]);
  const conversations = await conversationsOfContact(db, orgId, contact.id, PANEL_CONVERSATIONS);
  return { ...contact, identities, conversations };
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
): Promise<ContactPanel> {
  if (!(await contactExists(db, orgId, id))) throw new ContactNotFoundError();
  const values = {
    ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
    ...(change.language !== undefined ? { language: change.language } : {}),
    ...(change.tags !== undefined ? { tags: change.tags } : {}),
    ...(change.customFields !== undefined ? { customFields: change.customFields } : {}),
  };
  if (Object.keys(values).length > 0) await updateContact(db, keyring, orgId, id, values, now);
  return getContactPanel(db, keyring, orgId, id);
}
