import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { anyOf, deletedRows, deleteRowsOfContact } from '../../platform/db/row-deletion.ts';
import { repointRows } from '../../platform/db/row-repointing.ts';
import { csatResponses, flowConversationCursors, flowSessions } from './flow.schema.ts';

/** One patient's automation rows (sessions, answers, satisfaction scores), for the privacy module's erasure. */

/** Sessions about the patient or run in one of their conversations. */
export async function patientFlowSessionIds(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
  conversationIds: string[],
): Promise<string[]> {
  const rows = await tx
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
    );
  return rows.map((row) => row.id);
}

export function deletePatientSatisfactionAnswers(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
  conversationIds: string[],
): Promise<number> {
  return deleteRowsOfContact(tx, csatResponses, orgId, contactId, conversationIds);
}

/** Flow sessions with their answers and variables, and the automation's place in the conversations. */
export async function deleteFlowSessions(
  tx: DbOrTx,
  orgId: string,
  conversationIds: string[],
  sessionIds: string[],
): Promise<number> {
  const cursors = await tx
    .delete(flowConversationCursors)
    .where(
      and(
        eq(flowConversationCursors.orgId, orgId),
        anyOf(flowConversationCursors.conversationId, conversationIds),
      ),
    )
    .returning({ id: flowConversationCursors.conversationId });
  const sessions = await deletedRows(
    tx,
    flowSessions,
    and(eq(flowSessions.orgId, orgId), anyOf(flowSessions.id, sessionIds)),
  );
  return cursors.length + sessions;
}

/** For the patient-merge module: sessions and satisfaction answers follow their conversations to another record. */
export async function moveFlowRowsOfConversations(
  tx: DbOrTx,
  orgId: string,
  conversationIds: readonly string[],
  toContactId: string,
): Promise<void> {
  await repointRows(tx, flowSessions, orgId, flowSessions.conversationId, conversationIds, toContactId);
  await repointRows(tx, csatResponses, orgId, csatResponses.conversationId, conversationIds, toContactId);
}
