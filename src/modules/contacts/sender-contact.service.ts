import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { ContactIdentity } from './contact.schema.ts';
import { resolveChannelContact, resolveWhatsAppContact } from './contact.service.ts';
import { changeWhatsAppNumber, setMarketingPreference } from './whatsapp-identity-changes.service.ts';
import type { WhatsAppSenderIdentity } from './whatsapp-sender-identity.ts';

// How a channel's sender becomes a patient, for the one ingest path every channel shares. WhatsApp's
// identities carry more than an id (a phone, a business-scoped user id, a username), matched each their
// own way; every other channel names a person by one id.

type ChannelType = ContactIdentity['channelType'];

/**
 * Who wrote, as a channel's inbound event names them (`Sender` of src/channels/inbound-event.ts, read
 * here by shape: the channels sit above the modules that store what they bring).
 */
export interface Sender {
  id: string;
  phone: string | null;
  bsuid: string | null;
  parentBsuid: string | null;
  name: string | null;
  username: string | null;
}

/** Whose preference an event reports (`UserRef` of inbound-event.ts). */
export interface UserRef {
  id: string;
  phone: string | null;
  bsuid: string | null;
}

/** The patient behind whoever wrote, found or created; what the delivery newly tells of them is kept. */
export async function resolveSenderContact(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  channel: ChannelType,
  from: Sender,
  now: Date,
): Promise<{ contactId: string; created: boolean }> {
  if (channel === 'whatsapp') return resolveWhatsAppContact(tx, keyring, orgId, whatsappIdentity(from), now);
  return resolveChannelContact(
    tx,
    keyring,
    orgId,
    channel,
    { externalId: from.id, profileName: from.name, username: from.username },
    now,
  );
}

/**
 * The patient moved to a new number (WhatsApp's `user_changed_number`): their identity follows, so the
 * notice and the replies are filed under the new one. The sender as it now is; unchanged when the move
 * could not apply (an unknown old number, or a new number someone else already writes from).
 */
export async function followNumberChange(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  channel: ChannelType,
  from: Sender,
  newId: string,
  now: Date,
): Promise<Sender> {
  const oldId = channel === 'whatsapp' ? whatsappIdentity(from).waId : null;
  if (oldId === null || !(await changeWhatsAppNumber(tx, keyring, orgId, oldId, newId, now))) return from;
  return { ...from, id: newId, phone: `+${newId}` };
}

/** A patient's stop or resume of a category of messages (WhatsApp's marketing preference). */
export async function applyMessagePreference(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  user: UserRef,
  value: 'stop' | 'resume',
  at: Date,
  now: Date,
): Promise<boolean> {
  const waId = user.phone ? user.id : null;
  return setMarketingPreference(tx, keyring, orgId, { waId, bsuid: user.bsuid }, value, at, now);
}

function whatsappIdentity(from: Sender): WhatsAppSenderIdentity {
  return {
    waId: from.id === from.bsuid ? null : from.id,
    phone: from.phone,
    bsuid: from.bsuid,
    parentBsuid: from.parentBsuid,
    username: from.username,
    profileName: from.name,
  };
}
