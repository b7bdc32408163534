import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import { consentingChannelsOf } from '../consent/consent.service.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import { findContactsByIds, identitiesOfContacts } from '../contacts/contact.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Org } from '../orgs/org.schema.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { type AppointmentRow, appointmentRows } from '../scheduling/appointment.service.ts';
import { findReminderPolicy } from './reminder.repository.ts';
import type { Reminder } from './reminder.schema.ts';
import { type ReminderSettings, reminderSettingsOf } from './reminder-policy.ts';

/** Everything a batch of one clinic's reminders needs, read once for the batch. */
export interface ClinicReminderContext {
  org: Org;
  settings: ReminderSettings;
  appointments: Map<string, AppointmentRow>;
  contacts: Map<string, Contact>;
  /** Per patient, the channels on which their latest word on appointment reminders is yes. */
  consents: Map<string, Set<ChannelType>>;
  /** Per patient, the channels Careline knows an id of theirs on (where it can write to them). */
  reachableOn: Map<string, Set<ChannelType>>;
  /** The clinic's accounts on every channel, oldest first. */
  accounts: ChannelAccount[];
}

/** Reads, clinic by clinic, what the claimed reminders need: a few queries per batch, not per reminder. */
export async function loadReminderContexts(
  tx: DbOrTx,
  keyring: Keyring,
  claimed: readonly Reminder[],
): Promise<Map<string, ClinicReminderContext>> {
  const contexts = new Map<string, ClinicReminderContext>();
  for (const orgId of new Set(claimed.map((r) => r.orgId))) {
    const appointmentIds = claimed.filter((r) => r.orgId === orgId).map((r) => r.appointmentId);
    // One after the other: a transaction is one connection, which runs one query at a time anyway.
    const org = await findOrgByRef(tx, orgId);
    if (!org) continue;
    const policy = await findReminderPolicy(tx, orgId);
    const rows = await appointmentRows(tx, keyring, orgId, { ids: [...new Set(appointmentIds)] });
    const accounts = await listChannelAccountsOfOrg(tx, orgId);
    const contactIds = [...new Set(rows.map((r) => r.appointment.contactId))];
    const contacts = await findContactsByIds(tx, keyring, orgId, contactIds);
    const identities = await identitiesOfContacts(tx, keyring, orgId, contactIds);
    const consents = await consentingChannelsOf(tx, orgId, contactIds, 'appointment_reminders');
    const reachableOn = new Map<string, Set<ChannelType>>();
    for (const identity of identities) {
      const channels = reachableOn.get(identity.contactId) ?? new Set<ChannelType>();
      channels.add(identity.channelType);
      reachableOn.set(identity.contactId, channels);
    }
    contexts.set(orgId, {
      org,
      settings: reminderSettingsOf(policy),
      appointments: new Map(rows.map((r) => [r.appointment.id, r])),
      contacts: new Map(contacts.map((c) => [c.id, c])),
      consents,
      reachableOn,
      accounts: [...accounts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    });
  }
  return contexts;
}
