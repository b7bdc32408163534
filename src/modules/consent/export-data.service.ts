import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ExportPage,
  type ExportQuery,
  exportPageOf,
  exportWindow,
} from '../../platform/db/export-page.ts';
import { consentRecords } from './consent.schema.ts';

/** The consent ledger for the exports module, every grant and withdrawal by the time it was recorded. */
export async function exportConsentsPage(db: DbOrTx, orgId: string, query: ExportQuery): Promise<ExportPage> {
  const page = exportWindow(
    { orgId: consentRecords.orgId, at: consentRecords.recordedAt, tie: consentRecords.id },
    orgId,
    query,
  );
  const rows = await db
    .select()
    .from(consentRecords)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit);
  return exportPageOf(
    rows,
    query.limit,
    (r) => r.recordedAt,
    (r) => ({
      id: r.id,
      patient_id: r.contactId,
      channel: r.channel,
      purpose: r.purpose,
      granted: r.granted,
      method: r.method,
      text_shown: r.textShown,
      message_id: r.messageId,
      recorded_by_user_id: r.recordedByUserId,
      recorded_at: r.recordedAt.toISOString(),
    }),
  );
}

export const CONSENT_EXPORT_COLUMNS = [
  'id',
  'patient_id',
  'channel',
  'purpose',
  'granted',
  'method',
  'text_shown',
  'message_id',
  'recorded_by_user_id',
  'recorded_at',
] as const;
