import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findContact, findWhatsAppIdentities, updateContact, updateIdentity } from './contact.repository.ts';
import { toE164 } from './contact.service.ts';

/**
 * WhatsApp told us the patient moved to a new number (`user_changed_number`): their identity follows,
 * so replies go to the new number and the history stays in one place.
 */
export async function changeWhatsAppNumber(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  oldWaId: string,
  newWaId: string,
  now: Date,
): Promise<boolean> {
  const [identity] = await findWhatsAppIdentities(tx, keyring, orgId, oldWaId, null);
  if (!identity) return false;
  const [taken] = await findWhatsAppIdentities(tx, keyring, orgId, newWaId, null);
  // Someone already writes from the new number: merging two patients is a person's decision.
  if (taken && taken.id !== identity.id) return false;
  const phone = toE164(`+${newWaId}`) ?? null;
  await updateIdentity(tx, keyring, identity, { externalId: newWaId, phone }, now);
  const contact = await findContact(tx, keyring, orgId, identity.contactId);
  if (contact && contact.phone === identity.phone)
    await updateContact(tx, keyring, orgId, contact.id, { phone }, now);
  return true;
}

/** Marketing stop / resume from WhatsApp's user_preferences webhook. */
export async function setMarketingPreference(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  user: { waId: string | null; bsuid: string | null },
  value: 'stop' | 'resume',
  at: Date,
  now: Date,
): Promise<boolean> {
  const identities = await findWhatsAppIdentities(tx, keyring, orgId, user.waId, user.bsuid);
  for (const identity of identities) {
    await updateIdentity(tx, keyring, identity, { marketingOptOutAt: value === 'stop' ? at : null }, now);
  }
  return identities.length > 0;
}
