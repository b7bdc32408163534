import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { carelineMediaIdsIn } from '../../channels/careline-media-ids.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { consentRecords } from '../consent/consent.schema.ts';
import { openContacts, openIdentities } from '../contacts/contact.repository.ts';
import { contactIdentities, contacts } from '../contacts/contact.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import { messages } from '../inbox/message.schema.ts';
import { openMessages } from '../inbox/message-sealing.ts';
import { messageReactions } from '../inbox/reaction.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import { mediaFiles } from '../media/media.schema.ts';
import { openMediaFileNames } from '../media/media-file-name.ts';
import { appointments, appointmentTypes, locations, practitioners } from '../scheduling/scheduling.schema.ts';
import { users } from '../users/user.schema.ts';

/**
 * Everything Careline holds of one patient, read at once for their export; undefined when not in this
 * clinic. What is sealed with the patient's key (profile, identities, consent wording, reasons) is opened.
 */
export async function readPatientRecord(tx: DbOrTx, keyring: Keyring, orgId: string, contactId: string) {
  const [contactRow] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
  if (!contactRow) return undefined;
  const [contact] = await openContacts(tx, keyring, orgId, [contactRow]);
  if (!contact) return undefined;
  const identities = await openIdentities(
    tx,
    keyring,
    orgId,
    await tx
      .select()
      .from(contactIdentities)
      .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, contactId)))
      .orderBy(asc(contactIdentities.createdAt)),
  );
  const consentRows = await tx
    .select()
    .from(consentRecords)
    .where(and(eq(consentRecords.orgId, orgId), eq(consentRecords.contactId, contactId)))
    .orderBy(asc(consentRecords.seq));
  const appointmentRows = await tx
    .select({
      appointment: appointments,
      practitioner: practitioners.name,
      location: locations.name,
      type: appointmentTypes.name,
    })
    .from(appointments)
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .leftJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(and(eq(appointments.orgId, orgId), eq(appointments.contactId, contactId)))
    .orderBy(asc(appointments.start));
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
  const theirConversations = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.contactId, contactId)))
    .orderBy(asc(conversations.createdAt));
  const conversationIds = theirConversations.map((c) => c.id);
  const sealedMessages =
    conversationIds.length === 0
      ? []
      : await tx
          .select({ message: messages, author: users.name })
          .from(messages)
          .leftJoin(users, eq(users.id, messages.authorUserId))
          .where(and(eq(messages.orgId, orgId), inArray(messages.conversationId, conversationIds)))
          .orderBy(asc(messages.occurredAt), asc(messages.seq));
  const openedMessages = await openMessages(
    tx,
    keyring,
    sealedMessages.map((m) => m.message),
  );
  const theirMessages = sealedMessages.map((m, at) => ({ ...m, message: openedMessages[at] ?? m.message }));
  const messageIds = theirMessages.map((m) => m.message.id);
  const reactions =
    messageIds.length === 0
      ? []
      : await tx
          .select()
          .from(messageReactions)
          .where(and(eq(messageReactions.orgId, orgId), inArray(messageReactions.messageId, messageIds)))
          .orderBy(asc(messageReactions.reactedAt));
  const sentFileIds = [
    ...new Set(
      theirMessages.flatMap(({ message }) =>
        message.direction === 'outbound' ? [...carelineMediaIdsIn(message.content)] : [],
      ),
    ),
  ];
  const sealedFiles =
    messageIds.length === 0
      ? []
      : await tx
          .select()
          .from(mediaFiles)
          .where(
            and(
              eq(mediaFiles.orgId, orgId),
              or(
                inArray(mediaFiles.messageId, messageIds),
                sentFileIds.length > 0
                  ? and(isNull(mediaFiles.messageId), inArray(mediaFiles.id, sentFileIds))
                  : undefined,
              ),
            ),
          )
          .orderBy(asc(mediaFiles.createdAt));
  const files = await openMediaFileNames(tx, keyring, orgId, sealedFiles);
  return {
    contact,
    identities,
    consents,
    appointments: theirAppointments,
    conversations: theirConversations,
    messages: theirMessages,
    reactions,
    files,
  };
}

export type PatientRecord = NonNullable<Awaited<ReturnType<typeof readPatientRecord>>>;
