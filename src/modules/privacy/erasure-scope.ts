import { carelineMediaIdsIn } from '../../channels/careline-media-ids.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { readPatientContact, readPatientIdentities } from '../contacts/patient-data.service.ts';
import { patientFlowSessionIds } from '../flows/patient-data.service.ts';
import { openContents } from '../inbox/message-sealing.ts';
import {
  lockPatientConversationIds,
  messageKeysOfConversations,
  staffContentsNamingFilesOutside,
} from '../inbox/patient-data.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { fileIdsOfMessages, sentFileIdsAmong } from '../media/patient-data.service.ts';
import { patientAppointmentIds } from '../scheduling/patient-data.service.ts';

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
  const contact = await readPatientContact(tx, keyring, orgId, contactId, { lock: true });
  if (!contact) return undefined;
  const conversationIds = await lockPatientConversationIds(tx, orgId, contactId);
  const theirMessages = await messageKeysOfConversations(tx, orgId, conversationIds);
  const identities = await readPatientIdentities(tx, keyring, orgId, contactId);
  const appointmentIds = await patientAppointmentIds(tx, orgId, contactId);
  const flowSessionIds = await patientFlowSessionIds(tx, orgId, contactId, conversationIds);
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
  const ids = new Set(await fileIdsOfMessages(tx, orgId, messageIds));
  const sent = await sentFileIdsAmong(tx, orgId, sentFileIds, messageIds);
  const candidates = sent.filter((id) => !ids.has(id));
  if (candidates.length > 0) {
    const usedElsewhere = new Set<string>();
    for (const content of await staffContentsNamingFilesOutside(
      tx,
      keyring,
      orgId,
      conversationIds,
      candidates,
    )) {
      for (const id of carelineMediaIdsIn(content)) usedElsewhere.add(id);
    }
    for (const id of candidates) if (!usedElsewhere.has(id)) ids.add(id);
  }
  return [...ids];
}
