import { and, eq, inArray, isNotNull, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { carelineMediaIdsIn } from '../../channels/careline-media-ids.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { openContacts, openIdentities } from '../contacts/contact.repository.ts';
import { contactIdentities, contacts } from '../contacts/contact.schema.ts';
import { flowSessions } from '../flows/flow.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import { messages } from '../inbox/message.schema.ts';
import { openContents } from '../inbox/message-sealing.ts';
import type { Keyring } from '../keys/keyring.ts';
import { mediaFiles } from '../media/media.schema.ts';
import { appointments } from '../scheduling/scheduling.schema.ts';

/**
 * Everything that identifies one patient's rows, gathered once at the start of an erasure (rows
 * locked) so every step deletes by id, never by a guess.
 */
export interface ErasureScope {
  orgId: string;
  contactId: string;
  /** As the clinic knows them: what an administrator types to confirm. */
  contact: { displayName: string | null; phone: string | null };
  conversationIds: string[];
  messageIds: string[];
  /** Their messages' channel ids, by number: delivery receipts are keyed by them. */
  externalIds: Array<{ channelAccountId: string; externalId: string }>;
  appointmentIds: string[];
  flowSessionIds: string[];
  /** The patient's ids on every channel (their id there, number, scoped id): how a journaled delivery names them. */
  channelIds: string[];
  /** Their files: the ones they sent and the ones sent to them alone. */
  mediaFileIds: string[];
}

/** The patient's scope, with their contact and conversations locked; undefined when not in this clinic. */
export async function lockErasureScope(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactId: string,
): Promise<ErasureScope | undefined> {
  // Opened before anything is erased: the name confirms the erasure, the numbers find journaled deliveries.
  const [contact] = await openContacts(
    tx,
    keyring,
    orgId,
    await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)))
      .for('update'),
  );
  if (!contact) return undefined;
  const conversationIds = (
    await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), eq(conversations.contactId, contactId)))
      .for('update')
  ).map((row) => row.id);
  const theirMessages =
    conversationIds.length === 0
      ? []
      : await tx
          .select({
            id: messages.id,
            direction: messages.direction,
            channelAccountId: messages.channelAccountId,
            externalId: messages.externalId,
            content: messages.content,
            contentSealed: messages.contentSealed,
          })
          .from(messages)
          .where(and(eq(messages.orgId, orgId), inArray(messages.conversationId, conversationIds)));
  const identities = await openIdentities(
    tx,
    keyring,
    orgId,
    await tx
      .select()
      .from(contactIdentities)
      .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, contactId))),
  );
  const appointmentIds = (
    await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.orgId, orgId), eq(appointments.contactId, contactId)))
  ).map((row) => row.id);
  const flowSessionIds = (
    await tx
      .select({ id: flowSessions.id })
      .from(flowSessions)
      .where(
        and(
          eq(flowSessions.orgId, orgId),
          or(
            eq(flowSessions.contactId, contactId),
            conversationIds.length > 0 ? inArray(flowSessions.conversationId, conversationIds) : sql`false`,
          ),
        ),
      )
  ).map((row) => row.id);
  const messageIds = theirMessages.map((m) => m.id);
  const sentFileIds = new Set<string>();
  const sentByStaff = theirMessages.filter((m) => m.direction === 'outbound');
  for (const content of await openContents(tx, keyring, orgId, sentByStaff)) {
    for (const id of carelineMediaIdsIn(content)) sentFileIds.add(id);
  }
  const channelIds = new Set<string>();
  for (const value of [
    contact.phone,
    ...identities.flatMap((i) => [i.externalId, i.phone, i.scopedId, i.username]),
  ]) {
    if (value) {
      channelIds.add(value);
      // A journaled WhatsApp delivery writes the number without its +.
      if (value.startsWith('+')) channelIds.add(value.slice(1));
    }
  }
  return {
    orgId,
    contactId,
    contact: { displayName: contact.displayName, phone: contact.phone },
    conversationIds,
    messageIds,
    externalIds: theirMessages.flatMap((m) =>
      m.externalId ? [{ channelAccountId: m.channelAccountId, externalId: m.externalId }] : [],
    ),
    appointmentIds,
    flowSessionIds,
    channelIds: [...channelIds],
    mediaFileIds: await theirFiles(tx, keyring, orgId, conversationIds, messageIds, [...sentFileIds]),
  };
}

/**
 * The files of their messages, and the files staff sent them unless the same upload went to another
 * patient too (that patient's timeline still shows it).
 */
async function theirFiles(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationIds: string[],
  messageIds: string[],
  sentFileIds: string[],
): Promise<string[]> {
  const linked =
    messageIds.length === 0
      ? []
      : await tx
          .select({ id: mediaFiles.id })
          .from(mediaFiles)
          .where(and(eq(mediaFiles.orgId, orgId), inArray(mediaFiles.messageId, messageIds)));
  const ids = new Set(linked.map((row) => row.id));
  const sent =
    sentFileIds.length === 0
      ? []
      : await tx
          .select({ id: mediaFiles.id })
          .from(mediaFiles)
          .where(
            and(
              eq(mediaFiles.orgId, orgId),
              inArray(mediaFiles.id, sentFileIds),
              or(isNull(mediaFiles.messageId), inArray(mediaFiles.messageId, messageIds)),
            ),
          );
  const candidates = sent.map((row) => row.id).filter((id) => !ids.has(id));
  if (candidates.length > 0) {
    // Message details are sealed: the other patients' messages that may name an upload are opened here.
    const others = await tx
      .select({ content: messages.content, contentSealed: messages.contentSealed })
      .from(messages)
      .where(
        and(
          eq(messages.orgId, orgId),
          ne(messages.direction, 'inbound'),
          notInArray(messages.conversationId, conversationIds),
          or(
            isNotNull(messages.contentSealed),
            ...candidates.map((id) => sql`${messages.content}::text like ${`%${id}%`}`),
          ),
        ),
      );
    const usedElsewhere = new Set<string>();
    for (const content of await openContents(tx, keyring, orgId, others)) {
      for (const id of carelineMediaIdsIn(content)) usedElsewhere.add(id);
    }
    for (const id of candidates) if (!usedElsewhere.has(id)) ids.add(id);
  }
  return [...ids];
}
