import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  findContact,
  findIdentities,
  type IdentityKeys,
  updateContact,
  updateIdentity,
} from './contact.repository.ts';
import type { ContactIdentity } from './contact.schema.ts';
import { type SenderIdentity, toE164 } from './contact.service.ts';

type ChannelType = ContactIdentity['channelType'];

/**
 * The channel told us the person now writes from another id (WhatsApp's `user_changed_number`): their
 * identity follows, so the notice and the replies are filed under the new one and the history stays in
 * one place. The sender as they now are; unchanged when the move cannot apply (an unknown old id, or a
 * new id someone else already writes from: merging two patients is a person's decision).
 */
export async function followIdentityMove(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  channelType: ChannelType,
  sender: SenderIdentity,
  to: { externalId: string; phone: string | null },
  now: Date,
): Promise<SenderIdentity> {
  if (sender.externalId === null) return sender;
  const [identity] = await findIdentities(tx, keyring, orgId, channelType, {
    externalId: sender.externalId,
    scopedId: null,
  });
  if (!identity) return sender;
  const [taken] = await findIdentities(tx, keyring, orgId, channelType, {
    externalId: to.externalId,
    scopedId: null,
  });
  if (taken && taken.id !== identity.id) return sender;
  const phone = to.phone === null ? null : (toE164(to.phone) ?? null);
  await updateIdentity(tx, keyring, identity, { externalId: to.externalId, phone }, now);
  const contact = await findContact(tx, keyring, orgId, identity.contactId);
  if (contact && contact.phone === identity.phone)
    await updateContact(tx, keyring, orgId, contact.id, { phone }, now);
  return { ...sender, externalId: to.externalId, phone };
}

/** The person stopped or resumed marketing messages on this channel (WhatsApp's user preferences). */
export async function setMarketingPreference(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  channelType: ChannelType,
  person: IdentityKeys,
  value: 'stop' | 'resume',
  at: Date,
  now: Date,
): Promise<boolean> {
  const identities = await findIdentities(tx, keyring, orgId, channelType, person);
  for (const identity of identities) {
    await updateIdentity(tx, keyring, identity, { marketingOptOutAt: value === 'stop' ? at : null }, now);
  }
  return identities.length > 0;
}
