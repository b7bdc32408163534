import { randomBytes } from 'node:crypto';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { addWhatsAppAccount } from '../channel-accounts/whatsapp-account.service.ts';
import { recordConsent } from '../consent/consent.service.ts';
import { insertContact, insertIdentityIfAbsent } from '../contacts/contact.repository.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import { insertConversationIfAbsent } from '../inbox/conversation.repository.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Org } from '../orgs/org.schema.ts';
import { createOrg } from '../orgs/org.service.ts';
import { whatsappSender } from '../outbox/whatsapp-sender.test-support.ts';
import { insertAppointment } from '../scheduling/appointment.repository.ts';
import { insertLocation } from '../scheduling/location.repository.ts';
import { insertPractitioner } from '../scheduling/practitioner.repository.ts';
import type { Appointment, Location, Practitioner } from '../scheduling/scheduling.schema.ts';
import { syncTemplates } from '../templates/template.service.ts';
import { reminderTemplateComponents } from './reminder-template.ts';

/** What the reminder tests share: a clinic with a WhatsApp number, the template, patients, bookings. */

export const senders = {
  whatsapp: whatsappSender({ graphUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0' }),
};

export interface ReminderClinic {
  org: Org;
  account: ChannelAccount;
  location: Location;
  practitioner: Practitioner;
}

/** A clinic in Paris with one number whose registry holds the reminder template in fr and en. */
export async function seedReminderClinic(db: DbOrTx, name = 'Centre Belleville'): Promise<ReminderClinic> {
  const org = await createOrg(db, { name, slug: `clinic-${randomBytes(4).toString('hex')}` });
  const wabaId = String(Date.now()) + String(Math.floor(Math.random() * 1000));
  const account = await addWhatsAppAccount(db, testKeyring, {
    orgId: org.id,
    phoneNumberId: String(100_000 + Math.floor(Math.random() * 900_000)),
    accessToken: 'token-0123456789',
    appSecret: 'secret-0123456789',
    verifyToken: 'verify-0123456789',
    wabaId,
  });
  await syncTemplates(
    db,
    org.id,
    'whatsapp',
    wabaId,
    (['fr', 'en'] as const).map((language) => ({
      externalId: `tpl-${language}`,
      name: 'rappel_rendez_vous',
      language,
      category: 'UTILITY',
      status: 'APPROVED',
      parameterFormat: 'POSITIONAL',
      components: reminderTemplateComponents(language),
    })),
    new Date(),
  );
  const location = await insertLocation(db, {
    orgId: org.id,
    name: 'Centre Belleville',
    address: '12 rue de Belleville, 75020 Paris',
  });
  const practitioner = await insertPractitioner(db, {
    orgId: org.id,
    name: 'Dr Hélène Roux',
    specialty: 'general_practice',
  });
  return { org, account, location, practitioner };
}

/**
 * A patient reachable on the clinic's number; with a conversation whose patient last wrote at
 * `lastInboundAt` (null: the clinic wrote last, the window is closed), and consent as given.
 */
export async function addReminderPatient(
  db: DbOrTx,
  keyring: Keyring,
  clinic: ReminderClinic,
  options: { name?: string; consent?: boolean; lastInboundAt?: Date | null; language?: string } = {},
): Promise<{ contact: Contact; conversationId: string | null }> {
  const phone = `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const contact = await insertContact(db, keyring, {
    orgId: clinic.org.id,
    displayName: options.name ?? 'Chloé Martin',
    phone,
    language: options.language ?? null,
  });
  await insertIdentityIfAbsent(db, keyring, {
    orgId: clinic.org.id,
    contactId: contact.id,
    channelType: 'whatsapp',
    externalId: phone.slice(1),
    phone,
  });
  if (options.consent ?? true) {
    await recordConsent(db, keyring, {
      orgId: clinic.org.id,
      contactId: contact.id,
      channel: 'whatsapp',
      purpose: 'appointment_reminders',
      granted: true,
      method: 'chat',
      textShown: 'Acceptez-vous de recevoir des rappels par WhatsApp ?',
    });
  }
  if (options.lastInboundAt === undefined) return { contact, conversationId: null };
  const conversation = await insertConversationIfAbsent(db, {
    orgId: clinic.org.id,
    channelAccountId: clinic.account.id,
    contactId: contact.id,
    lastInboundAt: options.lastInboundAt,
  });
  return { contact, conversationId: conversation?.id ?? null };
}

export async function bookedAppointment(
  db: DbOrTx,
  clinic: ReminderClinic,
  contactId: string,
  start: Date,
  conversationId: string | null = null,
): Promise<Appointment> {
  return insertAppointment(db, testKeyring, {
    orgId: clinic.org.id,
    contactId,
    practitionerId: clinic.practitioner.id,
    locationId: clinic.location.id,
    status: 'booked',
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    source: 'staff',
    conversationId,
  });
}
