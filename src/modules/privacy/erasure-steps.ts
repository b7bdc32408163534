import { openWebhookBody } from '../../channels/webhook-body-seal.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { closeAlertsOfForgottenDeliveries } from '../alerts/alert.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  deleteContactAndIdentities,
  deleteTheirAppointments,
  deleteTheirConsents,
  deleteTheirConversations,
  deleteTheirDeliveryReceipts,
  deleteTheirFileRows,
  deleteTheirFlowSessions,
  deleteTheirJobs,
  deleteTheirKeptAnswers,
  deleteTheirLiveEvents,
  deleteTheirMessages,
  deleteTheirReactions,
  deleteTheirRedFlags,
  deleteTheirReminders,
  deleteTheirSatisfactionAnswers,
  forgetJournalBodies,
  journalBodiesOf,
} from './erasure.repository.ts';
import type { ErasureScope } from './erasure-scope.repository.ts';

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
  { name: 'red_flags', run: (tx, { scope }) => deleteTheirRedFlags(tx, scope) },
  { name: 'satisfaction_answers', run: (tx, { scope }) => deleteTheirSatisfactionAnswers(tx, scope) },
  { name: 'reminders', run: (tx, { scope }) => deleteTheirReminders(tx, scope) },
  { name: 'appointments', run: (tx, { scope }) => deleteTheirAppointments(tx, scope) },
  { name: 'consents', run: (tx, { scope }) => deleteTheirConsents(tx, scope) },
  { name: 'reactions', run: (tx, { scope }) => deleteTheirReactions(tx, scope) },
  { name: 'files', run: deleteTheirFiles },
  { name: 'delivery_receipts', run: (tx, { scope }) => deleteTheirDeliveryReceipts(tx, scope) },
  { name: 'kept_answers', run: (tx, { scope }) => deleteTheirKeptAnswers(tx, scope) },
  { name: 'messages', run: (tx, { scope }) => deleteTheirMessages(tx, scope) },
  { name: 'flow_sessions', run: (tx, { scope }) => deleteTheirFlowSessions(tx, scope) },
  { name: 'live_events', run: (tx, { scope }) => deleteTheirLiveEvents(tx, scope) },
  { name: 'conversations', run: (tx, { scope }) => deleteTheirConversations(tx, scope) },
  { name: 'contact', run: (tx, { scope }) => deleteContactAndIdentities(tx, scope) },
  // Last, and the step that reaches backups: what they hold of this patient was sealed with this key.
  {
    name: 'data_key',
    run: async (tx, { scope, keyring }) =>
      (await keyring.destroyPatientKey(tx, scope.orgId, scope.contactId)) ? 1 : 0,
  },
];

/** The rows go in the transaction; the encrypted bytes once it is committed (a rollback keeps them). */
async function deleteTheirFiles(tx: DbOrTx, context: ErasureContext): Promise<number> {
  const keys = await deleteTheirFileRows(tx, context.scope);
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
