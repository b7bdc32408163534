import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ExportPage,
  type ExportQuery,
  exportPageOf,
  exportWindow,
  isoOrNull,
} from '../../platform/db/export-page.ts';
import type { Keyring } from '../keys/keyring.ts';
import { redFlagEvents } from './red-flag-event.schema.ts';
import { RED_FLAG_WORDS_PURPOSE } from './red-flag-words.ts';

/**
 * Red-flag events for the exports module, by the time they were raised. The words that raised one are
 * the patient's words about their health: opened for callers with medical.read, left empty otherwise.
 */
export async function exportRedFlagsPage(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  query: ExportQuery,
): Promise<ExportPage> {
  const page = exportWindow(
    { orgId: redFlagEvents.orgId, at: redFlagEvents.raisedAt, tie: redFlagEvents.id },
    orgId,
    query,
  );
  const rows = await db
    .select()
    .from(redFlagEvents)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const opener = query.seesMedical
    ? await keyring.opener(
        db,
        orgId,
        rows.map((r) => r.words),
      )
    : undefined;
  return exportPageOf(
    rows,
    query.limit,
    (r) => r.raisedAt,
    (r) => ({
      id: r.id,
      conversation_id: r.conversationId,
      patient_id: r.contactId,
      message_id: r.messageId,
      category: r.category,
      categories: r.categories.join(';'),
      words: opener ? (opener.open(r.words, RED_FLAG_WORDS_PURPOSE) ?? '') : null,
      raised_at: r.raisedAt.toISOString(),
      responded_at: isoOrNull(r.respondedAt),
      handled_by: r.handledBy,
      advice_skipped_reason: r.adviceSkippedReason,
      acknowledged_at: isoOrNull(r.acknowledgedAt),
      acknowledged_by_user_id: r.acknowledgedByUserId,
    }),
  );
}

export const RED_FLAG_EXPORT_COLUMNS = [
  'id',
  'conversation_id',
  'patient_id',
  'message_id',
  'category',
  'categories',
  'words',
  'raised_at',
  'responded_at',
  'handled_by',
  'advice_skipped_reason',
  'acknowledged_at',
  'acknowledged_by_user_id',
] as const;
