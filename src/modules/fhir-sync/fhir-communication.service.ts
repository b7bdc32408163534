import { findConversation } from '../inbox/conversation.service.ts';
import { findMessage } from '../inbox/message.service.ts';
import { MESSAGE_TEXT_PURPOSE } from '../inbox/message-sealing.ts';
import { findLinkByLocal } from './fhir-sync.repository.ts';
import type { FhirSyncDeps } from './fhir-sync-deps.ts';
import { saveLinkTo, type WriteBackJob, withEhr } from './fhir-write-back.service.ts';

/**
 * Writes one message of a conversation to the EHR as a Communication about the patient (subject = the
 * remote Patient): what the patient wrote (sender = the patient) and what the clinic answered. Only
 * patients the EHR knows (linked by an import or an appointment written back): a message from someone
 * who is not the clinic's patient there is not filed in it. Written once: a message does not change.
 */
export async function writeBackMessage(
  deps: FhirSyncDeps,
  job: WriteBackJob & { messageId: string },
): Promise<void> {
  const { db, keyring } = deps;
  const { orgId, messageId } = job;
  if (await findLinkByLocal(db, orgId, 'Communication', messageId)) return;
  const message = await findMessage(db, orgId, messageId);
  if (!message || message.direction === 'note') return;
  const conversation = await findConversation(db, orgId, message.conversationId);
  if (!conversation) return;
  const patient = await findLinkByLocal(db, orgId, 'Patient', conversation.contactId);
  if (!patient) return;
  const text = (await keyring.opener(db, orgId, [message.text])).open(message.text, MESSAGE_TEXT_PURPOSE);
  const subject = { reference: `Patient/${patient.remoteId}` };
  await withEhr(deps, job, 'Communication', messageId, async (client) => {
    const written = await client.create({
      resourceType: 'Communication',
      status: 'completed',
      subject,
      ...(message.direction === 'inbound'
        ? { sender: subject, received: message.createdAt.toISOString() }
        : {}),
      ...(message.direction === 'outbound'
        ? { recipient: [subject], sent: message.createdAt.toISOString() }
        : {}),
      category: [{ text: 'Patient messaging (Careline)' }],
      payload: [{ contentString: text ?? `[${message.type}]` }],
    });
    await saveLinkTo(deps, orgId, 'Communication', messageId, written, message.createdAt);
    return { outcome: 'created', status: 201, remoteId: written.id ?? null };
  });
}
