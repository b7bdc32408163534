import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ExportPage,
  type ExportQuery,
  exportPageOf,
  exportWindow,
  isoOrNull,
} from '../../platform/db/export-page.ts';
import type { Keyring } from '../keys/keyring.ts';
import { conversations } from './conversation.schema.ts';
import { messages } from './message.schema.ts';
import { MESSAGE_TEXT_PURPOSE } from './message-sealing.ts';

/**
 * The inbox's datasets for the exports module, a keyset page at a time (oldest first): messages by the
 * time they happened (then their arrival order), conversations by the time they opened. Message text is opened with the patient's
 * key; medical notes only for callers who may read them.
 */
export async function exportMessagesPage(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  query: ExportQuery,
): Promise<ExportPage> {
  const page = exportWindow(
    { orgId: messages.orgId, at: messages.occurredAt, tie: messages.seq },
    orgId,
    query,
    eq(conversations.orgId, orgId),
    query.teamId ? eq(conversations.teamId, query.teamId) : undefined,
    query.seesMedical ? undefined : eq(messages.medical, false),
  );
  const rows = await db
    .select({
      id: messages.id,
      seq: messages.seq,
      conversationId: messages.conversationId,
      contactId: conversations.contactId,
      teamId: conversations.teamId,
      channelAccountId: messages.channelAccountId,
      direction: messages.direction,
      type: messages.type,
      text: messages.text,
      status: messages.status,
      medical: messages.medical,
      failureReason: messages.failureReason,
      authorUserId: messages.authorUserId,
      occurredAt: messages.occurredAt,
      editedAt: messages.editedAt,
      deletedAt: messages.deletedAt,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const opener = await keyring.opener(
    db,
    orgId,
    rows.map((r) => r.text),
  );
  return exportPageOf(
    rows,
    query.limit,
    (r) => r.occurredAt,
    (r) => ({
      id: r.id,
      conversation_id: r.conversationId,
      patient_id: r.contactId,
      team_id: r.teamId,
      channel_account_id: r.channelAccountId,
      direction: r.direction,
      type: r.type,
      text: opener.open(r.text, MESSAGE_TEXT_PURPOSE),
      status: r.status,
      medical: r.medical,
      failure_reason: r.failureReason,
      author_user_id: r.authorUserId,
      occurred_at: r.occurredAt.toISOString(),
      edited_at: isoOrNull(r.editedAt),
      deleted_at: isoOrNull(r.deletedAt),
    }),
    // Same-second messages keep the order they arrived in, as the timeline shows them.
    (r) => r.seq,
  );
}

export const MESSAGE_EXPORT_COLUMNS = [
  'id',
  'conversation_id',
  'patient_id',
  'team_id',
  'channel_account_id',
  'direction',
  'type',
  'text',
  'status',
  'medical',
  'failure_reason',
  'author_user_id',
  'occurred_at',
  'edited_at',
  'deleted_at',
] as const;

export async function exportConversationsPage(
  db: DbOrTx,
  orgId: string,
  query: ExportQuery,
): Promise<ExportPage> {
  const page = exportWindow(
    { orgId: conversations.orgId, at: conversations.createdAt, tie: conversations.id },
    orgId,
    query,
    query.teamId ? eq(conversations.teamId, query.teamId) : undefined,
  );
  const rows = await db
    .select()
    .from(conversations)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit);
  return exportPageOf(
    rows,
    query.limit,
    (r) => r.createdAt,
    (r) => ({
      id: r.id,
      patient_id: r.contactId,
      channel_account_id: r.channelAccountId,
      team_id: r.teamId,
      assignee_user_id: r.assigneeUserId,
      status: r.status,
      urgent: r.urgent,
      created_at: r.createdAt.toISOString(),
      last_message_at: r.lastMessageAt.toISOString(),
      closed_at: isoOrNull(r.closedAt),
    }),
  );
}

export const CONVERSATION_EXPORT_COLUMNS = [
  'id',
  'patient_id',
  'channel_account_id',
  'team_id',
  'assignee_user_id',
  'status',
  'urgent',
  'created_at',
  'last_message_at',
  'closed_at',
] as const;
