import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ExportPage,
  type ExportQuery,
  exportPageOf,
  exportWindow,
} from '../../platform/db/export-page.ts';
import type { Keyring } from '../keys/keyring.ts';
import { csatResponses } from './flow.schema.ts';
import { CSAT_COMMENT_PURPOSE } from './flow-effects.ts';

/** Satisfaction answers for the exports module, oldest first; the comment opened with the patient's key. */
export async function exportCsatPage(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  query: ExportQuery,
): Promise<ExportPage> {
  const page = exportWindow(
    { orgId: csatResponses.orgId, at: csatResponses.createdAt, tie: csatResponses.id },
    orgId,
    query,
    query.teamId ? eq(csatResponses.teamId, query.teamId) : undefined,
  );
  const rows = await db
    .select()
    .from(csatResponses)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const opener = await keyring.opener(
    db,
    orgId,
    rows.map((r) => r.comment),
  );
  return exportPageOf(
    rows,
    query.limit,
    (r) => r.createdAt,
    (r) => ({
      id: r.id,
      conversation_id: r.conversationId,
      patient_id: r.contactId,
      assignee_user_id: r.assigneeUserId,
      team_id: r.teamId,
      rating: r.rating,
      comment: opener.open(r.comment, CSAT_COMMENT_PURPOSE),
      created_at: r.createdAt.toISOString(),
    }),
  );
}

export const CSAT_EXPORT_COLUMNS = [
  'id',
  'conversation_id',
  'patient_id',
  'assignee_user_id',
  'team_id',
  'rating',
  'comment',
  'created_at',
] as const;
