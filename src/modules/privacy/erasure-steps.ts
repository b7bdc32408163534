import { openWebhookBody } from '../../channels/webhook-body-seal.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { closeAlertsOfForgottenDeliveries } from '../alerts/alert.service.ts';
import { deletePatientConsents } from '../consent/patient-data.service.ts';
import {
  deletePatientContact,
  erasePatientMergedRecords,
  mergedRecordIdsOf,
} from '../contacts/patient-data.service.ts';
import { deleteFlowSessions, deletePatientSatisfactionAnswers } from '../flows/patient-data.service.ts';
import {
  deleteConversationsByIds,
  deleteMessagesByIds,
  deleteReactionsOfMessages,
} from '../inbox/patient-data.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { deleteFileRows } from '../media/patient-data.service.ts';
import { deleteDeliveryReceiptsOf, deleteKeptAnswersOf } from '../outbox/patient-data.service.ts';
import { deletePatientGroupMemberships } from '../patient-groups/patient-data.service.ts';
import { deletePatientPrescriptionOrders } from '../pharmacy/patient-data.service.ts';
import { deletePatientReminders } from '../reminders/patient-data.service.ts';
import { deletePatientRedFlags } from '../safety/patient-data.service.ts';
import { deleteAppointmentsByIds } from '../scheduling/patient-data.service.ts';
import {
  deleteTheirJobs,
  deleteTheirLiveEvents,
  forgetJournalBodies,
  journalBodiesOf,
} from './erasure.repository.ts';
import type { ErasureScope } from './erasure-scope.ts';

/** What an erasure step works with: the patient's scope, the services it needs, and a way to act after commit. */
export interface ErasureContext {
  scope: ErasureScope;
  mediaStore: MediaStore;
  cipher: FieldCipher;
  keyring: Keyring;
  now: Date;
  /** Work that cannot be rolled back (deleting files) runs only once the erasure is committed. */
  afterCommit(work: () => Promise<void>): void;
}

/**
 * One kind of thing an erasure removes. Steps run in order inside one transaction; each answers how
 * many rows (or files) it removed, counted in the erasure record under its name. Another part of
 * Careline extends the erasure by adding a step (e.g. destroying the patient's data key).
 */
export interface ErasureStep {
  name: string;
  run(tx: DbOrTx, context: ErasureContext): Promise<number>;
}

/** In an order the foreign keys allow: what points at a row goes before the row. */
export const ERASURE_STEPS: readonly ErasureStep[] = [
  { name: 'jobs', run: (tx, { scope }) => deleteTheirJobs(tx, scope) },
  { name: 'webhook_bodies', run: forgetTheirJournalBodies },
  {
    name: 'red_flags',
    run: (tx, { scope: s }) => deletePatientRedFlags(tx, s.orgId, s.contactId, s.conversationIds),
  },
  {
    name: 'satisfaction_answers',
    run: (tx, { scope: s }) => deletePatientSatisfactionAnswers(tx, s.orgId, s.contactId, s.conversationIds),
  },
  {
    name: 'reminders',
    run: (tx, { scope: s }) => deletePatientReminders(tx, s.orgId, s.appointmentIds, s.messageIds),
  },
  { name: 'appointments', run: (tx, { scope: s }) => deleteAppointmentsByIds(tx, s.orgId, s.appointmentIds) },
  {
    name: 'prescription_orders',
    run: (tx, { scope: s }) => deletePatientPrescriptionOrders(tx, s.orgId, s.contactId),
  },
  { name: 'consents', run: (tx, { scope: s }) => deletePatientConsents(tx, s.orgId, s.contactId) },
  { name: 'reactions', run: (tx, { scope: s }) => deleteReactionsOfMessages(tx, s.orgId, s.messageIds) },
  { name: 'files', run: deleteTheirFiles },
  {
    name: 'delivery_receipts',
    run: (tx, { scope: s }) => deleteDeliveryReceiptsOf(tx, s.orgId, s.externalIds),
  },
  { name: 'kept_answers', run: (tx, { scope: s }) => deleteKeptAnswersOf(tx, s.orgId, s.conversationIds) },
  { name: 'messages', run: (tx, { scope: s }) => deleteMessagesByIds(tx, s.orgId, s.messageIds) },
  {
    name: 'flow_sessions',
    run: (tx, { scope: s }) => deleteFlowSessions(tx, s.orgId, s.conversationIds, s.flowSessionIds),
  },
  { name: 'live_events', run: (tx, { scope }) => deleteTheirLiveEvents(tx, scope) },
  {
    name: 'conversations',
    run: (tx, { scope: s }) => deleteConversationsByIds(tx, s.orgId, s.conversationIds),
  },
  // Their place in the clinic's patient groups, and that of the records merged into them.
  {
    name: 'group_memberships',
    run: async (tx, { scope: s }) =>
      deletePatientGroupMemberships(tx, s.orgId, [
        s.contactId,
        ...(await mergedRecordIdsOf(tx, s.orgId, s.contactId)),
      ]),
  },
  // Records merged into this one are the same person: erased with it (rows and keys).
  {
    name: 'merged_records',
    run: (tx, { scope: s, keyring }) => erasePatientMergedRecords(tx, keyring, s.orgId, s.contactId),
  },
  { name: 'contact', run: (tx, { scope: s }) => deletePatientContact(tx, s.orgId, s.contactId) },
  // Last, and the step that reaches backups: what they hold of this patient was sealed with this key.
  {
    name: 'data_key',
    run: async (tx, { scope, keyring }) =>
      (await keyring.destroyPatientKey(tx, scope.orgId, scope.contactId)) ? 1 : 0,
  },
];

/** The rows go in the transaction; the encrypted bytes once it is committed (a rollback keeps them). */
async function deleteTheirFiles(tx: DbOrTx, context: ErasureContext): Promise<number> {
  const keys = await deleteFileRows(tx, context.scope.orgId, context.scope.mediaFileIds);
  context.afterCommit(async () => {
    for (const key of keys) await context.mediaStore.delete(context.scope.orgId, key);
  });
  return keys.length;
}

/**
 * Deliveries waiting for a retry still hold their (encrypted) body; one that names the patient is
 * forgotten and its alert closed. Processed deliveries hold no body, only a hash: nothing to find.
 */
async function forgetTheirJournalBodies(tx: DbOrTx, context: ErasureContext): Promise<number> {
  const { scope, cipher, now } = context;
  if (scope.channelIds.length === 0) return 0;
  const theirs: number[] = [];
  for (const row of await journalBodiesOf(tx, scope.orgId)) {
    const body = openBody(cipher, row);
    // A body that no longer decrypts cannot be told apart: forget it rather than keep a possible copy.
    if (body === undefined || scope.channelIds.some((id) => body.includes(`"${id}"`))) theirs.push(row.id);
  }
  await forgetJournalBodies(tx, scope.orgId, theirs);
  await closeAlertsOfForgottenDeliveries(
    tx,
    theirs,
    'Closed: the delivery named a patient who was erased; it can no longer be retried.',
    now,
  );
  return theirs.length;
}

function openBody(
  cipher: FieldCipher,
  row: { channelAccountId: string; bodySha256: string; sealedBody: string | null; rawBody: string | null },
): string | undefined {
  try {
    return openWebhookBody(cipher, row) ?? '';
  } catch {
    return undefined;
  }
}
