import { carelineMediaIdsIn } from '../../channels/careline-media-ids.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { readPatientConsents } from '../consent/patient-data.service.ts';
import { readPatientContact, readPatientIdentities } from '../contacts/patient-data.service.ts';
import {
  readMessagesOfConversations,
  readPatientConversations,
  readReactionsOfMessages,
} from '../inbox/patient-data.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { readFilesOfMessages } from '../media/patient-data.service.ts';
import { readPatientGroupMemberships } from '../patient-groups/patient-data.service.ts';
import { ordersOfPatient } from '../pharmacy/prescription-order.service.ts';
import { readPatientAppointments } from '../scheduling/patient-data.service.ts';
import { findStaffByIds } from '../users/user.service.ts';

/**
 * Everything Careline holds of one patient, read at once for their export; undefined when not in this
 * clinic. What is sealed with the patient's key (profile, identities, consent wording, reasons) is opened.
 */
export async function readPatientRecord(tx: DbOrTx, keyring: Keyring, orgId: string, contactId: string) {
  const contact = await readPatientContact(tx, keyring, orgId, contactId, { lock: false });
  if (!contact) return undefined;
  const identities = await readPatientIdentities(tx, keyring, orgId, contactId);
  const consentRows = await readPatientConsents(tx, orgId, contactId);
  const appointmentRows = await readPatientAppointments(tx, orgId, contactId);
  const opener = await keyring.opener(tx, orgId, [
    ...consentRows.map((c) => c.textShown),
    ...appointmentRows.map((a) => a.appointment.reason),
  ]);
  const consents = consentRows.map((c) => ({
    ...c,
    textShown: opener.open(c.textShown, 'consent_records.text_shown'),
  }));
  const theirAppointments = appointmentRows.map((a) => ({
    ...a,
    appointment: { ...a.appointment, reason: opener.open(a.appointment.reason, 'appointments.reason') },
  }));
  const theirConversations = await readPatientConversations(tx, orgId, contactId);
  const conversationIds = theirConversations.map((c) => c.id);
  const theirMessages = await withAuthors(
    tx,
    orgId,
    await readMessagesOfConversations(tx, keyring, orgId, conversationIds),
  );
  const messageIds = theirMessages.map((m) => m.message.id);
  const reactions = await readReactionsOfMessages(tx, orgId, messageIds);
  const sentFileIds = [
    ...new Set(
      theirMessages.flatMap(({ message }) =>
        message.direction === 'outbound' ? [...carelineMediaIdsIn(message.content)] : [],
      ),
    ),
  ];
  const files = await readFilesOfMessages(tx, keyring, orgId, messageIds, sentFileIds);
  const groups = await readPatientGroupMemberships(tx, orgId, contactId);
  const prescriptionOrders = await ordersOfPatient({ db: tx, keyring }, orgId, contactId);
  return {
    contact,
    identities,
    consents,
    appointments: theirAppointments,
    conversations: theirConversations,
    messages: theirMessages,
    reactions,
    files,
    groups,
    prescriptionOrders,
  };
}

/** Each message with the name of the staff member who wrote it (null for the patient, automation, or no name). */
async function withAuthors<M extends { authorUserId: string | null }>(
  tx: DbOrTx,
  orgId: string,
  messages: M[],
) {
  const authors = await findStaffByIds(
    tx,
    orgId,
    messages.flatMap((m) => (m.authorUserId ? [m.authorUserId] : [])),
  );
  const nameOf = new Map(authors.map((author) => [author.id, author.name]));
  return messages.map((message) => ({
    message,
    author: message.authorUserId ? (nameOf.get(message.authorUserId) ?? null) : null,
  }));
}

export type PatientRecord = NonNullable<Awaited<ReturnType<typeof readPatientRecord>>>;
